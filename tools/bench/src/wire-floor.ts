// The fixed cost of one prepared statement over the wire: N executions of a named prepared
// `SELECT $1::int` through `pg` on one connection (Bind/Describe/Execute/Sync after the first
// Parse), one at a time. Run against vecgres, then against PostgreSQL for the floor:
//   npx tsx tools/bench/src/wire-floor.ts [--url postgres://postgres@127.0.0.1:55433/postgres] [--n 20000] [--rounds 3]
// Prints µs per round trip for each round (the best is the figure to compare). With
// `--pid <server pid>` (Linux) it also prints the server's CPU per statement over the timed
// rounds, from /proc: its main (JS) thread, and its other threads (GC helpers, libuv pool).
import { readFileSync, readdirSync } from 'node:fs';
import { Client } from 'pg';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}

/** utime + stime of a task, in clock ticks (/proc/<pid>/task/<tid>/stat fields 14 and 15). */
function taskTicks(pid: number, tid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** [main thread, all threads] CPU ticks of process `pid`. */
function processTicks(pid: number): [number, number] {
  let all = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) all += taskTicks(pid, Number(tid));
  return [taskTicks(pid, pid), all];
}

/** Linux USER_HZ: /proc reports CPU time in 1/100 s. */
const TICK_US = 10_000;

async function main(): Promise<void> {
  const url = arg('url', 'postgres://postgres@127.0.0.1:55433/postgres');
  const n = Number(arg('n', '20000'));
  const rounds = Number(arg('rounds', '3'));
  const client = new Client({ connectionString: url });
  await client.connect();
  const query = { name: 'wire_floor', text: 'SELECT $1::int AS v', values: [0] as unknown[] };
  for (let i = 0; i < 1000; i++) {
    query.values = [i];
    await client.query(query);
  }
  const pid = Number(arg('pid', '0'));
  const before = pid > 0 ? processTicks(pid) : undefined;
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      query.values = [i];
      const res = await client.query(query);
      if (res.rows[0].v !== i) throw new Error(`wrong answer: ${JSON.stringify(res.rows[0])} for ${i}`);
    }
    const us = Number(process.hrtime.bigint() - t0) / 1000 / n;
    results.push(us);
    process.stdout.write(`round ${r + 1}: ${us.toFixed(1)} µs per round trip (${(1e6 / us).toFixed(0)} per s)\n`);
  }
  process.stdout.write(`best: ${Math.min(...results).toFixed(1)} µs per round trip over ${n} executions\n`);
  if (before) {
    const [main, all] = processTicks(pid);
    const stmts = n * rounds;
    const mainUs = ((main - before[0]) * TICK_US) / stmts;
    const otherUs = ((all - before[1] - (main - before[0])) * TICK_US) / stmts;
    process.stdout.write(`server CPU per statement: main thread ${mainUs.toFixed(1)} µs, other threads ${otherUs.toFixed(1)} µs\n`);
  }
  await client.end();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

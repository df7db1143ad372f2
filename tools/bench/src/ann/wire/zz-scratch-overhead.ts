import { createHarness, simple } from '../../../../../apps/server/src/testing/session-harness';
import { FakeSink } from '../../../../../apps/server/src/testing/fake-sink';
async function main() {
  const rows = Number(process.argv[2] ?? 10);
  const n = Number(process.argv[3] ?? 20000);
  const h = await createHarness();
  const s = h.session();
  await simple(s, 'CREATE EXTENSION vector');
  await simple(s, 'CREATE TABLE t (id integer, embedding vector(100))');
  const lit = (seed: number) => '[' + Array.from({ length: 100 }, (_, j) => (((seed * 7919 + j * 104729) % 1000) / 1000 - 0.5).toString()).join(',') + ']';
  for (let i = 0; i < rows; i += 500) {
    const vals = [];
    for (let r = i; r < Math.min(rows, i + 500); r++) vals.push(`(${r}, '${lit(r)}')`);
    await simple(s, `INSERT INTO t VALUES ${vals.join(',')}`);
  }
  const stmt = await s.parse('SELECT id FROM t ORDER BY embedding <-> $1 LIMIT 10', []);
  const text = Array.from({ length: 100 }, (_, q) => Buffer.from(lit(q + 100000)));
  const bin = text.map((t) => { const v = JSON.parse(t.toString()); const b = Buffer.alloc(404); b.writeInt16BE(100, 0); v.forEach((x: number, j: number) => b.writeFloatBE(x, 4 + 4 * j)); return b; });
  for (const [name, params, fmt] of [['text', text, 0], ['binary', bin, 1]] as const) {
    const run = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const sink = new FakeSink();
        const portal = await s.bind(stmt, { params: [params[i % 100]!], paramFormats: [fmt], resultFormats: [1] });
        await s.execute(portal, 0, sink);
        await s.sync();
      }
    };
    await run(2000);
    const c0 = process.cpuUsage(); const t0 = performance.now();
    await run(n);
    const c = process.cpuUsage(c0); const t = performance.now() - t0;
    console.log(`${name}: ${((c.user + c.system) / n).toFixed(1)} µs CPU/query, ${(t * 1000 / n).toFixed(1)} µs wall/query`);
  }
  await s.close(); await h.close();
}
main();

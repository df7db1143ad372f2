// Crash safety: a child process commits transactions and is SIGKILLed at random moments; after
// each kill the store must reopen with every acknowledged commit present and no transaction
// partly present. VECGRES_SOAK=1 runs many more rounds.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

import { createRng } from '../testing/rng';
import { openEngine } from '../testing/engine-fixtures';
import { makeTempDir, removeTempDir } from '../testing/temp-dir';

const ROUNDS = process.env.VECGRES_SOAK === '1' ? 100 : 10;
const CHILD = path.join(__dirname, '..', 'testing', 'crash-child.ts');

/** Runs the child until READY + `killAfterMs`, SIGKILLs it, and returns the acknowledged txs. */
function runChild(dir: string, round: number, killAfterMs: number): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const acked = new Map<string, number>();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let stderr = '';
    // One process (node --import tsx), so SIGKILL hits the process that holds the files.
    let timer: NodeJS.Timeout | undefined = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'READY') {
          clearTimeout(timer);
          timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
        const m = /^ACK (\S+) (\d+)$/.exec(line);
        if (m) acked.set(m[1], Number(m[2]));
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`child exited with ${code ?? signal} before the kill: ${stderr}`));
    });
  });
}

describe('crash recovery (SIGKILL at random moments)', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('vecgres-crash-');
  });
  afterAll(() => removeTempDir(dir));

  it(
    `keeps every acknowledged commit and no partial transaction over ${ROUNDS} kills`,
    async () => {
      const rng = createRng(20240611);
      const allAcked = new Map<string, number>();
      let sawRows = 0;
      let maxSealed = 0;
      let maxCheckpoint = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const acked = await runChild(dir, round, 20 + Math.floor(rng() * 400));
        for (const [k, v] of acked) allAcked.set(k, v);
        const { engine, recovery } = await openEngine(dir);
        const table = engine.tables().find((t) => t.name === 'crash');
        expect(table).toBeDefined();
        const view = engine.snapshot();
        // Rows per transaction, counting deleted versions too (they were committed).
        const present = new Map<string, Set<number>>();
        const expected = new Map<string, number>();
        for (const seg of view.table(table!.id).segments) {
          for (let i = 0; i < seg.rowCount(); i++) {
            if (seg.xmin(i) > view.snapshot) continue;
            const values = JSON.parse(Buffer.from(seg.payload(i)).toString()) as { tx: string; rows: number; i: number };
            const set = present.get(values.tx) ?? new Set<number>();
            set.add(values.i);
            present.set(values.tx, set);
            expected.set(values.tx, values.rows);
          }
        }
        view.release();
        // No partly present transaction (rows of a committed tx may have been purged by merges
        // only if deleted; deleted rows are the i === 0 ones).
        for (const [tx, set] of present) {
          const want = expected.get(tx) as number;
          for (let i = 1; i < want; i++) expect({ tx, i, present: set.has(i) }).toEqual({ tx, i, present: true });
        }
        // Every acknowledged transaction is there.
        for (const [tx] of allAcked) expect({ tx, present: present.has(tx) }).toEqual({ tx, present: true });
        sawRows += present.size;
        expect(recovery.lastLsn).toBeGreaterThan(0);
        maxSealed = Math.max(maxSealed, recovery.sealedSegments);
        maxCheckpoint = Math.max(maxCheckpoint, recovery.checkpointLsn);
        await engine.close();
      }
      expect(allAcked.size).toBeGreaterThan(0);
      expect(sawRows).toBeGreaterThan(0);
      // The kills also hit a store with sealed segments and checkpoints, not just a bare WAL.
      expect(maxSealed).toBeGreaterThan(0);
      expect(maxCheckpoint).toBeGreaterThan(0);
    },
    ROUNDS * 20_000,
  );
});

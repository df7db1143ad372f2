// Child process for the crash test: commits transactions as fast as it can (several in flight
// at once, so group commit is exercised) with seals, merges and checkpoints happening, and
// prints "ACK <tx> <rows>" after each commit resolves. The parent SIGKILLs it at a random moment.
//   argv: <dataDir> <round>
import { StorageEngine } from '../engine/storage-engine';
import { testNative } from './native';

async function main(): Promise<void> {
  const [dir, roundText] = process.argv.slice(2);
  const round = Number(roundText);
  const { engine } = await StorageEngine.open(dir, {
    native: testNative(),
    sealThresholdRows: 40,
    merge: { mergeFactor: 3, minRows: 40 },
    walSegmentBytes: 8192,
  });
  let table = engine.tables().find((t) => t.name === 'crash')?.id;
  if (table === undefined) {
    const tx = engine.begin();
    table = tx.createTable({ name: 'crash', vectorColumns: [{ name: 'v', dim: 8 }] });
    await tx.commit();
  }
  const tableId = table;
  process.stdout.write('READY\n');
  let n = 0;
  const worker = async (w: number): Promise<void> => {
    for (;;) {
      const txName = `${round}-${w}-${n++}`;
      const rows = 1 + (n % 4);
      const tx = engine.begin();
      for (let i = 0; i < rows; i++) {
        tx.insert(tableId, { tx: txName, rows, i, v: Float32Array.from({ length: 8 }, (_, j) => n + i + j) });
      }
      // Some transactions also delete row 0 of an earlier multi-row one (an update-like pattern);
      // its other rows keep that transaction detectable even after a merge purges row 0.
      if (n % 5 === 0) {
        const victim = [...tx.rows(tableId)].find((r) => r.values.tx !== txName && r.values.i === 0 && (r.values.rows as number) >= 2);
        if (victim) tx.delete(tableId, victim.rowId);
      }
      try {
        await tx.commit();
      } catch (e) {
        if ((e as { sqlstate?: string }).sqlstate === '40001') continue;
        throw e;
      }
      process.stdout.write(`ACK ${txName} ${rows}\n`);
      if (n % 25 === 0) await engine.checkpoint({ round, n });
    }
  };
  await Promise.all([0, 1, 2, 3].map(worker));
}

main().catch((e) => {
  process.stderr.write(`crash-child failed: ${(e as Error).stack}\n`);
  process.exit(1);
});

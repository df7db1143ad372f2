// payloadsAt: the payloads of several rows read together (one native call for a sealed segment)
// equal payload(i) of each, in the order asked, repeats included, on both kinds of segment.
import { openEngine, createItems, vec } from '../testing/engine-fixtures';
import { makeTempDir, removeTempDir } from '../testing/temp-dir';

describe('SegmentReader.payloadsAt', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('matches payload(i) per position on sealed and mutable segments', async () => {
    const { engine } = await openEngine(dir);
    try {
      const t = await createItems(engine);
      const insert = async (keys: number[]) => {
        const tx = engine.begin();
        // Payloads of different lengths, so a wrong offset shows.
        for (const k of keys) tx.insert(t, { k, note: 'x'.repeat(k % 7), emb: vec(4, k) });
        await tx.commit();
      };
      await insert([1, 2, 3, 4, 5, 6, 7, 8]);
      await engine.seal(t);
      await insert([9, 10, 11]);
      const view = engine.snapshot();
      try {
        const [sealed, mutable] = view.table(t).segments;
        expect(sealed.sealed).toBe(true);
        expect(mutable.sealed).toBe(false);
        for (const seg of [sealed, mutable]) {
          const positions = [seg.rowCount() - 1, 0, 1, 0];
          const got = seg.payloadsAt(positions).map((b) => Array.from(b));
          expect(got).toEqual(positions.map((i) => Array.from(seg.payload(i))));
          expect(got[0].length).toBeGreaterThan(0);
          expect(seg.payloadsAt([])).toEqual([]);
        }
        expect(() => sealed.payloadsAt([sealed.rowCount()])).toThrow();
      } finally {
        view.release();
      }
    } finally {
      await engine.close();
    }
  });
});

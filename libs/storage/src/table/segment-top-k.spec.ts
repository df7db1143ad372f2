// segmentTopK: one native top-k over a segment's vector column, read in place from the mapped
// file of a sealed segment or the mutable segment's memory, restricted to candidate positions.
import { segmentTopK } from './segment-top-k';
import { createItems, openEngine, vec } from '../testing/engine-fixtures';
import { makeTempDir, removeTempDir } from '../testing/temp-dir';

const DIM = 6;

function l2sq(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s;
}

describe('segmentTopK', () => {
  it('ranks the candidate positions of sealed (mapped) and mutable segments like a brute force', async () => {
    const dir = makeTempDir();
    const { engine } = await openEngine(dir);
    try {
      const t = await createItems(engine, DIM);
      const insert = async (from: number, to: number) => {
        const tx = engine.begin();
        for (let k = from; k < to; k++) tx.insert(t, { k, emb: k % 10 === 0 ? null : vec(DIM, k) });
        await tx.commit();
      };
      await insert(0, 200);
      await engine.seal(t);
      await insert(200, 300);
      const q = vec(DIM, 1000);
      const view = engine.snapshot();
      try {
        const segs = view.table(t).segments;
        expect(segs.map((s) => s.vectorArena('emb').kind)).toEqual(['mapped', 'memory']);
        for (const seg of segs) {
          const valid = seg.vectorValidity('emb');
          // Candidates: odd positions with a vector.
          const ids = Uint32Array.from({ length: seg.rowCount() }, (_, i) => i).filter((i) => i % 2 === 1 && (valid[i >>> 3] & (1 << (i & 7))) !== 0);
          const got = await segmentTopK({ segment: seg, column: 'emb', metric: 'l2sq', query: q, k: 5, ids });
          const want = [...ids].map((i) => ({ i, d: l2sq(seg.vector('emb', i)!, q) })).sort((a, b) => a.d - b.d).slice(0, 5);
          expect(got.arenaKind).toBe(seg.sealed ? 'mapped' : 'memory');
          expect([...got.positions]).toEqual(want.map((w) => w.i));
          got.dists.forEach((d, j) => expect(d).toBeCloseTo(want[j].d, 4));
        }
        const none = await segmentTopK({ segment: segs[0], column: 'emb', metric: 'cosine', query: q, k: 3, ids: new Uint32Array(0) });
        expect(none.positions.length).toBe(0);
      } finally {
        view.release();
      }
    } finally {
      await engine.close();
      removeTempDir(dir);
    }
  });
});

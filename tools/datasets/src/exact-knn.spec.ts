import { join } from 'node:path';

import { compareNeighbours, exactDistance, exactKnn } from './exact-knn';
import { FIXTURES, fixtureDir } from './paths';
import { readAttribute, readFvecs, readIvecs } from './read-vecs';

const fiori = fixtureDir(FIXTURES.fiori)!;
const fashion = fixtureDir(FIXTURES.fashionSlice)!;

describe('exactDistance', () => {
  const a = [1, 2, 3];
  const b = [4, 0, -1];
  it('computes each metric like pgvector', () => {
    expect(exactDistance('l2sq', a, 0, b, 0, 3)).toBe(9 + 4 + 16);
    expect(exactDistance('l1', a, 0, b, 0, 3)).toBe(3 + 2 + 4);
    expect(exactDistance('negdot', a, 0, b, 0, 3)).toBe(-(4 - 3));
    expect(exactDistance('cosine', a, 0, b, 0, 3)).toBeCloseTo(1 - 1 / Math.sqrt(14 * 17), 15);
    expect(exactDistance('cosine', a, 0, [2, 4, 6], 0, 3)).toBe(0); // clamped, not 1 - 1.0000000000000002
    expect(exactDistance('cosine', a, 0, [0, 0, 0], 0, 3)).toBeNaN();
    expect(exactDistance('l2sq', [9, 1, 2, 3], 1, [7, 7, 1, 2, 3], 2, 3)).toBe(0); // offsets
  });

  it('orders by distance, NaN last, ties by smaller id', () => {
    const pairs: [number, number][] = [[2, 5], [NaN, 0], [1, 9], [1, 3], [NaN, -1]];
    pairs.sort((x, y) => compareNeighbours(x[0], x[1], y[0], y[1]));
    expect(pairs).toEqual([[1, 3], [1, 9], [2, 5], [NaN, -1], [NaN, 0]]);
  });
});

describe('exactKnn', () => {
  it('reproduces the shared fiori ground truth (cosine top-100) exactly', () => {
    const base = readFvecs(join(fiori, 'base.fvecs.gz'));
    const query = readFvecs(join(fiori, 'query.fvecs.gz'));
    const gt = readIvecs(join(fiori, 'gt.ivecs.gz'));
    const gtDist = readFvecs(join(fiori, 'gt.dist.fvecs.gz'));
    const r = exactKnn({ metric: 'cosine', dim: 384, base: base.data, nBase: base.n, queries: query.data, nq: query.n, k: 100 });
    expect(Array.from(r.ids)).toEqual(Array.from(gt.data));
    for (let i = 0; i < r.dists.length; i++) expect(Math.abs(r.dists[i] - gtDist.data[i])).toBeLessThan(1e-6);
  });

  it('reproduces the filtered fiori ground truth (label = 2 and label = 5, top-10)', () => {
    const base = readFvecs(join(fiori, 'base.fvecs.gz'));
    const query = readFvecs(join(fiori, 'query.fvecs.gz'));
    const labels = readAttribute(join(fiori, 'base.label.ivecs.gz'));
    for (const label of [2, 5]) {
      const ids = Array.from(labels.keys()).filter((i) => labels[i] === label);
      const gt = readIvecs(join(fiori, `gt.filter-category-${label}.ivecs.gz`));
      const r = exactKnn({ metric: 'cosine', dim: 384, base: base.data, nBase: base.n, queries: query.data, nq: 100, k: 10, ids });
      expect(Array.from(r.ids)).toEqual(Array.from(gt.data));
    }
  });

  it('reproduces the fashion-mnist slice ground truth (L2 top-100, Euclidean distances)', () => {
    const base = readFvecs(join(fashion, 'base.fvecs.gz'));
    const query = readFvecs(join(fashion, 'query.fvecs.gz'));
    const gt = readIvecs(join(fashion, 'gt.ivecs.gz'));
    const gtDist = readFvecs(join(fashion, 'gt.dist.fvecs.gz'));
    const r = exactKnn({ metric: 'l2sq', dim: 784, base: base.data, nBase: base.n, queries: query.data, nq: query.n, k: 100 });
    expect(Array.from(r.ids)).toEqual(Array.from(gt.data));
    for (let i = 0; i < r.dists.length; i++) expect(Math.fround(Math.sqrt(r.dists[i]))).toBe(gtDist.data[i]);
  });

  it('fills unused slots when k exceeds the candidates and breaks ties by id', () => {
    const base = [0, 0, 1, 1, 0, 0, 1, 1];
    const r = exactKnn({ metric: 'l2sq', dim: 2, base, nBase: 4, queries: [0, 0], nq: 1, k: 6 });
    expect(Array.from(r.ids)).toEqual([0, 2, 1, 3, -1, -1]);
    expect(Array.from(r.dists)).toEqual([0, 0, 2, 2, Infinity, Infinity]);
    expect(Array.from(r.counts)).toEqual([4]);
  });
});

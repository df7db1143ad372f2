import { FIXTURES, fixtureDir } from '@vecgres/datasets';

import { loadAnnDataset } from '../dataset';
import { filteredDatasetDef, filteredRecall, resolveFilters } from './filters';

const dir = fixtureDir(FIXTURES.fiori)!;

describe('filtered benchmark filters (fiori fixture)', () => {
  const ds = loadAnnDataset(dir, { maxQueries: 20 });
  const { def, attrs } = filteredDatasetDef(ds);

  it('uses the label column and sweeps 0 % to 100 %', () => {
    expect(def.columns).toEqual(['label']);
    expect(attrs[0]!.length).toBe(678);
    expect(def.filters.map((f) => f.where)).toEqual(['label = -1', 'label = 8', 'label = 5', 'label = 2', 'label = 0', 'label >= 0']);
  });

  it('takes GT from the files where they exist and brute-forces the rest', () => {
    const logs: string[] = [];
    const r = resolveFilters(ds, def.filters, 10, (s) => logs.push(s));
    expect(r.map((f) => [f.where, f.gtSource, f.rows])).toEqual([
      ['label = -1', 'brute force', 0],
      ['label = 8', 'brute force', 1],
      ['label = 5', 'gt.filter-category-5.ivecs', 20],
      ['label = 2', 'gt.filter-category-2.ivecs', 74],
      ['label = 0', 'brute force', 337],
      ['label >= 0', 'gt.ivecs', 678],
    ]);
    expect(r[3]!.selectivity).toBeCloseTo(74 / 678, 10);
    expect(Array.from(r[0]!.counts)).toEqual(new Array(20).fill(0));
    expect(Array.from(r[1]!.counts)).toEqual(new Array(20).fill(1));
    expect(logs).toEqual([]);
  });

  it('brute force reproduces the shipped filtered GT', () => {
    const fromFile = resolveFilters(ds, [def.filters[3]!], 10)[0]!;
    const { gtFile: _drop, ...bf } = def.filters[3]!;
    const brute = resolveFilters(ds, [bf], 10)[0]!;
    expect(brute.gtSource).toBe('brute force');
    for (let q = 0; q < ds.nq; q++) {
      expect(Array.from(brute.gt.subarray(q * 10, q * 10 + 10))).toEqual(Array.from(fromFile.gt.subarray(q * fromFile.gtD, q * fromFile.gtD + 10)));
    }
  });

  it('skips brute-force filters over budget and says so', () => {
    const logs: string[] = [];
    const r = resolveFilters(ds, [def.filters[4]!], 10, (s) => logs.push(s), 1000);
    expect(r).toEqual([]);
    expect(logs[0]).toMatch(/^filtered: skipping 'label = 0' \(49\.71 %\): brute-force GT would take/);
  });
});

describe('filteredRecall', () => {
  it('counts hits among the true neighbours that exist', () => {
    expect(filteredRecall([1, 2, 3], [1, 2, 9, 8], 4, 3)).toBeCloseTo(2 / 3);
    expect(filteredRecall([5, 6], [5, 6, -1, -1], 2, 10)).toBe(1);
    expect(filteredRecall([5], [5, 6, -1], 2, 10)).toBe(0.5);
    expect(filteredRecall([5, 5], [5, 6], 2, 10)).toBe(0.5);
  });

  it('is 1 for an empty answer when nothing matches, 0 for rows that cannot match', () => {
    expect(filteredRecall([], [], 0, 10)).toBe(1);
    expect(filteredRecall([3], [], 0, 10)).toBe(0);
  });
});

it('refuses datasets without attribute columns', () => {
  expect(() => filteredDatasetDef({ name: 'siftsmall-128-euclidean', dir: '/nonexistent' })).toThrow(/has no attribute columns/);
});

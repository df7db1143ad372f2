import { pickMerge } from './merge-policy';

const seg = (id: string, rows: number, deleted = 0) => ({ id, rows, deleted });

describe('tiered merge policy', () => {
  it('merges the smallest segments of the lowest full tier', () => {
    const segs = [seg('a', 100), seg('b', 900), seg('c', 50), seg('d', 5000), seg('e', 700)];
    // With minRows 1000 the four small ones share tier 0 (d is tier 1).
    expect(pickMerge(segs, { mergeFactor: 4, minRows: 1000 })).toEqual(['c', 'a', 'e', 'b']);
    expect(pickMerge(segs.slice(0, 3), { mergeFactor: 4, minRows: 1000 })).toBeNull();
  });

  it('tiers grow by the merge factor', () => {
    const segs = [seg('a', 4000), seg('b', 4100), seg('c', 5000), seg('d', 900)];
    expect(pickMerge(segs, { mergeFactor: 3, minRows: 1000 })).toEqual(['a', 'b', 'c']);
    expect(pickMerge([seg('a', 4000), seg('b', 17000), seg('c', 5000)], { mergeFactor: 3, minRows: 1000 })).toBeNull();
  });

  it('rewrites a segment alone when too much of it is deleted', () => {
    expect(pickMerge([seg('a', 1000, 400), seg('b', 1000, 10)], { mergeFactor: 4, minRows: 1000 })).toEqual(['a']);
  });
});

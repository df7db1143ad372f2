import { TermIndex } from './term-index';
import { termHash } from './term-index-build';
import { type Rng, seededRng } from './testing/rng';

const VOCAB = ['red', 'green', 'blue', '', 'ß', '😀', 'a.b', 'Z', 'z', '10', '9'];

/** Random rows: null (NULL), [] or 1..4 terms with repeats, as the executor may hand them. */
function randomTermRows(rng: Rng, rows: number, vocab: readonly string[] = VOCAB): Array<string[] | null> {
  return Array.from({ length: rows }, () => {
    if (rng.chance(0.1)) return null;
    return Array.from({ length: rng.int(5) }, () => rng.pick(vocab));
  });
}

function oracle(data: Array<string[] | null>, pred: (terms: string[]) => boolean): number[] {
  const out: number[] = [];
  data.forEach((t, i) => {
    if (t !== null && pred(t)) out.push(i);
  });
  return out;
}

describe('TermIndex vs filtering arrays', () => {
  for (const [seed, rows] of [
    [1, 0],
    [2, 1],
    [3, 37],
    [4, 1000],
    [5, 5003],
  ] as const) {
    it(`seed ${seed}, ${rows} rows: count/postings/bitmap/anyOf/allOf/termCounts`, async () => {
      const rng = seededRng(seed);
      const data = randomTermRows(rng, rows);
      const idx = TermIndex.build(rows, (p) => data[p]!);
      const asyncIdx = await TermIndex.buildAsync(rows, (p) => data[p]!, () => Promise.resolve());
      for (const ix of [idx, asyncIdx]) {
        expect(ix.rows).toBe(rows);
        for (const term of [...VOCAB, 'absent']) {
          const want = oracle(data, (t) => t.includes(term));
          expect(ix.count(term)).toBe(want.length);
          expect(Array.from(ix.postings(term))).toEqual(want);
          expect(Array.from(ix.bitmap(term).positions())).toEqual(want);
        }
        for (let q = 0; q < 30; q++) {
          const terms = Array.from({ length: rng.int(4) }, () => rng.pick([...VOCAB, 'absent']));
          expect(Array.from(ix.anyOf(terms).positions())).toEqual(oracle(data, (t) => terms.some((x) => t.includes(x))));
          const all = terms.length === 0 ? Array.from({ length: rows }, (_, i) => i) : oracle(data, (t) => terms.every((x) => t.includes(x)));
          expect(Array.from(ix.allOf(terms).positions())).toEqual(all);
        }
        const present = VOCAB.filter((v) => data.some((t) => t !== null && t.includes(v)));
        expect(ix.distinctTerms()).toBe(present.length);
        const counts = ix.termCounts();
        expect(counts.map((c) => c.term).sort()).toEqual([...present].sort());
        for (const c of counts) expect(c.count).toBe(oracle(data, (t) => t.includes(c.term)).length);
        for (let i = 1; i < counts.length; i++) expect(counts[i - 1]!.count).toBeGreaterThanOrEqual(counts[i]!.count);
      }
    });
  }

  it('paces buildAsync through the caller yield function', async () => {
    let calls = 0;
    const idx = await TermIndex.buildAsync(10_000, (p) => [String(p % 7)], async () => {
      calls++;
    });
    expect(calls).toBe(2);
    expect(idx.count('3')).toBe(oracle(Array.from({ length: 10_000 }, (_, p) => [String(p % 7)]), (t) => t[0] === '3').length);
  });

  it('counts a term repeated within a row once', () => {
    const idx = TermIndex.build(3, (p) => (p === 1 ? ['x', 'x', 'y', 'x'] : ['y']));
    expect(idx.count('x')).toBe(1);
    expect(Array.from(idx.postings('y'))).toEqual([0, 1, 2]);
    expect(idx.termCounts()).toEqual([
      { term: 'y', count: 3 },
      { term: 'x', count: 1 },
    ]);
  });

  it('intersects lists of very different lengths (galloping path)', () => {
    const rows = 200_000;
    const idx = TermIndex.build(rows, (p) => {
      const t = ['all'];
      if (p % 1000 === 7) t.push('rare');
      if (p % 3 === 1) t.push('third');
      return t;
    });
    const want: number[] = [];
    for (let p = 7; p < rows; p += 1000) if (p % 3 === 1) want.push(p);
    expect(Array.from(idx.allOf(['third', 'all', 'rare']).positions())).toEqual(want);
    expect(Array.from(idx.allOfPositions(['rare', 'third'])!)).toEqual(want);
    expect(idx.allOf(['rare', 'absent']).count()).toBe(0);
  });

  it('tells apart terms whose hashes collide, built and reopened', () => {
    // FNV-1a collisions (found by search): each pair shares a hash.
    const pairs = [
      ['k4uzx', 'kf2ad'],
      ['k4uzy', 'kf2ae'],
    ];
    for (const [a, b] of pairs) expect(termHash(a!)).toBe(termHash(b!));
    const vocab = pairs.flat();
    const data = Array.from({ length: 40 }, (_, p) => [vocab[p % 4]!, vocab[(p * 7) % 4]!]);
    const built = TermIndex.build(40, (p) => data[p]!);
    for (const ix of [built, TermIndex.open(built.serialize())]) {
      for (const t of [...vocab, 'k4uzz']) {
        expect(Array.from(ix.postings(t))).toEqual(oracle(data, (terms) => terms.includes(t)));
      }
      expect(ix.distinctTerms()).toBe(4);
    }
  });

  it('hands out mid-sized posting lists as CSR groups', () => {
    const rng = seededRng(21);
    const data = randomTermRows(rng, 3000);
    const idx = TermIndex.build(3000, (p) => data[p]!);
    const counts = idx.termCounts();
    const lo = counts[counts.length - 2]!.count;
    const hi = counts[1]!.count;
    const { positions, offsets } = idx.postingGroups(lo, hi);
    const groups = Array.from({ length: offsets.length - 1 }, (_, g) => Array.from(positions.subarray(offsets[g]!, offsets[g + 1]!)));
    const want = counts.filter((c) => c.count >= lo && c.count <= hi).map((c) => Array.from(idx.postings(c.term)));
    const key = (g: number[]): string => g.join(',');
    expect(groups.map(key).sort()).toEqual(want.map(key).sort());
    expect(idx.postingGroups(10_000, 20_000).offsets).toEqual(new Uint32Array([0]));
  });
});

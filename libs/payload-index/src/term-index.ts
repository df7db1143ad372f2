// Inverted index over one segment: term (string) -> ascending positions. Keyword-like columns
// (text, int, bool, uuid, date...: the executor makes one canonical string per value) and jsonb
// (one term per path/value, see json-terms.ts) both land here; a row has 0..n terms.
//
// Layout (CSR, the same in memory and on disk, so open() is a view; see term-index-build.ts):
//   text + charOffsets   term i = text[charOffsets[i] .. charOffsets[i+1])
//   hashes               Uint32Array[n], termHash of each term, non-decreasing: a lookup is a
//                        binary search on integers, then string equality within the equal run
//   offsets              Uint32Array[n + 1]: posting list i = postings[offsets[i] .. offsets[i+1])
//   postings             Uint32Array[total]: positions, ascending within each list
import { RowBitmap } from './row-bitmap';
import { intersectSorted } from './posting-ops';
import { radixSort } from './radix-sort';
import { buildTermLayout, buildTermLayoutAsync, termHash, type TermLayout, type YieldFn } from './term-index-build';
import { openTermLayout, serializeTermLayout } from './term-index-serialize';

const EMPTY = new Uint32Array(0);

export class TermIndex {
  private constructor(
    readonly rows: number,
    private readonly layout: TermLayout,
  ) {}

  /** Synchronous build. termsOf(pos) is called once per position 0..rows-1, in order; null = no terms. */
  static build(rows: number, termsOf: (pos: number) => readonly string[] | null): TermIndex {
    return new TermIndex(rows, buildTermLayout(rows, termsOf));
  }

  /** As build(), awaiting yieldEvery() every 4096 rows (default: setImmediate). */
  static async buildAsync(
    rows: number,
    termsOf: (pos: number) => readonly string[] | null,
    yieldEvery?: YieldFn,
  ): Promise<TermIndex> {
    return new TermIndex(rows, await buildTermLayoutAsync(rows, termsOf, yieldEvery));
  }

  /**
   * Opens serialize()'s bytes; sections are views into `bytes` where aligned. Throws XX001 on
   * corruption, or when `expectedRows` (the segment's row count; pass it) differs from the index's.
   */
  static open(bytes: Uint8Array, expectedRows?: number): TermIndex {
    const { rows, layout } = openTermLayout(bytes, expectedRows);
    return new TermIndex(rows, layout);
  }

  serialize(): Uint8Array {
    return serializeTermLayout(this.rows, this.layout);
  }

  /** Rows having `term`. O(log distinct terms). */
  count(term: string): number {
    const i = this.find(term);
    return i < 0 ? 0 : this.layout.offsets[i + 1]! - this.layout.offsets[i]!;
  }

  /** Ascending positions having `term` (a view: do not modify); empty when absent. */
  postings(term: string): Uint32Array {
    const i = this.find(term);
    if (i < 0) return EMPTY;
    const { offsets, postings } = this.layout;
    return postings.subarray(offsets[i]!, offsets[i + 1]!);
  }

  bitmap(term: string): RowBitmap {
    return RowBitmap.fromPositions(this.rows, this.postings(term));
  }

  /** Rows having at least one of `terms` (IN lists). */
  anyOf(terms: readonly string[]): RowBitmap {
    const m = new RowBitmap(this.rows);
    const bits = m.bits;
    for (const t of terms) {
      const p = this.postings(t);
      for (let i = 0; i < p.length; i++) {
        const v = p[i]!;
        bits[v >>> 3]! |= 1 << (v & 7);
      }
    }
    return m;
  }

  /** Rows having every one of `terms`; every row when `terms` is empty. */
  allOf(terms: readonly string[]): RowBitmap {
    const p = this.allOfPositions(terms);
    return p === null ? RowBitmap.full(this.rows) : RowBitmap.fromPositions(this.rows, p);
  }

  /** Ascending positions having every one of `terms`, or null for "every row" (no terms). */
  allOfPositions(terms: readonly string[]): Uint32Array | null {
    if (terms.length === 0) return null;
    const lists = [...new Set(terms)].map((t) => this.postings(t));
    lists.sort((a, b) => a.length - b.length);
    let acc = lists[0]!;
    for (let i = 1; i < lists.length && acc.length > 0; i++) acc = intersectSorted(acc, lists[i]!);
    return acc;
  }

  /** Number of distinct terms. */
  distinctTerms(): number {
    return this.layout.hashes.length;
  }

  /** Terms with their row counts, largest count first (ties: index order, deterministic). */
  termCounts(): Array<{ term: string; count: number }> {
    const { text, charOffsets, offsets, hashes } = this.layout;
    const n = hashes.length;
    const desc = new Uint32Array(n);
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      desc[i] = 0xffffffff - (offsets[i + 1]! - offsets[i]!);
      order[i] = i;
    }
    radixSort([desc], [order]);
    const out = new Array<{ term: string; count: number }>(n);
    for (let r = 0; r < n; r++) {
      const i = order[r]!;
      out[r] = { term: text.slice(charOffsets[i]!, charOffsets[i + 1]!), count: offsets[i + 1]! - offsets[i]! };
    }
    return out;
  }

  /**
   * The posting lists of every term with minCount <= count <= maxCount, concatenated (CSR, the
   * shape of HnswIndex.addGroupLinks' groups): group g = positions[offsets[g] .. offsets[g+1]),
   * each ascending. Groups come in index order. No per-term objects or strings, so it stays
   * cheap for 1M distinct terms where termCounts() is not.
   */
  postingGroups(minCount: number, maxCount: number): { positions: Uint32Array; offsets: Uint32Array } {
    const { offsets, postings } = this.layout;
    const n = offsets.length - 1;
    let groups = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const c = offsets[i + 1]! - offsets[i]!;
      if (c >= minCount && c <= maxCount) {
        groups++;
        total += c;
      }
    }
    const outOffsets = new Uint32Array(groups + 1);
    const positions = new Uint32Array(total);
    let g = 0;
    for (let i = 0; i < n; i++) {
      const s = offsets[i]!;
      const e = offsets[i + 1]!;
      if (e - s < minCount || e - s > maxCount) continue;
      positions.set(postings.subarray(s, e), outOffsets[g]!);
      outOffsets[g + 1] = outOffsets[g]! + (e - s);
      g++;
    }
    return { positions, offsets: outOffsets };
  }

  /** Total (row, term) pairs stored. */
  totalPostings(): number {
    return this.layout.postings.length;
  }

  /** Index of `term`, or -1. */
  private find(term: string): number {
    const { hashes, text, charOffsets } = this.layout;
    const h = termHash(term);
    let lo = 0;
    let hi = hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashes[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < hashes.length && hashes[i] === h; i++) {
      const start = charOffsets[i]!;
      if (charOffsets[i + 1]! - start === term.length && text.startsWith(term, start)) return i;
    }
    return -1;
  }
}

// Building a TermIndex: one pass over the rows collects (position, term id) pairs in row order,
// then a counting sort by term lays them out as CSR posting lists. Because rows are visited in
// ascending position, each list comes out ascending without a sort. Distinct terms are ordered
// by a 32-bit hash (radix sort, stable: ties keep first-seen order) rather than by string: a
// string sort of 1M distinct terms (a uuid column) takes seconds in V8, and lookups only need
// hash order (binary search on the hashes, then string equality within the run).
import { radixSort } from './radix-sort';

/** Yields to the event loop between chunks of a long build (the executor passes its pacer). */
export type YieldFn = () => Promise<void>;

/** Rows between two calls of the yield function in the async builders. */
export const YIELD_EVERY_ROWS = 4096;

export function defaultYield(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Growable Uint32Array (amortised doubling). */
export class U32Builder {
  data = new Uint32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * The layout, in memory as on disk. Term i is text[charOffsets[i] .. charOffsets[i+1]) (UTF-16
 * units), terms are ordered by hashes[i] = termHash(term i), and its posting list is
 * postings[offsets[i] .. offsets[i+1]).
 */
export interface TermLayout {
  /** All terms concatenated in index order. */
  text: string;
  /** Uint32Array, length n + 1. */
  charOffsets: Uint32Array;
  /** Uint32Array, length n, non-decreasing. */
  hashes: Uint32Array;
  /** Uint32Array, length n + 1. */
  offsets: Uint32Array;
  /** Uint32Array, length offsets[n]: ascending positions per term. */
  postings: Uint32Array;
}

/**
 * FNV-1a over UTF-16 code units. Part of the on-disk format ('VGPTRM01'): never change it
 * without a new magic.
 */
export function termHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** termHash of text[start, end) without slicing. */
export function termHashAt(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class TermIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  /** Last position a term was recorded for: drops a term repeated within one row. */
  private readonly lastPos: number[] = [];
  private readonly counts: number[] = [];
  private readonly entryPos = new U32Builder();
  private readonly entryTerm = new U32Builder();

  constructor(readonly rows: number) {}

  /** terms of row `pos`; rows must be added in ascending position order. */
  add(pos: number, terms: readonly string[] | null): void {
    if (terms === null || terms === undefined) return;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.names.length;
        this.ids.set(term, id);
        this.names.push(term);
        this.lastPos.push(-1);
        this.counts.push(0);
      } else if (this.lastPos[id] === pos) {
        continue;
      }
      this.lastPos[id] = pos;
      this.counts[id]!++;
      this.entryPos.push(pos);
      this.entryTerm.push(id);
    }
  }

  finish(): TermLayout {
    const n = this.names.length;
    const names = this.names;
    const hashes = new Uint32Array(n);
    const order = new Uint32Array(n);
    for (let id = 0; id < n; id++) {
      hashes[id] = termHash(names[id]!);
      order[id] = id;
    }
    radixSort([hashes], [order]);
    const rank = new Uint32Array(n);
    const offsets = new Uint32Array(n + 1);
    const charOffsets = new Uint32Array(n + 1);
    const sorted = new Array<string>(n);
    for (let r = 0; r < n; r++) {
      const id = order[r]!;
      rank[id] = r;
      sorted[r] = names[id]!;
      offsets[r + 1] = offsets[r]! + this.counts[id]!;
      charOffsets[r + 1] = charOffsets[r]! + names[id]!.length;
    }
    const total = this.entryPos.length;
    const postings = new Uint32Array(total);
    const cursor = offsets.slice(0, n);
    const pos = this.entryPos.data;
    const tid = this.entryTerm.data;
    for (let i = 0; i < total; i++) postings[cursor[rank[tid[i]!]!]!++] = pos[i]!;
    return { text: sorted.join(''), charOffsets, hashes, offsets, postings };
  }
}

export function buildTermLayout(rows: number, termsOf: (pos: number) => readonly string[] | null): TermLayout {
  const b = new TermIndexBuilder(rows);
  for (let pos = 0; pos < rows; pos++) b.add(pos, termsOf(pos));
  return b.finish();
}

export async function buildTermLayoutAsync(
  rows: number,
  termsOf: (pos: number) => readonly string[] | null,
  yieldEvery: YieldFn = defaultYield,
): Promise<TermLayout> {
  const b = new TermIndexBuilder(rows);
  for (let pos = 0; pos < rows; pos++) {
    if (pos > 0 && pos % YIELD_EVERY_ROWS === 0) await yieldEvery();
    b.add(pos, termsOf(pos));
  }
  return b.finish();
}

// The array value model: PostgreSQL arrays are rectangular, 0..6 dimensional, with a lower
// bound per dimension (default 1) and elements stored flat in row-major order. An empty array
// has zero dimensions. Elements are the element type's values, or null for SQL NULL.
// @see https://www.postgresql.org/docs/16/arrays.html

/** MAXDIM in PostgreSQL. */
export const MAX_ARRAY_DIMS = 6;

export class PgArray<T = unknown> {
  /** Row-major elements; length is the product of dims. */
  readonly elements: ReadonlyArray<T | null>;
  /** Length of each dimension ([] for an empty array). */
  readonly dims: readonly number[];
  /** Lower bound of each dimension (1 unless written as `[0:2]={...}`). */
  readonly lowerBounds: readonly number[];

  constructor(elements: ReadonlyArray<T | null>, dims?: readonly number[], lowerBounds?: readonly number[]) {
    const d = dims ?? (elements.length === 0 ? [] : [elements.length]);
    const lb = lowerBounds ?? d.map(() => 1);
    if (lb.length !== d.length) throw new Error('array dims and lower bounds differ in length');
    const n = d.length === 0 ? 0 : d.reduce((a, b) => a * b, 1);
    if (n !== elements.length) throw new Error(`array dims ${JSON.stringify(d)} do not match ${elements.length} elements`);
    // Any zero-length dimension makes the whole array empty (PostgreSQL normalizes it so).
    const empty = n === 0;
    this.elements = elements;
    this.dims = empty ? [] : d;
    this.lowerBounds = empty ? [] : lb;
  }

  /** A one-dimensional array with lower bound 1. */
  static of<T>(elements: ReadonlyArray<T | null>): PgArray<T> {
    return new PgArray(elements);
  }

  get ndim(): number {
    return this.dims.length;
  }

  get length(): number {
    return this.elements.length;
  }

  /** True if any element is NULL (array_send's hasnull flag). */
  get hasNull(): boolean {
    return this.elements.some((e) => e === null);
  }

  /** The element at these subscripts (one per dimension, honoring lower bounds), or null if out of range. */
  get(...subscripts: number[]): T | null {
    if (subscripts.length !== this.ndim) return null;
    let offset = 0;
    for (let i = 0; i < this.ndim; i++) {
      const idx = subscripts[i]! - this.lowerBounds[i]!;
      if (idx < 0 || idx >= this.dims[i]!) return null;
      offset = offset * this.dims[i]! + idx;
    }
    return this.elements[offset] ?? null;
  }

  /** Nested JS arrays (ignoring lower bounds), handy for tests and drivers. */
  toNested(): unknown[] {
    const build = (dim: number, start: number): unknown[] => {
      const len = this.dims[dim]!;
      if (dim === this.ndim - 1) return this.elements.slice(start, start + len);
      const stride = this.dims.slice(dim + 1).reduce((a, b) => a * b, 1);
      return Array.from({ length: len }, (_, i) => build(dim + 1, start + i * stride));
    };
    return this.ndim === 0 ? [] : build(0, 0);
  }
}

// Deterministic data sets big enough to exercise the index paths: a seeded PRNG (mulberry32)
// and values rounded to 3 decimals, so both servers parse the very same float4 values and
// distance ties are practically impossible.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` vectors of `dim` elements in [-1, 1), as pgvector text literals like `[0.125,-0.5,...]`. */
export function randomVectors(n: number, dim: number, seed: number): string[] {
  const rand = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const v: string[] = [];
    for (let d = 0; d < dim; d++) v.push(String(Math.round((rand() * 2 - 1) * 1000) / 1000));
    out.push(`[${v.join(',')}]`);
  }
  return out;
}

/**
 * One multi-row INSERT of `n` rows `(category_id, embedding)` into `table`; category_id cycles
 * through 1..9 and 123 (the README's filter value) so every tenth row matches `category_id = 123`.
 */
export function seedInsert(table: string, n: number, dim: number, seed: number): string {
  const vectors = randomVectors(n, dim, seed);
  const rows = vectors.map((v, i) => `(${i % 10 === 0 ? 123 : i % 10}, '${v}')`);
  return `INSERT INTO ${table} (category_id, embedding) VALUES\n${rows.join(',\n')};`;
}

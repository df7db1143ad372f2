// Seeded pseudo-random numbers for property tests (mulberry32): failures reproduce from the
// seed printed in the test name.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function seededRng(seed: number): Rng {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** Random subset of 0..rows-1, each position kept with probability `density`. */
export function randomPositions(rng: Rng, rows: number, density: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows; i++) if (rng.chance(density)) out.push(i);
  return out;
}

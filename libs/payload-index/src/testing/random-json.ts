// Random jsonb documents and containment queries over small domains (so that matches are
// common), with keys that exercise the term encoding's escapes ('.', '=', '\', '').
import type { JsonTermValue } from '../json-terms';
import { isJsonArray, isJsonObject } from '../json-terms';
import type { Rng } from './rng';

const KEYS = ['a', 'b', 'c', '', 'a.b', 'a=', '\\', 'x.y=z'];
const STRINGS = ['a', 'b', 'x', '', 'a.b', '=', 'null', 'true', '1'];
// Several spellings of the same values: jsonb compares numbers by value.
const NUMS = ['0', '-0', '0.0', '1', '1.0', '10e-1', '2', '-1.5', '-15e-1'];

export function randomScalar(rng: Rng): JsonTermValue {
  switch (rng.int(5)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return { num: rng.pick(NUMS) };
    default:
      return rng.pick(STRINGS);
  }
}

export function randomJson(rng: Rng, depth: number): JsonTermValue {
  const r = rng.int(depth <= 0 ? 1 : 4);
  if (r === 0) return randomScalar(rng);
  if (r === 1 || r === 3) {
    const m = new Map<string, JsonTermValue>();
    const n = rng.int(4);
    for (let i = 0; i < n; i++) m.set(rng.pick(KEYS), randomJson(rng, depth - 1));
    return m;
  }
  const n = rng.int(4);
  return Array.from({ length: n }, () => randomJson(rng, depth - 1));
}

/** A random part of `doc`: mostly contained by it, sometimes mutated so it is not. */
export function randomSubQuery(rng: Rng, doc: JsonTermValue, depth = 0): JsonTermValue {
  if (rng.chance(0.08)) return randomJson(rng, 2);
  if (isJsonArray(doc)) {
    const picked = doc.filter(() => rng.chance(0.5)).map((e) => randomSubQuery(rng, e, depth + 1));
    // A top-level array may be matched by one of its scalar elements alone.
    if (depth === 0 && picked.length === 1 && !isJsonArray(picked[0]!) && !isJsonObject(picked[0]!) && rng.chance(0.5)) {
      return picked[0]!;
    }
    return picked;
  }
  if (isJsonObject(doc)) {
    const m = new Map<string, JsonTermValue>();
    for (const [k, v] of doc) if (rng.chance(0.6)) m.set(k, randomSubQuery(rng, v, depth + 1));
    return m;
  }
  return doc;
}

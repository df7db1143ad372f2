import {
  containmentTerms,
  isJsonArray,
  isJsonObject,
  jsonFieldEqualsTerms,
  jsonOpsKeyTerm,
  jsonOpsTerms,
  jsonOpsValueTerm,
  jsonPathTerm,
  jsonPathTerms,
  type JsonScalar,
  type JsonTermValue,
} from './json-terms';
import { canonicalJsonNumber } from './json-number';
import { TermIndex } from './term-index';
import { j, jsonContains, scalarEquals } from './testing/json-contains';
import { randomJson, randomScalar, randomSubQuery } from './testing/random-json';
import { seededRng } from './testing/rng';

describe('reference jsonContains (PostgreSQL docs examples)', () => {
  const cases: Array<[unknown, unknown, boolean]> = [
    ['foo', 'foo', true],
    [[1, 2, 3], [1, 3], true],
    [[1, 2, 3], [3, 1], true],
    [[1, 2, 3], [1, 2, 2], true],
    [{ product: 'PostgreSQL', version: 9.4, jsonb: true }, { version: 9.4 }, true],
    [[1, 2, [1, 3]], [1, 3], false],
    [[1, 2, [1, 3]], [[1, 3]], true],
    [{ foo: { bar: 'baz' } }, { bar: 'baz' }, false],
    [{ foo: { bar: 'baz' } }, { foo: {} }, true],
    [['foo', 'bar'], 'bar', true],
    ['bar', ['bar'], false],
    [{ a: 1 }, { a: [1] }, false],
    [{ a: [1, 2] }, { a: [1] }, true],
    [{ a: [{ b: 1, c: 2 }] }, { a: [{ b: 1 }] }, true],
    [{ a: 1 }, [], false],
    [[], [], true],
    [{}, {}, true],
    [1, 1, true],
    [1, '1', false],
    [null, null, true],
    [{ a: { num: '1.0' } }, { a: 1 }, true],
    [[{ num: '1e2' }], 100, true],
    [[null], null, true],
  ];
  for (const [doc, q, want] of cases) {
    it(`${JSON.stringify(doc)} @> ${JSON.stringify(q)} is ${want}`, () => {
      expect(jsonContains(j(doc), j(q))).toBe(want);
    });
  }
});

describe('jsonb_path_ops terms', () => {
  it('name object keys from the root; arrays add nothing', () => {
    expect(jsonPathTerms(j({ a: [1, { b: 'x' }], c: null, d: { e: true } })).sort()).toEqual(
      ['p:.a=n:1', 'p:.a.b=s:x', 'p:.c=null', 'p:.d.e=true'].sort(),
    );
    expect(jsonPathTerms(j('x'))).toEqual(['p:=s:x']);
    expect(jsonPathTerms(j(['x', ['x']]))).toEqual(['p:=s:x']);
    expect(jsonPathTerms(j({ a: {}, b: [] }))).toEqual([]);
    expect(jsonPathTerm(['a', 'b'], { num: '2' })).toBe('p:.a.b=n:2');
    expect(jsonPathTerms(j({ a: { num: '2.50' } }))).toEqual(jsonPathTerms(j({ a: 2.5 })));
    expect(jsonOpsTerms(j([{ num: '1e1' }]))).toEqual(jsonOpsTerms(j([10])));
  });

  it('keep keys with separators, and the empty key, apart', () => {
    const docs: unknown[] = [{ '': 1 }, 1, { 'a.b': 1 }, { a: { b: 1 } }, { 'a=': 1 }, { a: '=1' }, { 'a\\': { b: 1 } }, { 'a\\.b': 1 }];
    const terms = docs.map((d) => jsonPathTerms(j(d)));
    expect(new Set(terms.map((t) => t.join('|'))).size).toBe(docs.length);
  });

  it('are injective on (path, leaf)', () => {
    const rng = seededRng(11);
    const keys = ['', '.', '=', '\\', 'a', 'a.', '.a', 'a=b', '\\.', 'a\\'];
    const seen = new Map<string, string>();
    for (let i = 0; i < 5000; i++) {
      const path = Array.from({ length: rng.int(4) }, () => rng.pick(keys));
      const leaf = randomScalar(rng) as JsonScalar;
      // Identity of the (path, value): numbers by value.
      const value = leaf !== null && typeof leaf === 'object' ? { num: canonicalJsonNumber(leaf.num) } : leaf;
      const id = JSON.stringify([path, value]);
      const term = jsonPathTerm(path, leaf);
      const prev = seen.get(term);
      if (prev !== undefined) expect(prev).toBe(id);
      seen.set(term, id);
    }
  });
});

describe('jsonb_ops terms', () => {
  it('emit every key and every scalar; string elements as keys (like PostgreSQL)', () => {
    expect(jsonOpsTerms(j({ a: { b: 1 }, c: ['s', 2, null], d: 's' })).sort()).toEqual(
      ['k:a', 'k:b', 'v:n:1', 'k:c', 'k:s', 'v:n:2', 'v:null', 'k:d', 'v:s:s'].sort(),
    );
    expect(jsonOpsTerms(j('top'))).toEqual([jsonOpsKeyTerm('top')]);
    expect(jsonOpsTerms(j(3))).toEqual([jsonOpsValueTerm({ num: '3' })]);
    expect(jsonOpsTerms(j({}))).toEqual([]);
  });
});

describe('containment candidates are a superset of the true matches', () => {
  for (const ops of ['jsonb_path_ops', 'jsonb_ops'] as const) {
    for (const seed of [1, 2, 3]) {
      it(`${ops}, seed ${seed}`, () => {
        const rng = seededRng(seed * 100 + (ops === 'jsonb_ops' ? 1 : 0));
        const rows = 400;
        const docs: Array<JsonTermValue | undefined> = Array.from({ length: rows }, () =>
          rng.chance(0.05) ? undefined : randomJson(rng, 3),
        );
        const idx = TermIndex.build(rows, (p) => {
          const d = docs[p];
          return d === undefined ? null : containmentTerms(d, ops);
        });
        let matches = 0;
        let narrowed = 0;
        for (let qi = 0; qi < 300; qi++) {
          const base = docs[rng.int(rows)] ?? randomJson(rng, 2);
          const q = randomSubQuery(rng, base);
          const cand = idx.allOf(containmentTerms(q, ops));
          if (cand.count() < rows) narrowed++;
          for (let p = 0; p < rows; p++) {
            const d = docs[p];
            if (d !== undefined && jsonContains(d, q)) {
              matches++;
              if (!cand.has(p)) {
                throw new Error(`row ${p} matches but is no candidate: ${show(d)} @> ${show(q)}`);
              }
            }
          }
        }
        // The property is only meaningful if matches happen and the index actually narrows.
        expect(matches).toBeGreaterThan(300);
        expect(narrowed).toBeGreaterThan(100);
      });
    }
  }
});

function show(v: JsonTermValue): string {
  return JSON.stringify(v, (_k, x) => (x instanceof Map ? Object.fromEntries(x) : x));
}

/** The value at object-key path (no array traversal), as `->` chains give it. */
function at(doc: JsonTermValue, path: readonly string[]): JsonTermValue | undefined {
  let cur: JsonTermValue | undefined = doc;
  for (const k of path) {
    if (cur === undefined || !isJsonObject(cur)) return undefined;
    cur = cur.get(k);
  }
  return cur;
}

describe('field-equality candidates are a superset of the true matches', () => {
  for (const ops of ['jsonb_path_ops', 'jsonb_ops'] as const) {
    it(ops, () => {
      const rng = seededRng(ops === 'jsonb_ops' ? 5 : 6);
      const rows = 500;
      const docs = Array.from({ length: rows }, () => randomJson(rng, 3));
      const idx = TermIndex.build(rows, (p) => containmentTerms(docs[p]!, ops));
      let matches = 0;
      for (let qi = 0; qi < 300; qi++) {
        const path = Array.from({ length: rng.int(3) }, () => rng.pick(['a', 'b', '', 'a.b', 'x.y=z']));
        const leaves = Array.from({ length: 1 + rng.int(2) }, () => randomScalar(rng) as JsonScalar);
        const { all, any } = jsonFieldEqualsTerms(path, leaves, ops);
        const cand = idx.allOf(all).andInPlace(idx.anyOf(any));
        for (let p = 0; p < rows; p++) {
          const v = at(docs[p]!, path);
          if (v !== undefined && !isJsonArray(v) && !isJsonObject(v) && leaves.some((l) => scalarEquals(v, l))) {
            matches++;
            expect([p, show(docs[p]!), path, cand.has(p)]).toEqual([p, show(docs[p]!), path, true]);
          }
        }
      }
      expect(matches).toBeGreaterThan(50);
    });
  }
});

// Structural equality of statement-tree nodes, ignoring `location` (GROUP BY matching,
// DISTINCT ON vs ORDER BY checks, index-expression matching).

/** Deep structural equality of plain-data nodes; `location` fields are ignored at every level. */
export function nodeEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => nodeEquals(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => k !== 'location' && o[k] !== undefined);
  const ak = keys(ao);
  const bk = keys(bo);
  return ak.length === bk.length && ak.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && nodeEquals(ao[k], bo[k]));
}

/** exprEquals(a, b): `t.a + 1` written twice is equal; `a + 1` vs `1 + a` is not. */
export { nodeEquals as exprEquals };

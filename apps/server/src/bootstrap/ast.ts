// A thin, loosely typed view of libpg-query's JSON AST (PostgreSQL 18 parse nodes). Every node
// is `{ NodeType: { ...fields } }`; protobuf-style defaults are omitted (so `0`, `''` and
// `false` constants arrive as `{ival: {}}`, `{sval: {}}`, `{boolval: {}}`).
// Locations are byte offsets into the UTF-8 query string; PostgreSQL reports character
// positions, hence positionOf().
import { notSupported } from '@vecgres/errors';

/** One AST node: a single key naming the node type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AstNode = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AstBody = Record<string, any>;

/** The node type name (`SelectStmt`, `A_Const`, ...). */
export function nodeKind(node: AstNode): string {
  return Object.keys(node)[0] ?? 'unknown';
}

/** The node's fields, or undefined when it is of another type. */
export function asNode(node: AstNode | undefined, kind: string): AstBody | undefined {
  return node && Object.prototype.hasOwnProperty.call(node, kind) ? (node[kind] as AstBody) : undefined;
}

/** The fields of a node whatever its type. */
export function bodyOf(node: AstNode): AstBody {
  return (node[nodeKind(node)] ?? {}) as AstBody;
}

/** `String` node list -> JS strings (`['pg_catalog', 'int4']`). */
export function stringList(nodes: AstNode[] | undefined): string[] {
  return (nodes ?? []).map((n) => String(asNode(n, 'String')?.sval ?? ''));
}

/** A node's `location` field (byte offset), if it has one. */
export function locationOf(node: AstNode | undefined): number | undefined {
  if (!node) return undefined;
  const loc = bodyOf(node).location;
  return typeof loc === 'number' && loc >= 0 ? loc : undefined;
}

/**
 * Converts a byte offset into `sql` to PostgreSQL's 1-based character position (ErrorResponse
 * field P).
 */
export function positionOf(sql: string, byteOffset: number | undefined): number | undefined {
  if (byteOffset === undefined || byteOffset < 0) return undefined;
  return Buffer.from(sql, 'utf8').subarray(0, byteOffset).toString('utf8').length + 1;
}

/**
 * The honest refusal for anything the bootstrap handler does not implement:
 * 0A000 `vecgres: statement not supported yet: <node type>`, with what exactly as the detail.
 */
export function unsupported(kind: string, detail?: string) {
  return notSupported(`vecgres: statement not supported yet: ${kind}`, detail === undefined ? {} : { detail });
}

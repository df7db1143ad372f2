// Shared state of one translation: where locations map to, and how to refuse a construct.
import { notSupported, type SqlError } from '@vecgres/errors';
import type { SourceMap } from './source-map';

/** A node of libpg-query's JSON AST: `{ "SelectStmt": {...} }` wrappers and their bodies. */
export type PgNode = Record<string, any>;

export class TranslateContext {
  constructor(readonly map: SourceMap) {}

  /** Our location (code-point offset, or -1) of a parser location (byte offset, or absent). */
  loc(byteOffset: number | undefined): number {
    return byteOffset === undefined || byteOffset < 0 ? -1 : this.map.charOffset(byteOffset);
  }

  /**
   * 0A000 `<construct> is not supported`, positioned at the parser location when there is one.
   * Everything the translator does not model goes through here: never a crash, never a silent drop.
   */
  unsupported(construct: string, byteOffset?: number): SqlError {
    const at = this.loc(byteOffset);
    return notSupported(`${construct} is not supported`, at < 0 ? {} : { position: at + 1 });
  }
}

/** Splits a wrapper `{ Tag: body }` into its tag and body. */
export function unwrap(node: PgNode): [string, PgNode] {
  const keys = Object.keys(node);
  if (keys.length !== 1) throw new Error(`expected a single-key AST wrapper, got [${keys.join(', ')}]`);
  return [keys[0], node[keys[0]]];
}

/** The `location` field of whatever node a wrapper holds (used to position errors). */
export function nodeLocation(node: PgNode | undefined): number | undefined {
  if (!node) return undefined;
  const [, body] = unwrap(node);
  return typeof body?.location === 'number' ? body.location : undefined;
}

/** `[{String:{sval:'a'}}, ...]` -> `['a', ...]` (name lists, column lists). */
export function stringList(ctx: TranslateContext, list: PgNode[] | undefined, what = 'name'): string[] {
  return (list ?? []).map((n) => {
    const [tag, body] = unwrap(n);
    if (tag === 'String') return body.sval as string;
    throw ctx.unsupported(`${what} of kind ${tag}`, nodeLocation(n));
  });
}

/** A list of raw nodes or an empty list for an absent field. */
export function list(nodes: PgNode[] | undefined): PgNode[] {
  return nodes ?? [];
}

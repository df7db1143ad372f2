// I/O conversions involving the OID alias types (regclass, regtype, regproc, regnamespace,
// regrole): their text form is a name looked up in the session's catalog, so the conversion
// goes through the catalog functions the session provides (regclassout, regtypein, ...)
// instead of pg-types' context-free codecs, which only know the OID number.
import type { ExecContext } from '../exec/exec-context';

/** Type OID -> the prefix of its catalog in/out functions. */
const REG_TYPES: ReadonlyMap<number, string> = new Map([
  [2205, 'regclass'], [2206, 'regtype'], [24, 'regproc'], [4089, 'regnamespace'], [4096, 'regrole'],
]);

/** The text -> OID input function of reg type `oid` from the session, if any. */
export function regInput(ctx: ExecContext, oid: number): ((text: string) => unknown) | undefined {
  const name = REG_TYPES.get(oid);
  return name ? ctx.sessionFunctions[`${name}in`] : undefined;
}

/** The OID -> text output function of reg type `oid` from the session, if any. */
export function regOutput(ctx: ExecContext, oid: number): ((value: unknown) => unknown) | undefined {
  const name = REG_TYPES.get(oid);
  return name ? ctx.sessionFunctions[`${name}out`] : undefined;
}

/**
 * The conversion `source` -> `target` through text when either side is a reg type the
 * session knows (regclass::text, text::regtype via I/O, regtype::regclass), else undefined.
 */
export function regIoCast(ctx: ExecContext, source: number, target: number): ((v: unknown) => unknown) | undefined {
  const out = regOutput(ctx, source);
  const inp = regInput(ctx, target);
  if (!out && !inp) return undefined;
  const toText = out ?? ((v: unknown) => ctx.codecs.require(source).toText(v));
  const fromText = inp ?? ((t: string) => ctx.codecs.require(target).fromText(t));
  return (v) => fromText(toText(v) as string);
}

// A_Const -> ConstExpr, keeping PostgreSQL's literal typing (make_const in parse_node.c):
// integer literals that fit int4 arrive as `ival`; anything else numeric arrives as the text
// `fval`, which is int8 when it parses as a 64-bit integer and numeric otherwise.
import type { Constant, ConstExpr } from '../types';
import type { PgNode, TranslateContext } from '../context';

const INT8_MIN = -(2n ** 63n);
const INT8_MAX = 2n ** 63n - 1n;

/**
 * The decimal value of an integer literal (`123`, `-0x1F`, `0o17`, `0b101`, `1_000`) if it fits
 * int8, else undefined (then it is a numeric literal).
 */
export function parseInt8Literal(text: string): string | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)$/.exec(text);
  if (!m) return undefined;
  const digits = m[2].replace(/_/g, '');
  let value: bigint;
  try {
    value = BigInt(digits);
  } catch {
    return undefined;
  }
  if (m[1] === '-') value = -value;
  return value < INT8_MIN || value > INT8_MAX ? undefined : value.toString();
}

export function translateConstant(body: PgNode): Constant {
  if (body.isnull) return { type: 'null' };
  // Protobuf-style JSON omits zero values: `0` is `{ival: {}}`, false is `{boolval: {}}`.
  if (body.ival !== undefined) return { type: 'int4', value: body.ival.ival ?? 0 };
  if (body.fval !== undefined) {
    const text: string = body.fval.fval ?? '0';
    const int8 = parseInt8Literal(text);
    return int8 === undefined ? { type: 'numeric', value: text } : { type: 'int8', value: int8 };
  }
  if (body.sval !== undefined) return { type: 'string', value: body.sval.sval ?? '' };
  if (body.bsval !== undefined) return { type: 'bitString', value: body.bsval.bsval ?? '' };
  if (body.boolval !== undefined) return { type: 'bool', value: body.boolval.boolval ?? false };
  throw new Error(`unrecognized A_Const shape: ${JSON.stringify(body)}`);
}

export function translateConst(ctx: TranslateContext, body: PgNode): ConstExpr {
  return { kind: 'const', value: translateConstant(body), location: ctx.loc(body.location) };
}

// The functions the bootstrap SELECT knows: version(), current_setting(name [, missing_ok]),
// pg_sleep(seconds) and generate_series(start, stop [, step]) over int4/int8. Anything else is
// an honest 0A000.
import { invalidParameter } from '@vecgres/errors';
import { TYPE_OID } from '@vecgres/pg-types';
import { type AstBody, type AstNode, asNode, stringList, unsupported } from './ast';
import { castValue } from './cast';
import type { CompiledExpr } from './expressions';
import { VECGRES_VERSION } from './settings';
import type { AnalyzeContext, ExecContext } from './statement';

type Compile = (node: AstNode, ctx: AnalyzeContext) => CompiledExpr;

/** `PostgreSQL 16.0 (vecgres 0.1.0) on x86_64-pc-linux-gnu, compiled by node 20.x, 64-bit`. */
export function versionString(): string {
  const arch = process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : process.arch;
  const os = process.platform === 'darwin' ? 'apple-darwin' : 'pc-linux-gnu';
  const bits = ['x64', 'arm64', 'ppc64', 's390x', 'riscv64', 'loong64'].includes(process.arch) ? 64 : 32;
  return `PostgreSQL 16.0 (vecgres ${VECGRES_VERSION}) on ${arch}-${os}, compiled by node ${process.versions.node}, ${bits}-bit`;
}

/** Compiles an argument and coerces it to `oid` (parameters get that type inferred). */
function argAs(node: AstNode, oid: number, ctx: AnalyzeContext, compile: Compile): (ex: ExecContext) => unknown {
  const param = asNode(node, 'ParamRef');
  if (param && ctx.params) {
    ctx.params.reference(Number(param.number));
    ctx.params.infer(Number(param.number), oid);
  }
  const expr = compile(node, ctx);
  return (ex) => {
    const v = expr.evaluate(ex);
    if (v instanceof Promise) throw unsupported('FuncCall', 'nested pg_sleep()');
    return v === null ? null : castValue(v, expr.typeOid, oid);
  };
}

function named(name: string, typeOid: number, evaluate: CompiledExpr['evaluate']): CompiledExpr {
  return { typeOid, name, nameStrength: 2, evaluate };
}

function* series(start: bigint, stop: bigint, step: bigint, asNumber: boolean): Generator<unknown> {
  // bigint arithmetic keeps int8 bounds exact; int4 values are handed out as numbers.
  if (step > 0n) for (let v = start; v <= stop; v += step) yield asNumber ? Number(v) : v;
  else for (let v = start; v >= stop; v += step) yield asNumber ? Number(v) : v;
}

function generateSeries(args: AstNode[], ctx: AnalyzeContext, compile: Compile): CompiledExpr {
  if (args.length < 2 || args.length > 3) throw unsupported('FuncCall', `generate_series with ${args.length} arguments`);
  // int8 when any argument is an int8 literal/parameter, int4 otherwise (PostgreSQL picks the
  // int4 or int8 variant by argument types the same way).
  const isInt8 = args.some((a) => {
    const param = asNode(a, 'ParamRef');
    if (param) return ctx.params?.typeOf(Number(param.number)) === TYPE_OID.int8;
    return compile(a, ctx).typeOid === TYPE_OID.int8;
  });
  const oid = isInt8 ? TYPE_OID.int8 : TYPE_OID.int4;
  const evals = args.map((a) => argAs(a, oid, ctx, compile));
  const bounds = (ex: ExecContext): bigint[] | null => {
    const vals = evals.map((e) => e(ex));
    if (vals.some((v) => v === null)) return null;
    return vals.map((v) => BigInt(v as number | bigint));
  };
  return {
    typeOid: oid,
    name: 'generate_series',
    nameStrength: 2,
    evaluate: () => {
      throw unsupported('FuncCall', 'generate_series() outside a SELECT list');
    },
    setCount(ex) {
      // Arithmetic, not iteration: count(*) over a billion-row series must not block the loop.
      const b = bounds(ex);
      if (!b) return 0n;
      const step = b[2] ?? 1n;
      if (step === 0n) throw invalidParameter('step size cannot equal zero');
      const span = step > 0n ? b[1]! - b[0]! : b[0]! - b[1]!;
      return span < 0n ? 0n : span / (step > 0n ? step : -step) + 1n;
    },
    setReturning(ex) {
      const b = bounds(ex);
      if (!b) return [][Symbol.iterator]();
      const step = b[2] ?? 1n;
      if (step === 0n) throw invalidParameter('step size cannot equal zero');
      return series(b[0]!, b[1]!, step, !isInt8);
    },
  };
}

/** Compiles a FuncCall node. */
export function compileFunction(fc: AstBody, ctx: AnalyzeContext, compile: Compile): CompiledExpr {
  const names = stringList(fc.funcname);
  const schema = names.length > 1 ? names[0] : 'pg_catalog';
  const name = names[names.length - 1]!;
  const args = (fc.args ?? []) as AstNode[];
  if (schema !== 'pg_catalog' || fc.agg_star || fc.agg_distinct || fc.over || fc.agg_filter || fc.agg_order) {
    throw unsupported('FuncCall', `function ${names.join('.')}`);
  }
  switch (`${name}/${args.length}`) {
    case 'version/0':
      return named('version', TYPE_OID.text, () => versionString());
    case 'current_setting/1':
    case 'current_setting/2': {
      const setting = argAs(args[0]!, TYPE_OID.text, ctx, compile);
      const missingOk = args[1] ? argAs(args[1], TYPE_OID.bool, ctx, compile) : () => false;
      return named('current_setting', TYPE_OID.text, (ex) => {
        const n = setting(ex) as string | null;
        if (n === null) return null;
        try {
          return ex.session.settings.get(n);
        } catch (err) {
          if (missingOk(ex) === true) return null;
          throw err;
        }
      });
    }
    case 'pg_sleep/1': {
      const seconds = argAs(args[0]!, TYPE_OID.float8, ctx, compile);
      return named('pg_sleep', TYPE_OID.void, async (ex) => {
        const s = seconds(ex) as number | null;
        if (s === null) return null;
        if (s > 0) await ex.control.sleep(Math.ceil(s * 1000));
        return '';
      });
    }
    case 'generate_series/2':
    case 'generate_series/3':
      return generateSeries(args, ctx, compile);
    default:
      throw unsupported('FuncCall', `function ${name}() with ${args.length} argument(s)`);
  }
}

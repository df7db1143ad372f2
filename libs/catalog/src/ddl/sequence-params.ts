// Sequence parameters from CREATE/ALTER SEQUENCE options and identity column options
// (sequence.c init_params): PostgreSQL's defaults, limits per data type and exact errors.
import { SQLSTATE, SqlError, invalidParameter, syntaxError } from '@vecgres/errors';
import type { DefOption, OptionValue } from '@vecgres/sql';
import type { Catalog } from '../lookup/catalog';
import type { SequenceParams } from '../model/relations';
import type { Oid } from '../model/rows';
import { TYPE_OID } from '../builtins/type-oids';
import { formatType } from '../types/format-type';

const LIMITS: Record<number, [bigint, bigint]> = {
  [TYPE_OID.int2]: [-32768n, 32767n],
  [TYPE_OID.int4]: [-2147483648n, 2147483647n],
  [TYPE_OID.int8]: [-9223372036854775808n, 9223372036854775807n],
};

/** Parsed sequence options; `null` max/min means NO MAXVALUE / NO MINVALUE. */
export interface SequenceOptions {
  type?: Oid;
  increment?: bigint;
  min?: bigint | null;
  max?: bigint | null;
  start?: bigint;
  /** RESTART [WITH n]: true for plain RESTART. */
  restart?: bigint | true;
  cache?: bigint;
  cycle?: boolean;
  /** OWNED BY: names (`t.c`) or 'none'. */
  ownedBy?: string[] | 'none';
  /** Identity columns' SEQUENCE NAME option. */
  sequenceName?: string[];
}

function bigintOf(opt: DefOption, v: OptionValue | undefined): bigint {
  if (v?.type === 'int') return BigInt(v.value);
  if (v?.type === 'numeric' && /^[+-]?\d+$/.test(v.value)) return BigInt(v.value);
  if (v?.type === 'string' && /^[+-]?\d+$/.test(v.value)) return BigInt(v.value);
  throw syntaxError(`${opt.name} requires a numeric value`);
}

function names(v: OptionValue | undefined): string[] {
  if (!v) return [];
  if (v.type === 'list') return v.value.flatMap(names);
  if (v.type === 'string') return [v.value];
  return [];
}

/**
 * DefOption list -> SequenceOptions. `resolveType` turns an AS type into its OID. Repeated
 * options are 42601 `conflicting or redundant options`, unknown ones `option "x" not recognized`.
 */
export function parseSequenceOptions(options: readonly DefOption[], resolveType: (v: OptionValue) => Oid): SequenceOptions {
  const out: SequenceOptions = {};
  const seen = new Set<string>();
  for (const opt of options) {
    if (seen.has(opt.name)) throw syntaxError('conflicting or redundant options', opt.location >= 0 ? opt.location + 1 : undefined);
    seen.add(opt.name);
    const v = opt.value;
    switch (opt.name) {
      case 'as': out.type = resolveType(v!); break;
      case 'increment': out.increment = bigintOf(opt, v); break;
      case 'minvalue': out.min = v === undefined ? null : bigintOf(opt, v); break;
      case 'maxvalue': out.max = v === undefined ? null : bigintOf(opt, v); break;
      case 'start': out.start = bigintOf(opt, v); break;
      case 'restart': out.restart = v === undefined ? true : bigintOf(opt, v); break;
      case 'cache': out.cache = bigintOf(opt, v); break;
      case 'cycle': out.cycle = v === undefined ? true : v.type === 'bool' ? v.value : v.type === 'int' ? v.value !== 0 : true; break;
      case 'owned_by': {
        const n = names(v);
        out.ownedBy = n.length === 1 && n[0] === 'none' ? 'none' : n;
        break;
      }
      case 'sequence_name': out.sequenceName = names(v); break;
      default: throw syntaxError(`option "${opt.name}" not recognized`, opt.location >= 0 ? opt.location + 1 : undefined);
    }
  }
  return out;
}

/**
 * init_params: applies `o` over `old` (ALTER) or the defaults (CREATE). `defaultType` is the
 * type when AS is absent on CREATE (bigint, or the identity column's type).
 */
export function sequenceParams(cat: Catalog, o: SequenceOptions, old: SequenceParams | undefined, defaultType: Oid): SequenceParams {
  const type = o.type ?? old?.type ?? defaultType;
  if (!(type in LIMITS)) throw invalidParameter('sequence type must be smallint, integer, or bigint');
  const [typeMin, typeMax] = LIMITS[type];
  const typeName = formatType(cat, type, null);
  const increment = o.increment ?? (old ? BigInt(old.increment) : 1n);
  if (increment === 0n) throw invalidParameter('INCREMENT must not be zero');
  // A changed AS type moves bounds that sat at the old type's limits (sequence.c does the same).
  const oldLimits = old ? LIMITS[old.type] : undefined;
  const keepOld = (v: string | undefined, oldLimit: bigint | undefined) =>
    v !== undefined && !(o.type !== undefined && oldLimit !== undefined && BigInt(v) === oldLimit);
  let max: bigint;
  if (o.max !== undefined && o.max !== null) max = o.max;
  else if (o.max === undefined && old && keepOld(old.max, oldLimits?.[1]) && o.increment === undefined) max = BigInt(old.max);
  else max = increment > 0n ? typeMax : -1n;
  let min: bigint;
  if (o.min !== undefined && o.min !== null) min = o.min;
  else if (o.min === undefined && old && keepOld(old.min, oldLimits?.[0]) && o.increment === undefined) min = BigInt(old.min);
  else min = increment > 0n ? 1n : typeMin;
  if (max < typeMin || max > typeMax) {
    throw invalidParameter(`MAXVALUE (${max}) is out of range for sequence data type ${typeName}`);
  }
  if (min < typeMin || min > typeMax) {
    throw invalidParameter(`MINVALUE (${min}) is out of range for sequence data type ${typeName}`);
  }
  if (min >= max) throw invalidParameter(`MINVALUE (${min}) must be less than MAXVALUE (${max})`);
  // ALTER keeps the old START unless given (init_params only defaults it on CREATE).
  const start = o.start ?? (old ? BigInt(old.start) : increment > 0n ? min : max);
  if (start < min) throw invalidParameter(`START value (${start}) cannot be less than MINVALUE (${min})`);
  if (start > max) throw invalidParameter(`START value (${start}) cannot be greater than MAXVALUE (${max})`);
  if (typeof o.restart === 'bigint') {
    if (o.restart < min) throw invalidParameter(`RESTART value (${o.restart}) cannot be less than MINVALUE (${min})`);
    if (o.restart > max) throw invalidParameter(`RESTART value (${o.restart}) cannot be greater than MAXVALUE (${max})`);
  }
  const cache = o.cache ?? (old ? BigInt(old.cache) : 1n);
  if (cache <= 0n) throw invalidParameter(`CACHE (${cache}) must be greater than zero`);
  return {
    type,
    start: String(start),
    increment: String(increment),
    min: String(min),
    max: String(max),
    cache: String(cache),
    cycle: o.cycle ?? old?.cycle ?? false,
  };
}

/** 42P16/22023 guard: identity and serial columns need an integer type. */
export function assertIntegerType(type: Oid): void {
  if (!(type in LIMITS)) {
    throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'identity column type must be smallint, integer, or bigint');
  }
}

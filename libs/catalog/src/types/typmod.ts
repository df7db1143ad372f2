// Type modifier handlers: PostgreSQL's typmodin/typmodout functions for the builtin types,
// keyed by the function names in pg_type (typmodin 'varchartypmodin', typmodout
// 'varchartypmodout'). Extensions register theirs (pgvector's 'vector_typmod_in') in the
// CatalogRegistry. Messages and limits are those of varchar.c, numeric.c, timestamp.c,
// date.c and varbit.c (PostgreSQL 15).
import { invalidParameter } from '@vecgres/errors';
import { SQLSTATE } from '@vecgres/errors';
import { warning, type CatalogNotice } from '../model/notice';

export interface TypmodInput {
  /** The modifiers as integers, e.g. [10] for varchar(10), [10, 2] for numeric(10,2). */
  mods: number[];
  /** Where WARNINGs (precision reduced) go. */
  notices: CatalogNotice[];
}

export interface TypmodHandler {
  /** typmodin: modifiers -> the stored typmod (errors are 22023 SqlErrors). */
  in(input: TypmodInput): number;
  /** typmodout: the text printed after the type name, e.g. `(10)`, `(3) with time zone`. */
  out(typmod: number): string;
}

/** VARHDRSZ: varlena typmods count the 4-byte header. */
const VARHDRSZ = 4;
/** MaxAttrSize: 10 MB. */
const MAX_ATTR_SIZE = 10 * 1024 * 1024;
const MAX_TIMESTAMP_PRECISION = 6;
const MAX_INTERVAL_PRECISION = 6;
const NUMERIC_MAX_PRECISION = 1000;
const NUMERIC_MIN_SCALE = -1000;
const NUMERIC_MAX_SCALE = 1000;

function single(input: TypmodInput): number {
  if (input.mods.length !== 1) throw invalidParameter('invalid type modifier');
  return input.mods[0];
}

/** varchar / bpchar (anychar_typmodin). `typname` is how the message names the type. */
function anychar(typname: string): TypmodHandler {
  return {
    in(input) {
      const n = single(input);
      if (n < 1) throw invalidParameter(`length for type ${typname} must be at least 1`);
      if (n > MAX_ATTR_SIZE) throw invalidParameter(`length for type ${typname} cannot exceed ${MAX_ATTR_SIZE}`);
      return n + VARHDRSZ;
    },
    out: (typmod) => (typmod > VARHDRSZ ? `(${typmod - VARHDRSZ})` : ''),
  };
}

/** bit / varbit (anybit_typmodin): the typmod is the length itself. */
function anybit(typname: string): TypmodHandler {
  return {
    in(input) {
      const n = single(input);
      if (n < 1) throw invalidParameter(`length for type ${typname} must be at least 1`);
      if (n > MAX_ATTR_SIZE * 8) throw invalidParameter(`length for type ${typname} cannot exceed ${MAX_ATTR_SIZE * 8}`);
      return n;
    },
    out: (typmod) => (typmod >= 0 ? `(${typmod})` : ''),
  };
}

/** numeric(p[,s]): ((p << 16) | (s & 0x7ff)) + VARHDRSZ. */
const numeric: TypmodHandler = {
  in({ mods }) {
    if (mods.length === 2 || mods.length === 1) {
      const [p, s = 0] = mods;
      if (p < 1 || p > NUMERIC_MAX_PRECISION) {
        throw invalidParameter(`NUMERIC precision ${p} must be between 1 and ${NUMERIC_MAX_PRECISION}`);
      }
      if (s < NUMERIC_MIN_SCALE || s > NUMERIC_MAX_SCALE) {
        throw invalidParameter(`NUMERIC scale ${s} must be between ${NUMERIC_MIN_SCALE} and ${NUMERIC_MAX_SCALE}`);
      }
      return ((p << 16) | (s & 0x7ff)) + VARHDRSZ;
    }
    throw invalidParameter('invalid NUMERIC type modifier');
  },
  out(typmod) {
    if (typmod < VARHDRSZ) return '';
    const t = typmod - VARHDRSZ;
    // The scale is an 11-bit two's-complement field.
    const scale = ((t & 0x7ff) ^ 1024) - 1024;
    return `(${(t >> 16) & 0xffff},${scale})`;
  },
};

/** time/timetz/timestamp/timestamptz(p): p in 0..6, larger values warn and clamp. */
function precisionTypmod(word: 'TIME' | 'TIMESTAMP', withTz: boolean): TypmodHandler {
  const tzWord = withTz ? ' WITH TIME ZONE' : '';
  const tzOut = withTz ? ' with time zone' : ' without time zone';
  return {
    in(input) {
      const p = single(input);
      if (p < 0) throw invalidParameter(`${word}(${p})${tzWord} precision must not be negative`);
      if (p > MAX_TIMESTAMP_PRECISION) {
        input.notices.push(warning(SQLSTATE.INVALID_PARAMETER_VALUE,
          `${word}(${p})${tzWord} precision reduced to maximum allowed, ${MAX_TIMESTAMP_PRECISION}`));
        return MAX_TIMESTAMP_PRECISION;
      }
      return p;
    },
    out: (typmod) => (typmod >= 0 ? `(${typmod})${tzOut}` : tzOut),
  };
}

// interval: the grammar passes the field mask (INTERVAL_MASK bits) and an optional precision.
const M = (bit: number) => 1 << bit;
const MONTH = M(1), YEAR = M(2), DAY = M(3), HOUR = M(10), MINUTE = M(11), SECOND = M(12);
export const INTERVAL_FULL_RANGE = 0x7fff;
const INTERVAL_FULL_PRECISION = 0xffff;

const INTERVAL_FIELDS = new Map<number, string>([
  [YEAR, ' year'], [MONTH, ' month'], [DAY, ' day'], [HOUR, ' hour'], [MINUTE, ' minute'],
  [SECOND, ' second'], [YEAR | MONTH, ' year to month'], [DAY | HOUR, ' day to hour'],
  [DAY | HOUR | MINUTE, ' day to minute'], [DAY | HOUR | MINUTE | SECOND, ' day to second'],
  [HOUR | MINUTE, ' hour to minute'], [HOUR | MINUTE | SECOND, ' hour to second'],
  [MINUTE | SECOND, ' minute to second'], [INTERVAL_FULL_RANGE, ''],
]);

const interval: TypmodHandler = {
  in({ mods, notices }) {
    if ((mods.length !== 1 && mods.length !== 2) || !INTERVAL_FIELDS.has(mods[0])) {
      throw invalidParameter('invalid INTERVAL type modifier');
    }
    const range = mods[0];
    if (mods.length === 1) return range === INTERVAL_FULL_RANGE ? -1 : (range << 16) | INTERVAL_FULL_PRECISION;
    let p = mods[1];
    if (p < 0) throw invalidParameter(`INTERVAL(${p}) precision must not be negative`);
    if (p > MAX_INTERVAL_PRECISION) {
      notices.push(warning(SQLSTATE.INVALID_PARAMETER_VALUE,
        `INTERVAL(${p}) precision reduced to maximum allowed, ${MAX_INTERVAL_PRECISION}`));
      p = MAX_INTERVAL_PRECISION;
    }
    return (range << 16) | p;
  },
  out(typmod) {
    if (typmod < 0) return '';
    const fields = INTERVAL_FIELDS.get((typmod >> 16) & 0x7fff) ?? '';
    const precision = typmod & 0xffff;
    return precision !== INTERVAL_FULL_PRECISION ? `${fields}(${precision})` : fields;
  },
};

/** The builtin handlers by typmodin and typmodout function name. */
export function builtinTypmodHandlers(): Map<string, TypmodHandler> {
  const entries: Array<[string, string, TypmodHandler]> = [
    ['bpchartypmodin', 'bpchartypmodout', anychar('char')],
    ['varchartypmodin', 'varchartypmodout', anychar('varchar')],
    ['bittypmodin', 'bittypmodout', anybit('bit')],
    ['varbittypmodin', 'varbittypmodout', anybit('varbit')],
    ['numerictypmodin', 'numerictypmodout', numeric],
    ['timetypmodin', 'timetypmodout', precisionTypmod('TIME', false)],
    ['timetztypmodin', 'timetztypmodout', precisionTypmod('TIME', true)],
    ['timestamptypmodin', 'timestamptypmodout', precisionTypmod('TIMESTAMP', false)],
    ['timestamptztypmodin', 'timestamptztypmodout', precisionTypmod('TIMESTAMP', true)],
    ['intervaltypmodin', 'intervaltypmodout', interval],
  ];
  const m = new Map<string, TypmodHandler>();
  for (const [inName, outName, h] of entries) {
    m.set(inName, h);
    m.set(outName, h);
  }
  return m;
}

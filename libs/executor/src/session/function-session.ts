// The session side of contextual builtin functions (functions/extra-context.ts): transaction
// and statement start for now()/statement_timestamp(), the TimeZone object (built once per
// TimeZone setting value, not per statement), DateStyle/IntervalStyle for formatValue, and the
// session's random() generator, which setseed() reseeds.
//
// The generator is PostgreSQL's pg_prng (xoroshiro128** seeded through splitmix64, and
// setseed(x) seeding with (2^52 - 1) * x truncated to int64), so a seeded sequence of random()
// values matches PostgreSQL 15's exactly.
import { UTC_ZONE, createTimeZone, type DateOrder, type DateOutputStyle, type IntervalStyle, type TimeZone } from '@vecgres/pg-types';
import type { FunctionSessionPart } from '../exec/exec-context';
import type { SessionSettings } from './settings';

const MASK = (1n << 64n) - 1n;

/** Microseconds since 2000-01-01 UTC on the wall clock (PostgreSQL's TimestampTz epoch). */
export function wallClockMicros(): bigint {
  return BigInt(Date.now()) * 1000n - 946684800000000n;
}

const rotl = (x: bigint, bits: bigint): bigint => ((x << bits) | (x >> (64n - bits))) & MASK;

/** pg_prng: xoroshiro128** with splitmix64 seeding (src/common/pg_prng.c). */
export class PgPrng {
  private s0 = 0n;
  private s1 = 0n;

  constructor(seed: bigint = BigInt(Math.floor(Math.random() * 2 ** 52)) ^ (BigInt(Date.now()) << 12n)) {
    this.seed(seed);
  }

  /** pg_prng_seed: two splitmix64 outputs of `seed` (uint64). */
  seed(seed: bigint): void {
    let state = seed & MASK;
    const splitmix = (): bigint => {
      state = (state + 0x9e3779b97f4a7c15n) & MASK;
      let v = state;
      v = ((v ^ (v >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
      v = ((v ^ (v >> 27n)) * 0x94d049bb133111ebn) & MASK;
      return v ^ (v >> 31n);
    };
    this.s0 = splitmix();
    this.s1 = splitmix();
    if (this.s0 === 0n && this.s1 === 0n) this.s0 = 1n;
  }

  /** pg_prng_fseed: setseed(x) for x in [-1, 1]. */
  fseed(x: number): void {
    this.seed(BigInt(Math.trunc((2 ** 52 - 1) * x)));
  }

  /** pg_prng_double: uniform in [0, 1) from the top 52 bits. */
  double(): number {
    const s0 = this.s0;
    const sx = this.s1 ^ s0;
    const val = (rotl((s0 * 5n) & MASK, 7n) * 9n) & MASK;
    this.s0 = rotl(s0, 24n) ^ sx ^ ((sx << 16n) & MASK);
    this.s1 = rotl(sx, 37n);
    return Number(val >> 12n) / 2 ** 52;
  }
}

/** Per-session state behind FunctionSessionPart: the generator and the cached zone. */
export class FunctionSessionState {
  private readonly prng = new PgPrng();
  private zoneName: string | undefined;
  private zone: TimeZone = UTC_ZONE;

  private timeZone(name: string): TimeZone {
    if (name !== this.zoneName) {
      this.zone = createTimeZone(name) ?? UTC_ZONE;
      this.zoneName = name;
    }
    return this.zone;
  }

  /** The session part for one statement of the transaction that started at `transactionStart`. */
  part(settings: SessionSettings, transactionStart: bigint): FunctionSessionPart {
    // Everything but the two timestamps depends on the settings only: made once per settings
    // version instead of per statement (a prepared query pays for this on every execution).
    const base = settings.derived('function-session', () => this.settingsPart(settings));
    return {
      transactionStart,
      statementStart: wallClockMicros(),
      clock: base.clock,
      timeZone: base.timeZone,
      random: base.random,
      setSeed: base.setSeed,
      output: base.output,
    };
  }

  private settingsPart(settings: SessionSettings): Omit<FunctionSessionPart, 'transactionStart' | 'statementStart'> {
    const timeZone = this.timeZone(settings.get('TimeZone'));
    const [dateStyle, dateOrder = 'MDY'] = settings.get('DateStyle').split(', ') as [DateOutputStyle, DateOrder?];
    return {
      clock: wallClockMicros,
      timeZone,
      random: () => this.prng.double(),
      setSeed: (seed) => this.prng.fseed(seed),
      output: {
        extraFloatDigits: settings.extraFloatDigits(),
        dateOrder,
        dateStyle,
        intervalStyle: settings.get('IntervalStyle') as IntervalStyle,
        timeZone,
      },
    };
  }
}

// Ordered-set aggregates (WITHIN GROUP): percentile_cont(float8), percentile_disc, mode. The
// planner gives the call an ORDER BY on the aggregated argument, so rows arrive sorted; each
// row's args are [direct argument (percentiles only), aggregated value]. NULL aggregated values
// are skipped; no (non-NULL) rows or a NULL fraction -> NULL (orderedsetaggs.c).
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { AggImpl } from './aggregates';

interface State { fraction: unknown; values: unknown[] }

const collect = (direct: number): AggImpl<State> => ({
  init: () => ({ fraction: null, values: [] }),
  step: (s, args) => {
    const v = args[direct];
    const fraction = direct > 0 ? args[0] : null;
    return v === null ? { ...s, fraction } : { fraction, values: [...s.values, v] };
  },
  final: () => null,
});

function checkFraction(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new SqlError(SQLSTATE.NUMERIC_VALUE_OUT_OF_RANGE, `percentile value ${p} is not between 0 and 1`);
}

const percentileCont: AggImpl<State> = {
  ...collect(1),
  final: (s) => {
    if (s.values.length === 0 || s.fraction === null) return null;
    const p = s.fraction as number;
    checkFraction(p);
    const pos = p * (s.values.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    const a = s.values[lo] as number;
    if (lo === hi) return a;
    return a + (pos - lo) * ((s.values[hi] as number) - a);
  },
};

const percentileDisc: AggImpl<State> = {
  ...collect(1),
  final: (s) => {
    if (s.values.length === 0 || s.fraction === null) return null;
    const p = s.fraction as number;
    checkFraction(p);
    const row = Math.ceil(p * s.values.length);
    return s.values[Math.max(row, 1) - 1];
  },
};

function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && String(a) === String(b));
}

/** The most frequent value; among equally frequent ones the first in sort order. */
const mode: AggImpl<State> = {
  ...collect(0),
  final: (s) => {
    let best: unknown = null;
    let bestCount = 0;
    for (let i = 0; i < s.values.length;) {
      let j = i + 1;
      while (j < s.values.length && same(s.values[j], s.values[i])) j++;
      if (j - i > bestCount) { best = s.values[i]; bestCount = j - i; }
      i = j;
    }
    return best;
  },
};

const ORDERED_SET: Record<string, AggImpl> = {
  'ordered_set_transition+percentile_cont_float8_final': percentileCont,
  'ordered_set_transition+percentile_disc_final': percentileDisc,
  'ordered_set_transition+mode_final': mode,
};

export function orderedSetAggregate(impl: string): AggImpl | undefined {
  return ORDERED_SET[impl];
}

// avg / sum over vector and halfvec and their state functions, from pgvector's
// vector_type.out and halfvec.out (SELECT avg(v) FROM unnest(ARRAY[...]) v).
import { PgArray } from '@vecgres/pg-types';
import type { AggregateCall } from '@vecgres/planner';
import { errorOf } from '../../testing/function-call';
import { aggregateImpl } from '../aggregates';
import { VECTOR_FUNCTIONS } from './index';
import { outcome, type Case } from './testing/cases';
import { arr, half, show, vec } from './testing/values';

/** Runs aggregate `impl` over `inputs` (null = SQL NULL) and shows the result or the error. */
function aggregate(impl: string, inputs: Array<Float32Array | null>): string | null {
  const agg = aggregateImpl({ impl, name: impl } as unknown as AggregateCall);
  const run = () => agg.final(inputs.reduce((s, v) => agg.step(s, [v]), agg.init()));
  try {
    return show(run());
  } catch {
    return `ERROR: ${errorOf(run)}`;
  }
}

const AVG_V = 'vector_accum+vector_avg';
const AVG_H = 'halfvec_accum+halfvec_avg';

describe('avg and sum aggregates', () => {
  it.each<[string, string, Array<Float32Array | null>, string | null]>([
    ['avg', AVG_V, [vec('[1,2,3]'), vec('[3,5,7]')], '[2,3.5,5]'],
    ['avg skips NULL', AVG_V, [vec('[1,2,3]'), vec('[3,5,7]'), null], '[2,3.5,5]'],
    ['avg of no rows', AVG_V, [], null],
    ['avg of only NULLs', AVG_V, [null, null], null],
    ['avg dims', AVG_V, [vec('[1,2]'), vec('[3]')], 'ERROR: 22000 expected 2 dimensions, not 1'],
    ['avg sums in double', AVG_V, [vec('[3e38]'), vec('[3e38]')], '[3e+38]'],
    ['sum', 'vector_add', [vec('[1,2,3]'), vec('[3,5,7]')], '[4,7,10]'],
    ['sum skips NULL', 'vector_add', [vec('[1,2,3]'), vec('[3,5,7]'), null], '[4,7,10]'],
    ['sum of no rows', 'vector_add', [], null],
    ['sum dims', 'vector_add', [vec('[1,2]'), vec('[3]')], 'ERROR: 22000 different vector dimensions 2 and 1'],
    ['sum overflow', 'vector_add', [vec('[3e38]'), vec('[3e38]')], 'ERROR: 22003 value out of range: overflow'],
    ['halfvec avg', AVG_H, [half('[1,2,3]'), half('[3,5,7]')], '[2,3.5,5]'],
    ['halfvec avg NULL', AVG_H, [half('[1,2,3]'), half('[3,5,7]'), null], '[2,3.5,5]'],
    ['halfvec avg of no rows', AVG_H, [], null],
    ['halfvec avg dims', AVG_H, [half('[1,2]'), half('[3]')], 'ERROR: 22000 expected 2 dimensions, not 1'],
    ['halfvec avg of the largest', AVG_H, [half('[65504]'), half('[65504]')], '[65504]'],
    ['halfvec avg rounds to half', AVG_H, [half('[0]'), half('[0.2]'), half('[0.1]')], '[0.099975586]'],
    ['halfvec sum', 'halfvec_add', [half('[1,2,3]'), half('[3,5,7]')], '[4,7,10]'],
    ['halfvec sum of no rows', 'halfvec_add', [], null],
    ['halfvec sum dims', 'halfvec_add', [half('[1,2]'), half('[3]')], 'ERROR: 22000 different halfvec dimensions 2 and 1'],
    ['halfvec sum overflow', 'halfvec_add', [half('[65504]'), half('[65504]')], 'ERROR: 22003 value out of range: overflow'],
  ])('%s', (_l, impl, inputs, expected) => expect(aggregate(impl, inputs)).toBe(expected));

  it('keeps aggregate states independent', () => {
    const agg = aggregateImpl({ impl: AVG_V, name: 'avg' } as unknown as AggregateCall);
    const a = agg.step(agg.init(), [vec('[1]')]);
    const b = agg.step(agg.init(), [vec('[5]')]);
    expect(show(agg.final(agg.step(a, [vec('[3]')])))).toBe('[2]');
    expect(show(agg.final(b))).toBe('[5]');
  });
});

const seq = (n: number) => PgArray.of(Array.from({ length: n }, (_, i) => i + 1));

const STATE_CASES: Case[] = [
  ['accum from the initial state', 'vector_accum', [arr('{0}'), vec('[1,2,3]')], '{1,1,2,3}'],
  ['accum adds', 'vector_accum', [arr('{1,1,2,3}'), vec('[1,2,3]')], '{2,2,4,6}'],
  ['accum of a zero state', 'vector_accum', [arr('{0,0,0,0}'), vec('[1,2,3]')], '{1,1,2,3}'],
  ['accum empty state', 'vector_accum', [arr('{}'), vec('[1,2,3]')], 'ERROR: XX000 vector_accum: expected state array'],
  ['accum dims', 'vector_accum', [arr('{0,0}'), vec('[1,2,3]')], 'ERROR: 22000 expected 1 dimensions, not 3'],
  ['combine', 'vector_combine', [arr('{1,2}'), arr('{3,4}')], '{4,6}'],
  ['combine 2-D', 'vector_combine', [arr('{{1,2}}'), arr('{3,4}')], 'ERROR: XX000 vector_combine: expected state array'],
  ['combine empty', 'vector_combine', [arr('{}'), arr('{0}')], 'ERROR: XX000 vector_combine: expected state array'],
  ['combine two empty states', 'vector_combine', [arr('{0}'), arr('{0}')], 'ERROR: 22000 vector must have at least 1 dimension'],
  ['combine too long', 'vector_combine', [arr('{0}'), seq(16002)], 'ERROR: 54000 vector cannot have more than 16000 dimensions'],
  ['combine first empty', 'vector_combine', [arr('{0}'), arr('{2,1,1}')], '{2,1,1}'],
  ['avg of a state', 'vector_avg', [arr('{2,2,4}')], '[1,2]'],
  ['avg of n = 0', 'vector_avg', [arr('{0}')], null],
  ['avg too long', 'vector_avg', [seq(16002)], 'ERROR: 54000 vector cannot have more than 16000 dimensions'],
  ['halfvec avg too long', 'halfvec_avg', [seq(16002)], 'ERROR: 54000 halfvec cannot have more than 16000 dimensions'],
  ['halfvec accum', 'halfvec_accum', [arr('{0}'), half('[1,2,3]')], '{1,1,2,3}'],
];

describe('aggregate state functions (pgvector vector_type.out)', () => {
  it.each(STATE_CASES)('%s', (_l, impl, args, expected) => expect(outcome(VECTOR_FUNCTIONS, impl, args)).toBe(expected));
});

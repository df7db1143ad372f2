// Expected values are PostgreSQL 15.18's psql output for the same expressions.
import { PgArray } from '@vecgres/pg-types';
import { callFn, callRaw, errorOf, show } from '../testing/function-call';
import { ARRAY_FUNCTIONS as A, toPgArray } from './array';

const call = (impl: string, args: string[], type = 'int4[]') => callFn(A, impl, args, type);

describe('building arrays', () => {
  it.each([
    ['array_append', ['int4[]:{1,2}', 'int4:3'], '{1,2,3}'],
    ['array_append', ['int4[]:NULL', 'int4:3'], '{3}'],
    ['array_prepend', ['int4:0', 'int4[]:{1,2}'], '{0,1,2}'],
    ['array_prepend', ['int4:0', 'int4[]:[5:6]={1,2}'], '[5:7]={0,1,2}'],
    ['array_append', ['int4[]:[5:6]={1,2}', 'int4:3'], '[5:7]={1,2,3}'],
    ['array_cat', ['int4[]:{1,2}', 'int4[]:{3}'], '{1,2,3}'],
    ['array_cat', ['int4[]:{{1,2}}', 'int4[]:{3,4}'], '{{1,2},{3,4}}'],
    ['array_cat', ['int4[]:{1,2}', 'int4[]:{{3,4}}'], '{{1,2},{3,4}}'],
    ['array_cat', ['int4[]:NULL', 'int4[]:{1}'], '{1}'],
    ['array_cat', ['int4[]:{}', 'int4[]:{}'], '{}'],
    ['array_remove', ['int4[]:{1,2,1,NULL}', 'int4:1'], '{2,NULL}'],
    ['array_remove', ['int4[]:{1,NULL,2}', 'int4:NULL'], '{1,2}'],
    ['array_replace', ['int4[]:{1,2,1}', 'int4:1', 'int4:9'], '{9,2,9}'],
    ['array_positions', ['int4[]:{1,2,1}', 'int4:1'], '{1,3}'],
    ['array_positions', ['int4[]:{1,2,1}', 'int4:5'], '{}'],
    ['trim_array', ['int4[]:{1,2,3}', 'int4:2'], '{1}'],
    ['trim_array', ['int4[]:{{1,2},{3,4}}', 'int4:1'], '{{1,2}}'],
    ['array_fill', ['int4:7', 'int4[]:{2,2}'], '{{7,7},{7,7}}'],
    ['array_fill_with_lower_bounds', ['int4:7', 'int4[]:{2}', 'int4[]:{0}'], '[0:1]={7,7}'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args)).toBe(expected);
  });

  it.each([
    ['array_append', ['int4[]:{{1,2}}', 'int4:3'], '22000 argument must be empty or one-dimensional array'],
    ['array_cat', ['int4[]:{{1,2}}', 'int4[]:{{3}}'], '2202E cannot concatenate incompatible arrays'],
    ['array_remove', ['int4[]:{{1,2}}', 'int4:1'], '0A000 removing elements from multidimensional arrays is not supported'],
    ['array_position', ['int4[]:{{1,2}}', 'int4:1'], '0A000 searching for elements in multidimensional arrays is not supported'],
    ['array_position_start', ['int4[]:{1,2}', 'int4:1', 'int4:NULL'], '22004 initial position must not be null'],
    ['trim_array', ['int4[]:{1,2,3}', 'int4:4'], '2202E number of elements to trim must be between 0 and 3'],
  ])('%s(%j) fails', (impl, args, expected) => {
    expect(errorOf(() => call(impl, args))).toBe(expected);
  });

  it('array_cat explains incompatible dimensions', () => {
    try {
      call('array_cat', ['int4[]:{{1,2}}', 'int4[]:{3}']);
      throw new Error('no error');
    } catch (e) {
      expect((e as { detail?: string }).detail).toBe('Arrays with differing element dimensions are not compatible for concatenation.');
    }
  });
});

describe('inspecting arrays', () => {
  it.each([
    ['array_length', ['int4[]:{1,2,3}', 'int4:1'], '3'],
    ['array_length', ['int4[]:{1,2,3}', 'int4:2'], null],
    ['array_length', ['int4[]:{}', 'int4:1'], null],
    ['array_lower', ['int4[]:[0:2]={1,2,3}', 'int4:1'], '0'],
    ['array_upper', ['int4[]:{{1,2},{3,4}}', 'int4:2'], '2'],
    ['array_ndims', ['int4[]:{{1},{2}}'], '2'],
    ['array_ndims', ['int4[]:{}'], null],
    ['array_cardinality', ['int4[]:{{1,2},{3,4}}'], '4'],
    ['array_cardinality', ['int4[]:{}'], '0'],
    ['array_position', ['text[]:{a,b,c,b}', 'text:b'], '2'],
    ['array_position_start', ['text[]:{a,b,c,b}', 'text:b', 'int4:3'], '4'],
    ['array_position', ['text[]:[0:2]={a,b,c}', 'text:c'], '2'],
    ['array_position', ['int4[]:{1,NULL}', 'int4:NULL'], '2'],
    ['array_position', ['int4[]:{1,2}', 'int4:5'], null],
    ['width_bucket_array', ['int4:5', 'int4[]:{1,3,5,7}'], '3'],
    ['width_bucket_array', ['int4:0', 'int4[]:{1,3}'], '0'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args, 'int4')).toBe(expected);
  });

  it.each([
    ['array_dims', ['int4[]:{{1,2,3},{4,5,6}}'], '[1:2][1:3]'],
    ['array_dims', ['int4[]:[0:1]={1,2}'], '[0:1]'],
    ['array_dims', ['int4[]:{}'], null],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args, 'text')).toBe(expected);
  });

  it('numeric elements compare by value, not by text', () => {
    expect(call('array_position', ['numeric[]:{10,9,1.0}', 'numeric:1'], 'int4')).toBe('3');
    expect(call('array_lt', ['numeric[]:{9}', 'numeric[]:{10}'], 'bool')).toBe('t');
  });
});

describe('array operators', () => {
  it.each([
    ['arrayoverlap', ['int4[]:{1,2}', 'int4[]:{2,3}'], 't'],
    ['arrayoverlap', ['int4[]:{1,2}', 'int4[]:{3}'], 'f'],
    ['arraycontains', ['int4[]:{1,2,2}', 'int4[]:{2,2,2}'], 't'],
    ['arraycontains', ['int4[]:{1,NULL}', 'int4[]:{NULL}'], 'f'],
    ['arraycontained', ['int4[]:{1}', 'int4[]:{1,2}'], 't'],
    ['arraycontained', ['int4[]:{}', 'int4[]:{1}'], 't'],
    ['array_eq', ['int4[]:{1,2}', 'int4[]:{1,2}'], 't'],
    ['array_lt', ['int4[]:{1,2}', 'int4[]:{1,3}'], 't'],
    ['array_lt', ['int4[]:{1,2}', 'int4[]:{1,2,0}'], 't'],
    ['array_gt', ['int4[]:{1,NULL}', 'int4[]:{1,5}'], 't'],
    ['array_eq', ['int4[]:{{1,2}}', 'int4[]:{1,2}'], 'f'],
    ['array_lt', ['int4[]:{{1,2}}', 'int4[]:{1,2}'], 'f'],
    ['array_eq', ['int4[]:[0:1]={1,2}', 'int4[]:{1,2}'], 'f'],
    ['array_gt', ['int4[]:[0:1]={1,2}', 'int4[]:{1,2}'], 'f'],
    ['array_eq', ['int4[]:{NULL}', 'int4[]:{NULL}'], 't'],
    ['array_ne', ['text[]:{a}', 'text[]:{b}'], 't'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args, 'bool')).toBe(expected);
  });

  it('accepts the executor\'s plain JS arrays as one- and multi-dimensional arrays', () => {
    expect(toPgArray([1, 2]).dims).toEqual([2]);
    expect(toPgArray([[1, 2], [3, 4]]).dims).toEqual([2, 2]);
    expect(show('int4[]', A.array_cat!([[1, 2]], [3, 4]))).toBe('{{1,2},{3,4}}');
    expect(errorOf(() => toPgArray([[1, 2], [3]]))).toBe('2202E multidimensional arrays must have array expressions with matching dimensions');
  });
});

describe('array results', () => {
  it('are PgArray values', () => {
    expect(callRaw(A, 'array_append', ['int4[]:{1}', 'int4:2'])).toBeInstanceOf(PgArray);
  });
});

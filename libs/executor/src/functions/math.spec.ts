// Expected values are PostgreSQL 15.18's psql output for the same expressions.
import { callFn, callRaw, errorOf } from '../testing/function-call';
import { MATH_FUNCTIONS as M } from './math';

const call = (impl: string, args: string[], type: string) => callFn(M, impl, args, type);

describe('numeric transcendental functions keep PostgreSQL result scales', () => {
  it.each([
    ['numeric_sqrt', ['numeric:2'], '1.414213562373095'],
    ['numeric_sqrt', ['numeric:100'], '10.000000000000000'],
    ['numeric_sqrt', ['numeric:0.0001'], '0.01000000000000000'],
    ['numeric_sqrt', ['numeric:12345678901234567890'], '3513641828.8201443'],
    ['numeric_sqrt', ['numeric:2.00000'], '1.414213562373095'],
    ['numeric_sqrt', ['numeric:0'], '0.000000000000000'],
    ['numeric_exp', ['numeric:1'], '2.7182818284590452'],
    ['numeric_exp', ['numeric:0'], '1.0000000000000000'],
    ['numeric_exp', ['numeric:10'], '22026.465794806717'],
    ['numeric_exp', ['numeric:-10'], '0.00004539992976248485'],
    ['numeric_exp', ['numeric:1.5'], '4.4816890703380648'],
    ['numeric_exp', ['numeric:100'], '26881171418161354484126255515800135873611119'],
    ['numeric_ln', ['numeric:2'], '0.6931471805599453'],
    ['numeric_ln', ['numeric:10'], '2.3025850929940457'],
    ['numeric_ln', ['numeric:1'], '0.0000000000000000'],
    ['numeric_ln', ['numeric:1.05'], '0.048790164169432003'],
    ['numeric_ln', ['numeric:1e10'], '23.025850929940457'],
    ['numeric_ln', ['numeric:0.001'], '-6.9077552789821371'],
    ['log', ['numeric:100'], '2.0000000000000000'],
    ['numeric_log', ['numeric:2', 'numeric:8'], '3.0000000000000000'],
    ['log10', ['numeric:2'], '0.3010299956639812'],
    ['numeric_log', ['numeric:2.0', 'numeric:64.0'], '6.0000000000000000'],
    ['numeric_power', ['numeric:2', 'numeric:10'], '1024.0000000000000000'],
    ['numeric_power', ['numeric:2', 'numeric:-2'], '0.2500000000000000'],
    ['numeric_power', ['numeric:1.5', 'numeric:3'], '3.3750000000000000'],
    ['numeric_power', ['numeric:2', 'numeric:0.5'], '1.4142135623730950'],
    ['numeric_power', ['numeric:10', 'numeric:20'], '100000000000000000000.0000000000000000'],
    ['numeric_power', ['numeric:0', 'numeric:0'], '1.0000000000000000'],
    ['numeric_power', ['numeric:2', 'numeric:100'], '1267650600228229401496703205376.0000000000000000'],
    ['numeric_power', ['numeric:1.1', 'numeric:1.1'], '1.1105342410545757'],
    ['numeric_power', ['numeric:2.5', 'numeric:2'], '6.2500000000000000'],
    ['numeric_power', ['numeric:7', 'numeric:-1'], '0.1428571428571429'],
    ['numeric_power', ['numeric:100', 'numeric:-0.5'], '0.10000000000000000'],
    ['numeric_fac', ['int8:5'], '120'],
    ['numeric_fac', ['int8:0'], '1'],
    ['numeric_fac', ['int8:25'], '15511210043330985984000000'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args, 'numeric')).toBe(expected);
  });

  it.each([
    ['numeric_sqrt', ['numeric:-1'], '2201F cannot take square root of a negative number'],
    ['numeric_ln', ['numeric:0'], '2201E cannot take logarithm of zero'],
    ['numeric_ln', ['numeric:-1'], '2201E cannot take logarithm of a negative number'],
    ['numeric_power', ['numeric:0', 'numeric:-1'], '2201F zero raised to a negative power is undefined'],
    ['numeric_power', ['numeric:-2', 'numeric:0.5'], '2201F a negative number raised to a non-integer power yields a complex result'],
    ['numeric_fac', ['int8:-1'], '22003 factorial of a negative number is undefined'],
    ['numeric_fac', ['int8:40000'], '22003 value overflows numeric format'],
  ])('%s(%j) fails', (impl, args, expected) => {
    expect(errorOf(() => call(impl, args, 'numeric'))).toBe(expected);
  });
});

describe('numeric sign, gcd/lcm, div, scale', () => {
  it.each([
    ['int4gcd', ['int4:12', 'int4:18'], 'int4', '6'],
    ['int4gcd', ['int4:-12', 'int4:18'], 'int4', '6'],
    ['int4lcm', ['int4:4', 'int4:6'], 'int4', '12'],
    ['int4lcm', ['int4:0', 'int4:5'], 'int4', '0'],
    ['int4gcd', ['int4:0', 'int4:0'], 'int4', '0'],
    ['int8gcd', ['int8:12', 'int8:0'], 'int8', '12'],
    ['int8lcm', ['int8:-4', 'int8:6'], 'int8', '12'],
    ['numeric_gcd', ['numeric:1.5', 'numeric:0.25'], 'numeric', '0.25'],
    ['numeric_lcm', ['numeric:1.5', 'numeric:0.25'], 'numeric', '1.50'],
    ['numeric_div_trunc', ['numeric:7.5', 'numeric:2'], 'numeric', '3'],
    ['numeric_div_trunc', ['numeric:-7.5', 'numeric:2'], 'numeric', '-3'],
    ['numeric_scale', ['numeric:1.500'], 'int4', '3'],
    ['numeric_min_scale', ['numeric:1.500'], 'int4', '1'],
    ['numeric_trim_scale', ['numeric:1.500'], 'numeric', '1.5'],
    ['numeric_trim_scale', ['numeric:100'], 'numeric', '100'],
    ['numeric_min_scale', ['numeric:0.00'], 'int4', '0'],
    ['numeric_scale', ['numeric:NaN'], 'int4', null],
    ['numeric_sign', ['numeric:-3.2'], 'numeric', '-1'],
    ['width_bucket_numeric', ['numeric:5.35', 'numeric:0.024', 'numeric:10.06', 'int4:5'], 'int4', '3'],
    ['width_bucket_numeric', ['numeric:3', 'numeric:10', 'numeric:0', 'int4:5'], 'int4', '4'],
    ['width_bucket_float8', ['float8:5.35', 'float8:0.024', 'float8:10.06', 'int4:5'], 'int4', '3'],
    ['width_bucket_float8', ['float8:-1', 'float8:0', 'float8:10', 'int4:5'], 'int4', '0'],
    ['width_bucket_float8', ['float8:10', 'float8:0', 'float8:10', 'int4:5'], 'int4', '6'],
    ['width_bucket_float8', ['float8:3', 'float8:10', 'float8:0', 'int4:5'], 'int4', '4'],
    ['int4shl', ['int4:1', 'int4:31'], 'int4', '-2147483648'],
    ['int2shl', ['int2:1', 'int4:15'], 'int2', '-32768'],
    ['int8shl', ['int8:1', 'int4:63'], 'int8', '-9223372036854775808'],
    ['int4shr', ['int4:-8', 'int4:1'], 'int4', '-4'],
    ['int8shr', ['int8:-8', 'int4:1'], 'int8', '-4'],
  ])('%s(%j)', (impl, args, type, expected) => {
    expect(call(impl, args, type)).toBe(expected);
  });

  it.each([
    ['int4gcd', ['int4:-2147483648', 'int4:0'], '22003 integer out of range'],
    ['int4lcm', ['int4:2147483647', 'int4:2'], '22003 integer out of range'],
    ['width_bucket_float8', ['float8:1', 'float8:0', 'float8:0', 'int4:5'], '2201G lower bound cannot equal upper bound'],
    ['width_bucket_float8', ['float8:1', 'float8:0', 'float8:10', 'int4:0'], '2201G count must be greater than zero'],
    ['width_bucket_float8', ['float8:NaN', 'float8:0', 'float8:10', 'int4:5'], '2201G operand, lower bound, and upper bound cannot be NaN'],
    ['width_bucket_float8', ['float8:1', 'float8:0', 'float8:Infinity', 'int4:5'], '2201G lower and upper bounds must be finite'],
    ['width_bucket_numeric', ['numeric:1', 'numeric:0', 'numeric:0', 'int4:5'], '2201G lower bound cannot equal upper bound'],
  ])('%s(%j) fails', (impl, args, expected) => {
    expect(errorOf(() => call(impl, args, 'int4'))).toBe(expected);
  });
});

describe('float8 functions', () => {
  it.each([
    ['dexp', ['float8:1'], '2.718281828459045'],
    ['dlog1', ['float8:2'], '0.6931471805599453'],
    ['dlog10', ['float8:100'], '2'],
    ['dlog10', ['float8:1000'], '3'],
    ['dsin', ['float8:1'], '0.8414709848078965'],
    ['dcos', ['float8:0'], '1'],
    ['dtan', ['float8:1'], '1.5574077246549023'],
    ['dcot', ['float8:1'], '0.6420926159343306'],
    ['dcot', ['float8:0'], 'Infinity'],
    ['dasin', ['float8:1'], '1.5707963267948966'],
    ['dacos', ['float8:0.5'], '1.0471975511965979'],
    ['datan', ['float8:1'], '0.7853981633974483'],
    ['datan2', ['float8:1', 'float8:-1'], '2.356194490192345'],
    ['degrees', ['float8:3.141592653589793'], '180'],
    ['radians', ['float8:180'], '3.141592653589793'],
    ['dpi', [], '3.141592653589793'],
    ['dsign', ['float8:-0.5'], '-1'],
    ['dsign', ['float8:0'], '0'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args, 'float8')).toBe(expected);
  });

  it.each([
    ['dlog1', ['float8:0'], '2201E cannot take logarithm of zero'],
    ['dlog1', ['float8:-1'], '2201E cannot take logarithm of a negative number'],
    ['dlog10', ['float8:-1'], '2201E cannot take logarithm of a negative number'],
    ['dexp', ['float8:1000'], '22003 value out of range: overflow'],
    ['dexp', ['float8:-1000'], '22003 value out of range: underflow'],
    ['dasin', ['float8:2'], '22003 input is out of range'],
    ['dsin', ['float8:Infinity'], '22003 input is out of range'],
  ])('%s(%j) fails', (impl, args, expected) => {
    expect(errorOf(() => call(impl, args, 'float8'))).toBe(expected);
  });

  it('random() and setseed() use the session generator from the context', () => {
    const seeds: number[] = [];
    expect(callRaw(M, 'drandom', [], { random: () => 0.25 })).toBe(0.25);
    expect(callRaw(M, 'setseed', ['float8:0.5'], { setSeed: (s) => seeds.push(s) })).toBeNull();
    expect(seeds).toEqual([0.5]);
    expect(errorOf(() => callRaw(M, 'setseed', ['float8:2']))).toBe('22023 setseed parameter 2 is out of allowed range [-1,1]');
  });
});

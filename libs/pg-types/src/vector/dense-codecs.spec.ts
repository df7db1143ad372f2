import { expectSqlError } from '../testing/expect-sql-error';
import { decodeDenseVector, denseVectorCodec, encodeDenseVector, formatDenseVector, parseDenseVector } from './dense-codecs';
import { floatToHalfBits, halfBitsToFloat } from './half';

const vector = denseVectorCodec('vector', 16390);
const halfvec = denseVectorCodec('halfvec', 16400);

describe('vector text I/O (vector_in / vector_out)', () => {
  it.each([
    ['[1,2,3]', '[1,2,3]'],
    ['  [ 1 , 2.5 ,-3 ]  ', '[1,2.5,-3]'],
    ['[\t1\n,\r2\v,\f3]', '[1,2,3]'],
    ['[0.1,1e-7,123456789]', '[0.1,1e-07,1.2345679e+08]'],
    ['[-0,+4.,.5]', '[-0,4,0.5]'],
    ['[0x10,1E2]', '[16,100]'],
    ['[1e-50]', '[0]'],
    ['[3.4028235e38]', '[3.4028235e+38]'],
  ])('%j -> %j', (input, output) => {
    expect(vector.toText(vector.fromText(input))).toBe(output);
  });

  it('returns a Float32Array of the elements', () => {
    expect(Array.from(parseDenseVector('vector', '[1,2,3]'))).toEqual([1, 2, 3]);
    expect(parseDenseVector('vector', '[1]')).toBeInstanceOf(Float32Array);
  });

  it.each([
    ['', 'invalid input syntax for type vector: ""'],
    ['1,2', 'invalid input syntax for type vector: "1,2"'],
    ['[1,2', 'invalid input syntax for type vector: "[1,2"'],
    ['[1,,2]', 'invalid input syntax for type vector: "[1,,2]"'],
    ['[1 2]', 'invalid input syntax for type vector: "[1 2]"'],
    ['[a]', 'invalid input syntax for type vector: "[a]"'],
    ['[1,2] x', 'invalid input syntax for type vector: "[1,2] x"'],
    ['[1,]', 'invalid input syntax for type vector: "[1,]"'],
  ])('rejects %j with 22P02', (input, message) => {
    expectSqlError(() => vector.fromText(input), '22P02', message);
  });

  it('gives pgvector details for a missing [ and junk after ]', () => {
    try {
      vector.fromText('1');
    } catch (e) {
      expect((e as { detail: string }).detail).toBe('Vector contents must start with "[".');
    }
    expect(() => vector.fromText('[1]]')).toThrow(expect.objectContaining({ detail: 'Junk after closing right brace.' }));
  });

  it('rejects empty vectors, NaN, infinities and overflow', () => {
    expectSqlError(() => vector.fromText('[]'), '22000', 'vector must have at least 1 dimension');
    expectSqlError(() => vector.fromText('[ ]'), '22000', 'vector must have at least 1 dimension');
    expectSqlError(() => vector.fromText('[NaN]'), '22000', 'NaN not allowed in vector');
    expectSqlError(() => vector.fromText('[1,-Infinity]'), '22000', 'infinite value not allowed in vector');
    expectSqlError(() => vector.fromText('[inf]'), '22000', 'infinite value not allowed in vector');
    expectSqlError(() => vector.fromText('[1,1e39]'), '22003', '"1e39" is out of range for type vector');
    expectSqlError(() => vector.fromText('[-4e38]'), '22003', '"-4e38" is out of range for type vector');
  });

  it('limits vectors to 16000 dimensions', () => {
    const ok = `[${new Array(16000).fill('1').join(',')}]`;
    expect(vector.fromText(ok).length).toBe(16000);
    expectSqlError(() => vector.fromText(`[${new Array(16001).fill('1').join(',')}]`), '54000', 'vector cannot have more than 16000 dimensions');
  });
});

describe('vector binary I/O (vector_send / vector_recv)', () => {
  it('writes int16 dim, int16 0, float4 elements big-endian', () => {
    const b = encodeDenseVector('vector', Float32Array.from([1, -2]));
    expect(b.toString('hex')).toBe('00020000' + '3f800000' + 'c0000000');
    expect(Array.from(decodeDenseVector('vector', b))).toEqual([1, -2]);
  });

  it('round-trips through the codec', () => {
    const v = Float32Array.from([0.1, 1e-7, -3.5]);
    expect(vector.fromBinary(vector.toBinary(v))).toEqual(v);
  });

  it('validates dim, unused, elements and length', () => {
    expectSqlError(() => vector.fromBinary(Buffer.from('00000000', 'hex')), '22000', 'vector must have at least 1 dimension');
    expectSqlError(() => vector.fromBinary(Buffer.from('3e810000', 'hex')), '54000', 'vector cannot have more than 16000 dimensions');
    expectSqlError(() => vector.fromBinary(Buffer.from('000100053f800000', 'hex')), '22000', 'expected unused to be 0, not 5');
    expectSqlError(() => vector.fromBinary(Buffer.from('000100007fc00000', 'hex')), '22000', 'NaN not allowed in vector');
    expectSqlError(() => vector.fromBinary(Buffer.from('000100007f800000', 'hex')), '22000', 'infinite value not allowed in vector');
    expectSqlError(() => vector.fromBinary(Buffer.from('000200003f800000', 'hex')), '08P01', 'insufficient data left in message');
    expectSqlError(() => vector.fromBinary(Buffer.from('000100003f80000000', 'hex')), '22P03', 'incorrect binary data format');
  });
});

describe('halfvec (halfvec_in / out / send / recv)', () => {
  it('rounds elements to half precision and prints them as float4', () => {
    expect(halfvec.toText(halfvec.fromText('[1.1,2,3]'))).toBe('[1.0996094,2,3]');
    expect(halfvec.toText(halfvec.fromText('[65504,-0.000061035156]'))).toBe('[65504,-6.1035156e-05]');
    expect(halfvec.toText(halfvec.fromText('[1e-8]'))).toBe('[0]');
  });

  it('uses the halfvec type name in errors and rejects values beyond the half range', () => {
    expectSqlError(() => halfvec.fromText('[x]'), '22P02', 'invalid input syntax for type halfvec: "[x]"');
    expectSqlError(() => halfvec.fromText('[]'), '22000', 'halfvec must have at least 1 dimension');
    expectSqlError(() => halfvec.fromText('[65520]'), '22003', '"65520" is out of range for type halfvec');
    expectSqlError(() => halfvec.fromText('[1e39]'), '22003', '"1e39" is out of range for type halfvec');
    expectSqlError(() => halfvec.fromText('[nan]'), '22000', 'NaN not allowed in halfvec');
    expectSqlError(() => halfvec.fromText('[-inf]'), '22000', 'infinite value not allowed in halfvec');
  });

  it('sends raw half bits', () => {
    const v = halfvec.fromText('[1,-2,0.5]');
    expect(halfvec.toBinary(v).toString('hex')).toBe('00030000' + '3c00' + 'c000' + '3800');
    expect(halfvec.fromBinary(halfvec.toBinary(v))).toEqual(v);
    expectSqlError(() => halfvec.fromBinary(Buffer.from('000100007c00', 'hex')), '22000', 'infinite value not allowed in halfvec');
    expectSqlError(() => halfvec.fromBinary(Buffer.from('000100007e00', 'hex')), '22000', 'NaN not allowed in halfvec');
  });

  it('converts float <-> half with round-to-nearest-even, subnormals and overflow', () => {
    expect(floatToHalfBits(1)).toBe(0x3c00);
    expect(floatToHalfBits(65504)).toBe(0x7bff);
    expect(floatToHalfBits(65519)).toBe(0x7bff);
    expect(floatToHalfBits(65520)).toBe(0x7c00);
    expect(floatToHalfBits(2 ** -24)).toBe(0x0001);
    expect(floatToHalfBits(2 ** -25)).toBe(0x0000);
    expect(floatToHalfBits(1 + 2 ** -11)).toBe(0x3c00); // tie -> even
    expect(floatToHalfBits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie -> even (up)
    expect(floatToHalfBits(-0)).toBe(0x8000);
    for (let h = 0; h < 0x7c00; h += 37) expect(floatToHalfBits(halfBitsToFloat(h))).toBe(h);
  });

  it('formats dense vectors without spaces', () => {
    expect(formatDenseVector(Float32Array.from([1, 2]))).toBe('[1,2]');
  });
});

import { expectSqlError } from '../testing/expect-sql-error';
import { sparseVectorCodec } from './sparsevec-codec';
import { SparseVector } from './values';

const sv = sparseVectorCodec(16420);

describe('sparsevec text I/O (sparsevec_in / sparsevec_out)', () => {
  it.each([
    ['{1:1,3:2,5:3}/5', '{1:1,3:2,5:3}/5'],
    ['{3:1,1:2}/5', '{1:2,3:1}/5'],
    ['{1:0,2:3}/4', '{2:3}/4'],
    ['{}/7', '{}/7'],
    [' { 1 : 1.5 , 3 : 2 } / 5 ', '{1:1.5,3:2}/5'],
    ['{1:0.1}/1', '{1:0.1}/1'],
    ['{0:0}/3', '{}/3'],
  ])('%j -> %j', (input, output) => {
    expect(sv.toText(sv.fromText(input))).toBe(output);
  });

  it('stores 0-based indices', () => {
    const v = sv.fromText('{2:5,4:6}/4');
    expect(v).toBeInstanceOf(SparseVector);
    expect(Array.from(v.indices)).toEqual([1, 3]);
    expect(Array.from(v.values)).toEqual([5, 6]);
    expect(v.dim).toBe(4);
  });

  it.each([
    ['{1:1}', 'Unexpected end of input.'],
    ['1:1}/2', 'Vector contents must start with "{".'],
    ['{1:1}/2x', 'Junk after closing.'],
  ])('rejects %j with detail %j', (input, detail) => {
    expect(() => sv.fromText(input)).toThrow(expect.objectContaining({
      sqlstate: '22P02', message: `invalid input syntax for type sparsevec: "${input}"`, detail,
    }));
  });

  it.each(['{1}/2', '{1:}/2', '{:1}/2', '{1:1,}/2', '{1:1', '{1:1}/', '{a:1}/2'])('rejects %j with 22P02', (input) => {
    expectSqlError(() => sv.fromText(input), '22P02', `invalid input syntax for type sparsevec: "${input}"`);
  });

  it('checks indices, dimensions and elements', () => {
    expectSqlError(() => sv.fromText('{6:1}/5'), '22000', 'sparsevec index out of bounds');
    expectSqlError(() => sv.fromText('{0:1}/5'), '22000', 'sparsevec index out of bounds');
    expectSqlError(() => sv.fromText('{99999999999:1}/5'), '22000', 'sparsevec index out of bounds');
    expectSqlError(() => sv.fromText('{1:1,1:2}/5'), '22000', 'sparsevec indices must not contain duplicates');
    expectSqlError(() => sv.fromText('{1:1}/0'), '22000', 'sparsevec must have at least 1 dimension');
    expectSqlError(() => sv.fromText('{}/1000000001'), '54000', 'sparsevec cannot have more than 1000000000 dimensions');
    expectSqlError(() => sv.fromText('{1:nan}/2'), '22000', 'NaN not allowed in sparsevec');
    expectSqlError(() => sv.fromText('{1:inf}/2'), '22000', 'infinite value not allowed in sparsevec');
    expectSqlError(() => sv.fromText('{1:1e40}/2'), '22003', '"1e40" is out of range for type sparsevec');
    const many = `{${Array.from({ length: 16001 }, (_, i) => `${i + 1}:1`).join(',')}}/20000`;
    expectSqlError(() => sv.fromText(many), '54000', 'sparsevec cannot have more than 16000 non-zero elements');
  });
});

describe('sparsevec binary I/O', () => {
  it('writes dim, nnz, 0, 0-based indices, then values', () => {
    const v = sv.fromText('{1:1,3:2}/5');
    const b = sv.toBinary(v);
    expect(b.toString('hex')).toBe('00000005' + '00000002' + '00000000' + '00000000' + '00000002' + '3f800000' + '40000000');
    expect(sv.toText(sv.fromBinary(b))).toBe('{1:1,3:2}/5');
  });

  const hdr = (dim: number, nnz: number, unused = 0) => {
    const b = Buffer.alloc(12);
    b.writeInt32BE(dim, 0);
    b.writeInt32BE(nnz, 4);
    b.writeInt32BE(unused, 8);
    return b;
  };
  const i32 = (...xs: number[]) => Buffer.concat(xs.map((x) => { const b = Buffer.alloc(4); b.writeInt32BE(x); return b; }));
  const f32 = (...xs: number[]) => Buffer.concat(xs.map((x) => { const b = Buffer.alloc(4); b.writeFloatBE(x); return b; }));

  it('validates what it receives', () => {
    expectSqlError(() => sv.fromBinary(hdr(0, 0)), '22000', 'sparsevec must have at least 1 dimension');
    expectSqlError(() => sv.fromBinary(hdr(3, -1)), '22000', 'sparsevec cannot have negative number of elements');
    expectSqlError(() => sv.fromBinary(hdr(3, 4)), '54000', 'sparsevec cannot have more elements than dimensions');
    expectSqlError(() => sv.fromBinary(hdr(100000, 16001)), '54000', 'sparsevec cannot have more than 16000 non-zero elements');
    expectSqlError(() => sv.fromBinary(hdr(3, 0, 1)), '22000', 'expected unused to be 0, not 1');
    expectSqlError(() => sv.fromBinary(Buffer.concat([hdr(3, 2), i32(1, 0), f32(1, 1)])), '22000', 'sparsevec indices must be in ascending order');
    expectSqlError(() => sv.fromBinary(Buffer.concat([hdr(3, 2), i32(1, 1), f32(1, 1)])), '22000', 'sparsevec indices must not contain duplicates');
    expectSqlError(() => sv.fromBinary(Buffer.concat([hdr(3, 1), i32(3), f32(1)])), '22000', 'sparsevec index out of bounds');
    expectSqlError(() => sv.fromBinary(Buffer.concat([hdr(3, 1), i32(0), f32(0)])), '22000', 'binary representation of sparsevec cannot contain zero values');
    expectSqlError(() => sv.fromBinary(Buffer.concat([hdr(3, 1), i32(0), f32(NaN)])), '22000', 'NaN not allowed in sparsevec');
    expectSqlError(() => sv.fromBinary(Buffer.concat([hdr(3, 1), i32(0)])), '08P01', 'insufficient data left in message');
  });
});

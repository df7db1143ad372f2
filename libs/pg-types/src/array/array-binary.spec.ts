import { expectSqlError } from '../testing/expect-sql-error';
import { pgBinaryParse } from '../testing/pg-types-oracle';
import { arrayCodec } from '../codecs/array';
import { int4Codec } from '../codecs/int';
import { textCodec } from '../codecs/text';
import { PG_TYPES } from '../oids';
import { decodeArrayBinary, encodeArrayBinary } from './array-binary';
import { PgArray } from './pg-array';

const int4Array = arrayCodec(PG_TYPES._int4, int4Codec);
const textArray = arrayCodec(PG_TYPES._text, textCodec);

describe('array_send / array_recv', () => {
  it('writes ndim, hasnull, element OID, dims/lbounds and length-prefixed elements', () => {
    const b = int4Array.toBinary(PgArray.of([1, null]));
    expect(b.toString('hex')).toBe(
      '00000001' + '00000001' + '00000017' + '00000002' + '00000001' + '00000004' + '00000001' + 'ffffffff',
    );
    expect(int4Array.fromBinary(b)).toEqual(PgArray.of([1, null]));
  });

  it('round-trips multi-dimensional arrays with lower bounds', () => {
    const a = new PgArray(['a', 'b', null, 'd'], [2, 2], [0, 5]);
    expect(textArray.fromBinary(textArray.toBinary(a))).toEqual(a);
    expect(textArray.toText(textArray.fromBinary(textArray.toBinary(a)))).toBe('[0:1][5:6]={{a,b},{NULL,d}}');
  });

  it('empty arrays are zero-dimensional', () => {
    const b = int4Array.toBinary(PgArray.of([]));
    expect(b.toString('hex')).toBe('000000000000000000000017');
    expect(int4Array.fromBinary(b).ndim).toBe(0);
  });

  it('agrees with node-postgres', () => {
    expect(pgBinaryParse(1007, int4Array.toBinary(PgArray.of([3, null, 5])))).toEqual([3, null, 5]);
  });

  it('validates like PostgreSQL', () => {
    const good = encodeArrayBinary(PgArray.of([1]), 23, (v: number) => int4Codec.toBinary(v));
    const dec = (b: Buffer): unknown => decodeArrayBinary(b, 23, (x) => int4Codec.fromBinary(x));
    const wrongType = Buffer.from(good);
    wrongType.writeUInt32BE(25, 8);
    expectSqlError(() => dec(wrongType), '42804', 'binary data has array element type 25 (text) instead of expected 23 (integer)');
    const flags = Buffer.from(good);
    flags.writeInt32BE(2, 4);
    expectSqlError(() => dec(flags), '22P03', 'invalid array flags');
    const ndim = Buffer.from(good);
    ndim.writeInt32BE(7, 0);
    expectSqlError(() => dec(ndim), '54000', 'number of array dimensions (7) exceeds the maximum allowed (6)');
    expectSqlError(() => dec(good.subarray(0, good.length - 1)), '22P03', 'incorrect binary data format');
  });
});

import { copyBinaryHeader, copyBinaryRows, copyBinaryTrailer, vectorBinary, vectorLiteral } from './copy-binary';

describe('COPY binary encoding', () => {
  it('writes the PGCOPY signature, flags and extension length', () => {
    expect([...copyBinaryHeader()]).toEqual([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...copyBinaryTrailer()]).toEqual([0xff, 0xff]);
  });

  it('writes (id int4, emb vector) tuples in network order, pgvector binary layout', () => {
    const base = Float32Array.from([1, 2, 3, -0.5, 0, 1e-3]);
    const b = copyBinaryRows(base, 3, 1, 2);
    expect(b.length).toBe(2 + 4 + 4 + 4 + 4 + 12);
    expect(b.readInt16BE(0)).toBe(2);
    expect(b.readInt32BE(2)).toBe(4);
    expect(b.readInt32BE(6)).toBe(1);
    expect(b.readInt32BE(10)).toBe(16);
    expect(b.readInt16BE(14)).toBe(3);
    expect(b.readInt16BE(16)).toBe(0);
    expect([b.readFloatBE(18), b.readFloatBE(22), b.readFloatBE(26)]).toEqual([-0.5, 0, Math.fround(1e-3)]);
    expect(copyBinaryRows(base, 3, 0, 2).length).toBe(2 * 30);
  });

  it('formats query literals as pgvector text', () => {
    expect(vectorLiteral(Float32Array.from([1, -2.5, 0.1]))).toBe(`[1,-2.5,${Math.fround(0.1)}]`);
  });

  it('encodes binary query parameters as vector_recv reads them', () => {
    const b = vectorBinary(Float32Array.from([1, -2.5, 0.1]));
    expect(b.length).toBe(4 + 12);
    expect([b.readInt16BE(0), b.readInt16BE(2)]).toEqual([3, 0]);
    expect([b.readFloatBE(4), b.readFloatBE(8), b.readFloatBE(12)]).toEqual([1, -2.5, Math.fround(0.1)]);
  });
});

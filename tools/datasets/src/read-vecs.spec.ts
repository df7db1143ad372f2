import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { FIXTURES, fixtureDir } from './paths';
import { decodeFvecs, decodeIvecs, readAttribute, readFvecs, readIvecs, readJsonl, readMaybeGzip } from './read-vecs';
import { encodeVecs, writeVecs } from './write-vecs';

const fiori = fixtureDir(FIXTURES.fiori)!;
const fashion = fixtureDir(FIXTURES.fashionSlice)!;

// The reference reader from /work/shared/datasets/README.md (per-element DataView reads).
function naiveRead(path: string): { n: number; d: number; data: number[] } {
  const buf = readMaybeGzip(path);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const d = dv.getInt32(0, true);
  const row = 4 * (d + 1);
  const n = buf.byteLength / row;
  const isInt = path.includes('.ivecs');
  const data: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) {
      const o = i * row + 4 + 4 * j;
      data.push(isInt ? dv.getInt32(o, true) : dv.getFloat32(o, true));
    }
  return { n, d, data };
}

describe('read-vecs on the in-repo fixtures', () => {
  it('reads the fiori set with the documented shapes', () => {
    const base = readFvecs(join(fiori, 'base.fvecs.gz'));
    const query = readFvecs(join(fiori, 'query.fvecs.gz'));
    const gt = readIvecs(join(fiori, 'gt.ivecs.gz'));
    const gtDist = readFvecs(join(fiori, 'gt.dist.fvecs.gz'));
    const gt2 = readIvecs(join(fiori, 'gt.filter-category-2.ivecs.gz'));
    expect([base.n, base.d, base.data.length]).toEqual([678, 384, 678 * 384]);
    expect([query.n, query.d]).toEqual([100, 384]);
    expect([gt.n, gt.d, gtDist.n, gtDist.d]).toEqual([100, 100, 100, 100]);
    expect([gt2.n, gt2.d]).toEqual([100, 10]);
    expect(readAttribute(join(fiori, 'base.label.ivecs.gz'))).toHaveLength(678);
    expect(readAttribute(join(fiori, 'query.label.ivecs.gz'))).toHaveLength(100);
    // Unit-norm MiniLM vectors, as documented.
    let norm = 0;
    for (let j = 0; j < 384; j++) norm += base.data[j] ** 2;
    expect(Math.sqrt(norm)).toBeCloseTo(1, 4);
  });

  it('matches the README reference reader value for value', () => {
    for (const path of [join(fiori, 'query.fvecs.gz'), join(fiori, 'gt.ivecs.gz'), join(fashion, 'base.label.ivecs.gz')]) {
      const fast = path.includes('.ivecs') ? readIvecs(path) : readFvecs(path);
      const slow = naiveRead(path);
      expect(fast.n).toBe(slow.n);
      expect(fast.d).toBe(slow.d);
      expect(Array.from(fast.data)).toEqual(slow.data);
    }
  });

  it('reads the fashion-mnist slice with the documented shapes', () => {
    const base = readFvecs(join(fashion, 'base.fvecs.gz'));
    expect([base.n, base.d]).toEqual([2000, 784]);
    expect(base.data.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
    expect(readFvecs(join(fashion, 'query.fvecs.gz')).n).toBe(100);
    const labels = readAttribute(join(fashion, 'base.label.ivecs.gz'));
    expect(labels).toHaveLength(2000);
    expect(new Set(labels)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });

  it('reads JSON Lines metadata that lines up with the rows', () => {
    const categories = readJsonl<{ category_id: number }>(join(fiori, 'categories.jsonl.gz'));
    expect(categories.map((c) => c.category_id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const meta = readJsonl<{ category_id: number }>(join(fiori, 'base.meta.jsonl.gz'));
    const labels = readAttribute(join(fiori, 'base.label.ivecs.gz'));
    expect(meta).toHaveLength(678);
    expect(meta.map((m) => m.category_id)).toEqual(Array.from(labels));
  });
});

describe('write-vecs / decode round trip and malformed input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vecgres-datasets-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips fvecs and ivecs, plain and gzip, byte-reproducibly', () => {
    const f = { n: 3, d: 5, data: Float32Array.from({ length: 15 }, (_, i) => (i - 7) / 3) };
    const iv = { n: 2, d: 3, data: Int32Array.from([-1, 0, 1, 2 ** 31 - 1, -(2 ** 31), 42]) };
    writeVecs(join(dir, 'a.fvecs'), f);
    writeVecs(join(dir, 'a.fvecs.gz'), f);
    writeVecs(join(dir, 'b.ivecs.gz'), iv);
    for (const p of ['a.fvecs', 'a.fvecs.gz']) {
      const back = readFvecs(join(dir, p));
      expect([back.n, back.d]).toEqual([3, 5]);
      expect(back.data).toEqual(f.data);
    }
    expect(readIvecs(join(dir, 'b.ivecs.gz')).data).toEqual(iv.data);
    expect(gzipSync(encodeVecs(f), { level: 9 })).toEqual(readFileSync(join(dir, 'a.fvecs.gz')));
  });

  it('rejects truncated files and rows with a different d, naming the source', () => {
    const good = encodeVecs({ n: 2, d: 2, data: Int32Array.from([1, 2, 3, 4]) });
    expect(() => decodeIvecs(good.subarray(0, good.length - 1), 'trunc.ivecs')).toThrow(/trunc\.ivecs: not a vecs file/);
    const bad = Buffer.from(good);
    bad.writeInt32LE(3, 12); // second row claims d=3; total length is still a multiple of 12
    expect(() => decodeIvecs(bad, 'bad.ivecs')).toThrow(/bad\.ivecs: row 1 has d=3, expected 2/);
    expect(decodeFvecs(new Uint8Array(0))).toEqual({ n: 0, d: 0, data: new Float32Array(0) });
  });

  it('reports the line of invalid JSON', () => {
    writeFileSync(join(dir, 'x.jsonl'), '{"a":1}\n\n{oops}\n');
    expect(() => readJsonl(join(dir, 'x.jsonl'))).toThrow(/x\.jsonl:3: invalid JSON/);
  });
});

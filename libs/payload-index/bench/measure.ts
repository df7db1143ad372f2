// Rough timings of the payload-index hot paths (not a test; numbers go in reports).
// Run: cd libs/payload-index && npx tsx bench/measure.ts [rows]
import { RangeIndex, RowBitmap, TermIndex } from '../src/index';
import { seededRng } from '../src/testing/rng';

function time<T>(label: string, f: () => T, reps = 20): T {
  let out = f();
  for (let i = 0; i < Math.max(3, Math.min(reps, 200)); i++) out = f();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) out = f();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / reps;
  console.log(`${label.padEnd(52)} ${ms.toFixed(3)} ms`);
  return out;
}

const rows = Number(process.argv[2] ?? 100_000);
const rng = seededRng(1);
const cats = Array.from({ length: rows }, () => rng.int(100));
const uuids = Array.from({ length: rows }, (_, i) => `${(i * 2654435761) >>> 0}-${i}`);
const floats = Array.from({ length: rows }, () => (rng.chance(0.02) ? null : rng.next()));
console.log(`rows=${rows}`);

const ti = time('TermIndex.build (100 distinct, 1 term/row)', () => TermIndex.build(rows, (p) => [String(cats[p])]), 5);
time('TermIndex.build (all distinct, 1 term/row)', () => TermIndex.build(rows, (p) => [uuids[p]!]), 3);
const ri = time('RangeIndex.build (float keys, 2% NULL)', () => RangeIndex.build(rows, (p) => floats[p]!), 5);
const tBytes = time('TermIndex.serialize (100 distinct)', () => ti.serialize(), 5);
time('TermIndex.open (100 distinct)', () => TermIndex.open(tBytes), 5);
const uBytes = TermIndex.build(rows, (p) => [uuids[p]!]).serialize();
time('TermIndex.open (all distinct)', () => TermIndex.open(uBytes), 3);
const rBytes = time('RangeIndex.serialize', () => ri.serialize(), 5);
time('RangeIndex.open', () => RangeIndex.open(rBytes), 5);

time('TermIndex.count (1% term)', () => ti.count('42'), 10000);
time('TermIndex.bitmap (1% term)', () => ti.bitmap('42'));
time('TermIndex.anyOf 10 terms (10%)', () => ti.anyOf(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']));
for (const sel of [0.01, 0.1]) {
  const hi = { value: sel, inclusive: false };
  time(`RangeIndex.count ${sel * 100}%`, () => ri.count(undefined, hi), 10000);
  time(`RangeIndex.positions ${sel * 100}%`, () => ri.positions(undefined, hi), 200);
  time(`RangeIndex.bitmap ${sel * 100}%`, () => ri.bitmap(undefined, hi));
}
const a = ri.bitmap(undefined, { value: 0.1, inclusive: false });
const b = ti.anyOf(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
time('RowBitmap.and of two 10% bitmaps', () => a.and(b), 200);
time('RowBitmap.count 10%', () => a.count(), 200);
time('RowBitmap.positions 10%', () => a.positions(), 50);
const full = RowBitmap.full(rows);
time(`RowBitmap.positions ${rows} set bits`, () => full.positions(), 20);
const big = RowBitmap.fromPositions(1_000_000, Array.from({ length: 100_000 }, (_, i) => i * 10));
time('RowBitmap.positions 100k set of 1M', () => big.positions(), 20);

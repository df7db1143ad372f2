// TermIndex on disk ('VGPTRM01'; little-endian; sections 8-aligned, see binary-layout.ts):
//
//   0   'VGPTRM01'
//   8   u32 rows, u32 terms (n), u32 postings (total), u32 blobBytes, u32 blobChars
//   32  offsets      Uint32[n + 1]   posting offsets (CSR)
//   ..  charOffsets  Uint32[n + 1]   term i = blob text [charOffsets[i], charOffsets[i+1]) in UTF-16 units
//   ..  hashes       Uint32[n]       termHash (FNV-1a over UTF-16 units) of each term, non-decreasing
//   ..  postings     Uint32[total]   ascending positions per term
//   ..  blob         UTF-8 bytes of all terms concatenated in index order
//
// The blob is decoded in one call and never sliced per term (lookups compare in place), so
// opening an index of 1M distinct terms costs one decode plus one hashing pass. Open validates
// everything a lookup relies on: sizes, monotone offsets, hashes (non-decreasing, matching the
// terms, no duplicate term) and strictly ascending in-range postings (bitmaps are written from
// them without bounds checks).
import { internal } from '@vecgres/errors';
import { corrupt, LayoutReader, LayoutWriter } from './binary-layout';
import { isStrictlyAscendingBelow } from './posting-ops';
import { termHashAt, type TermLayout } from './term-index-build';

const MAGIC = 'VGPTRM01';
const WHAT = 'term index';
const HEADER_WORDS = 5;
/** A lone surrogate does not survive UTF-8; PostgreSQL text and jsonb cannot hold one either. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function serializeTermLayout(rows: number, layout: TermLayout): Uint8Array {
  const { text, charOffsets, hashes, offsets, postings } = layout;
  const n = hashes.length;
  if (LONE_SURROGATE.test(text)) throw internal('term index term contains a lone UTF-16 surrogate');
  const blob = new TextEncoder().encode(text);
  const w = new LayoutWriter(MAGIC, [rows, n, postings.length, blob.length, text.length], [
    4 * (n + 1),
    4 * (n + 1),
    4 * n,
    4 * postings.length,
    blob.length,
  ]);
  w.section(offsets);
  w.section(charOffsets);
  w.section(hashes);
  w.section(postings);
  w.section(blob);
  return w.bytes;
}

export function openTermLayout(bytes: Uint8Array, expectedRows?: number): { rows: number; layout: TermLayout } {
  const r = new LayoutReader(bytes, WHAT, MAGIC, HEADER_WORDS);
  const rows = r.header(0);
  if (expectedRows !== undefined && rows !== expectedRows) {
    throw corrupt(WHAT, `built for ${rows} rows, the segment has ${expectedRows}`);
  }
  const n = r.header(1);
  const total = r.header(2);
  const blobBytes = r.header(3);
  const blobChars = r.header(4);
  r.expectSections([4 * (n + 1), 4 * (n + 1), 4 * n, 4 * total, blobBytes]);
  const offsets = r.u32(n + 1);
  const charOffsets = r.u32(n + 1);
  const hashes = r.u32(n);
  const postings = r.u32(total);
  const blob = r.raw(blobBytes);

  if (offsets[0] !== 0 || offsets[n] !== total) throw corrupt(WHAT, 'posting offsets do not span the postings');
  if (charOffsets[0] !== 0 || charOffsets[n] !== blobChars) throw corrupt(WHAT, 'term offsets do not span the terms');
  for (let i = 0; i < n; i++) {
    if (offsets[i + 1]! < offsets[i]!) throw corrupt(WHAT, `posting offsets decrease at term ${i}`);
    if (charOffsets[i + 1]! < charOffsets[i]!) throw corrupt(WHAT, `term offsets decrease at term ${i}`);
    if (!isStrictlyAscendingBelow(postings, offsets[i]!, offsets[i + 1]!, rows)) {
      throw corrupt(WHAT, `posting list of term ${i} is not ascending within ${rows} rows`);
    }
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(blob);
  } catch {
    throw corrupt(WHAT, 'terms are not valid UTF-8');
  }
  if (text.length !== blobChars) throw corrupt(WHAT, 'term text length does not match its header');
  let runStart = 0;
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    if (termHashAt(text, charOffsets[i]!, charOffsets[i + 1]!) !== h) throw corrupt(WHAT, `hash of term ${i} does not match`);
    if (i > 0 && h < hashes[i - 1]!) throw corrupt(WHAT, `term hashes decrease at ${i}`);
    if (i > 0 && h !== hashes[i - 1]) runStart = i;
    // A duplicate term would share the hash: compare within the (tiny) run of equal hashes.
    for (let k = runStart; k < i; k++) {
      if (sameTerm(text, charOffsets, k, i)) throw corrupt(WHAT, `term ${i} is a duplicate`);
    }
  }
  return { rows, layout: { text, charOffsets, hashes, offsets, postings } };
}

function sameTerm(text: string, co: Uint32Array, a: number, b: number): boolean {
  const len = co[a + 1]! - co[a]!;
  if (co[b + 1]! - co[b]! !== len) return false;
  for (let k = 0; k < len; k++) if (text.charCodeAt(co[a]! + k) !== text.charCodeAt(co[b]! + k)) return false;
  return true;
}

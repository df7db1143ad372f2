// libpg-query reports node locations as UTF-8 BYTE offsets into the query string, while
// PostgreSQL's error positions (and ours) count characters. This maps one onto the other.
// Characters are Unicode code points, as PostgreSQL's pg_mbstrlen counts them in a UTF-8
// database; JS string indexes (UTF-16 units) are tracked separately for slicing text.

export interface SourceMap {
  /** The original query string. */
  readonly source: string;
  /** Code-point offset of a byte offset; -1 stays -1 (unknown). */
  charOffset(byteOffset: number): number;
  /** UTF-16 index (for String#slice) of a byte offset. */
  jsIndex(byteOffset: number): number;
}

/** True when every char is ASCII, so byte, code-point and UTF-16 offsets coincide. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function createSourceMap(source: string): SourceMap {
  if (isAscii(source)) {
    return { source, charOffset: (b) => (b < 0 ? -1 : b), jsIndex: (b) => Math.max(0, b) };
  }
  // chars/js: Int32Array, length byteLength + 1; entry b is the offset of the character that
  // starts at or contains byte b (the parser only ever points at character starts).
  const byteLength = Buffer.byteLength(source, 'utf8');
  const chars = new Int32Array(byteLength + 1);
  const js = new Int32Array(byteLength + 1);
  let byte = 0;
  let cp = 0;
  for (let i = 0; i < source.length; cp++) {
    const code = source.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    const bytes = code <= 0x7f ? 1 : code <= 0x7ff ? 2 : code <= 0xffff ? 3 : 4;
    for (let k = 0; k < bytes; k++) {
      chars[byte + k] = cp;
      js[byte + k] = i;
    }
    byte += bytes;
    i += units;
  }
  chars[byteLength] = cp;
  js[byteLength] = source.length;
  const clamp = (b: number) => Math.min(b, byteLength);
  return {
    source,
    charOffset: (b) => (b < 0 ? -1 : chars[clamp(b)]),
    jsIndex: (b) => (b < 0 ? 0 : js[clamp(b)]),
  };
}

// Deterministic table contents for the COPY round trips, rendered the way PostgreSQL's COPY TO
// renders them (so COPY FROM of this text followed by COPY TO must give the same bytes back).
// Columns: id int4, name text, score float8, flag bool.

export interface CopyRow {
  id: number;
  name: string | null;
  score: number;
  flag: boolean | null;
}

export function makeRow(i: number): CopyRow {
  let name: string | null = `name-${i}`;
  if (i % 19 === 0) name = null;
  else if (i % 17 === 0) name = '';
  else if (i % 13 === 0) name = `multi\nline ${i}`;
  else if (i % 11 === 0) name = `back\\slash ${i}`;
  else if (i % 7 === 0) name = `tab\there, "quoted", comma ${i}`;
  else if (i % 5 === 0) name = `ünïcödé ☃ ${i}`;
  // Multiples of 0.25 print exactly in PostgreSQL's shortest-round-trip float output.
  const score = (i % 1000) * 0.25 - 100;
  const flag = i % 3 === 0 ? null : i % 3 === 1;
  return { id: i, name, score, flag };
}

const float8Text = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

/** COPY text format: tab-separated, `\N` for NULL, backslash escapes. */
export function textLine(r: CopyRow): string {
  const name = r.name === null ? '\\N' : r.name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  const flag = r.flag === null ? '\\N' : r.flag ? 't' : 'f';
  return `${r.id}\t${name}\t${float8Text(r.score)}\t${flag}\n`;
}

/** COPY csv format: NULL is an empty unquoted field; quote only when needed (and for ""). */
export function csvLine(r: CopyRow): string {
  const quote = (s: string): string => (s === '' || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const name = r.name === null ? '' : quote(r.name);
  const flag = r.flag === null ? '' : r.flag ? 't' : 'f';
  return `${r.id},${name},${float8Text(r.score)},${flag}\n`;
}

/** Rows 1..n rendered with `line`, as one buffer. */
export function renderRows(n: number, line: (r: CopyRow) => string): Buffer {
  const parts: string[] = [];
  for (let i = 1; i <= n; i++) parts.push(line(makeRow(i)));
  return Buffer.from(parts.join(''), 'utf8');
}

/** Splits `data` into chunks of `size` bytes: rows (and UTF-8 characters) cross chunk edges. */
export function* chunksOf(data: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < data.length; offset += size) yield data.subarray(offset, offset + size);
}

/**
 * The records of COPY text or csv output (a newline inside a quoted csv field does not end a
 * record), sorted by their leading integer id: a table scan has no defined order (PostgreSQL's
 * COPY itself may store rows out of order), so round trips compare row sets.
 */
export function sortedRecords(data: Buffer, format: 'text' | 'csv'): string[] {
  const text = data.toString('utf8');
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (format === 'csv' && ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) {
      records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  const id = (r: string): number => Number.parseInt(r, 10);
  return records.sort((x, y) => id(x) - id(y));
}

/** Fails with the first differing record of both sides (a 4 MB toBe diff is unreadable). */
export function expectSameRecords(actual: Buffer, expected: Buffer, format: 'text' | 'csv'): void {
  if (actual.equals(expected)) return;
  const a = sortedRecords(actual, format);
  const e = sortedRecords(expected, format);
  if (a.length === e.length && a.every((r, i) => r === e[i])) return;
  const i = a.findIndex((line, idx) => line !== e[idx]);
  const at = i < 0 ? Math.min(a.length, e.length) : i;
  throw new Error(
    `outputs differ (${a.length} vs ${e.length} records) at sorted record ${at + 1}:\n` +
      `  got:      ${JSON.stringify(a.slice(at, at + 3))}\n  expected: ${JSON.stringify(e.slice(at, at + 3))}`,
  );
}

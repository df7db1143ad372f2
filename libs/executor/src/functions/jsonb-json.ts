// json (not jsonb) operators. A json value is its validated text, kept verbatim, so -> and #>
// return the exact source slice (`[1, 2 ]` keeps its spaces) and duplicate keys resolve to the
// last one, as PostgreSQL's json_object_field does. The text was validated by json_in, so this
// scanner only has to find value boundaries.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { parseJsonb } from '@vecgres/pg-types';

interface Raw {
  kind: 'object' | 'array' | 'string' | 'number' | 'true' | 'false' | 'null';
  text: string;
  /** Object entries (source order, duplicates kept) or array items. */
  entries?: Array<[string, Raw]>;
  items?: Raw[];
}

function skipWs(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

function scanString(s: string, i: number): number {
  let k = i + 1;
  while (s[k] !== '"') k += s[k] === '\\' ? 2 : 1;
  return k + 1;
}

/** Scans one value starting at `i` (after whitespace); returns it and the end offset. */
function scan(s: string, start: number): [Raw, number] {
  const i = skipWs(s, start);
  const c = s[i];
  if (c === '{' || c === '[') {
    const isObj = c === '{';
    const entries: Array<[string, Raw]> = [];
    const items: Raw[] = [];
    let k = skipWs(s, i + 1);
    if (s[k] !== (isObj ? '}' : ']')) {
      for (;;) {
        if (isObj) {
          k = skipWs(s, k);
          const end = scanString(s, k);
          const key = JSON.parse(s.slice(k, end)) as string;
          k = skipWs(s, end) + 1; // past ':'
          const [v, e] = scan(s, k);
          entries.push([key, v]);
          k = skipWs(s, e);
        } else {
          const [v, e] = scan(s, k);
          items.push(v);
          k = skipWs(s, e);
        }
        if (s[k] === ',') { k++; continue; }
        break;
      }
    }
    const end = k + 1;
    const text = s.slice(i, end);
    return [isObj ? { kind: 'object', text, entries } : { kind: 'array', text, items }, end];
  }
  if (c === '"') {
    const end = scanString(s, i);
    return [{ kind: 'string', text: s.slice(i, end) }, end];
  }
  let end = i;
  while (end < s.length && /[^\s,}\]]/.test(s[end]!)) end++;
  const text = s.slice(i, end);
  const kind = text === 'true' || text === 'false' || text === 'null' ? text : 'number';
  return [{ kind, text }, end];
}

const parse = (json: string): Raw => scan(json, 0)[0];

function field(v: Raw | undefined, key: string): Raw | undefined {
  if (v?.kind !== 'object') return undefined;
  let found: Raw | undefined;
  for (const [k, x] of v.entries!) if (k === key) found = x;
  return found;
}

function element(v: Raw | undefined, i: number): Raw | undefined {
  if (v?.kind !== 'array') return undefined;
  const items = v.items!;
  const idx = i < 0 ? items.length + i : i;
  return idx >= 0 && idx < items.length ? items[idx] : undefined;
}

/** ->> text: strings de-escaped, JSON null as SQL NULL. */
function asText(v: Raw | undefined): string | null {
  if (!v || v.kind === 'null') return null;
  return v.kind === 'string' ? (parseJsonb(v.text).root as string) : v.text;
}

function path(json: string, steps: ReadonlyArray<string | null>): Raw | undefined {
  let cur: Raw | undefined = parse(json);
  for (const step of steps) {
    if (step === null || !cur) return undefined;
    if (cur.kind === 'object') cur = field(cur, step);
    else if (cur.kind === 'array') cur = /^\s*[+-]?\d+\s*$/.test(step) ? element(cur, Number(step)) : undefined;
    else return undefined;
  }
  return cur;
}

export const jsonObjectField = (j: string, k: string): string | null => field(parse(j), k)?.text ?? null;
export const jsonObjectFieldText = (j: string, k: string): string | null => asText(field(parse(j), k));
export const jsonArrayElement = (j: string, i: number): string | null => element(parse(j), i)?.text ?? null;
export const jsonArrayElementText = (j: string, i: number): string | null => asText(element(parse(j), i));
export const jsonExtractPath = (j: string, p: ReadonlyArray<string | null>): string | null => path(j, p)?.text ?? null;
export const jsonExtractPathText = (j: string, p: ReadonlyArray<string | null>): string | null => asText(path(j, p));

/** json_typeof. */
export function jsonTypeof(j: string): string {
  const k = parse(j).kind;
  return k === 'true' || k === 'false' ? 'boolean' : k;
}

/** json_array_length. */
export function jsonArrayLength(j: string): number {
  const v = parse(j);
  if (v.kind === 'object') throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'cannot get array length of a non-array');
  if (v.kind !== 'array') throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'cannot get array length of a scalar');
  return v.items!.length;
}

/** json_array_elements(_text) rows. */
export function jsonArrayElements(j: string, text: boolean): unknown[] {
  const v = parse(j);
  if (v.kind !== 'array') {
    const name = text ? 'json_array_elements_text' : 'json_array_elements';
    throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `cannot call ${name} on ${v.kind === 'object' ? 'a non-array' : 'a scalar'}`);
  }
  return v.items!.map((x) => (text ? asText(x) : x.text));
}

/** json_each(_text) rows [key, value]. */
export function jsonEach(j: string, text: boolean): unknown[] {
  const v = parse(j);
  if (v.kind !== 'object') {
    const what = v.kind === 'array' ? 'an array' : 'a scalar';
    throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `cannot deconstruct ${what} as an object`);
  }
  return v.entries!.map(([k, x]) => [k, text ? asText(x) : x.text]);
}

/** json_object_keys rows. */
export function jsonObjectKeys(j: string): unknown[] {
  const v = parse(j);
  if (v.kind !== 'object') {
    throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `cannot call json_object_keys on ${v.kind === 'array' ? 'an array' : 'a scalar'}`);
  }
  return v.entries!.map(([k]) => k);
}

// Mutations of real SQL for the "bad SQL never crashes" fuzz suite. The input is the corpus of
// statements in test/*.test (SQL PostgreSQL accepts); a mutation turns one into something
// nearby that is usually wrong in an interesting way: a token dropped, doubled or swapped, a
// literal replaced by an extreme value, a cast to an unrelated type, a statement cut short.
// Tokens come from a small lexer that only needs to keep quoted strings and identifiers whole
// (this is test-input generation: the server parses with PostgreSQL's own grammar).

export type Rng = () => number;

/** Mulberry32: a small deterministic generator, so a seed replays a run. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** Splits SQL into tokens; joining them with '' gives the input back. */
export function tokenize(sql: string): string[] {
  const out: string[] = [];
  const re = /'(?:[^']|'')*'?|"(?:[^"]|"")*"?|\s+|[A-Za-z_][A-Za-z0-9_$]*|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|::|<=|>=|<>|!=|->>|->|#>>|#>|@>|<@|\|\||[^\sA-Za-z0-9_]/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < sql.length && (m = re.exec(sql)) !== null) out.push(m[0]);
  if (re.lastIndex < sql.length) out.push(sql.slice(re.lastIndex));
  return out;
}

const EXTREME_NUMBERS = [
  '0', '-1', '2147483647', '2147483648', '-2147483649', '9223372036854775807', '9223372036854775808',
  '1e308', '1e309', '-0.0', '0.000000000000000000001', '99999999999999999999999999999999999999.9',
  "'NaN'::float8", "'Infinity'::numeric", '(1/0)', 'NULL',
];
const ODD_STRINGS = [
  "''", "' '", "'x'", "'{'", "'[1,2'", "'{\"a\":'", "'2024-02-30'", "'24:00:01'", "'infinity'",
  "'-'", "'ä€𝄞'", "'\\'", `'${'y'.repeat(3000)}'`, "'1e400'", "'00000000-0000-0000-0000-00000000000g'",
];
const CASTS = [
  '::int2', '::int4', '::int8', '::float4', '::numeric(3,1)', '::text', '::varchar(2)', '::char(1)',
  '::bool', '::date', '::timestamp', '::timestamptz', '::interval', '::jsonb', '::json', '::uuid',
  '::bytea', '::int[]', '::text[]', '::regclass', '::oid', '::name',
];
const KEYWORDS = [
  'SELECT', 'FROM', 'WHERE', 'NULL', 'DEFAULT', 'ALL', 'DISTINCT', 'ORDER BY', 'GROUP BY', 'LIMIT',
  'OFFSET', 'UNION', 'JOIN', 'ON', 'AS', 'CASE', 'END', 'ARRAY', 'ROW', '(', ')', ',', '*', '=',
  'count(*)', 'sum(', 'LATERAL', 'RETURNING *', 'OVER ()', 'FILTER (WHERE true)', '$1',
];

type Mutation = (rng: Rng, tokens: string[]) => string[];

const significant = (tokens: string[]): number[] =>
  tokens.flatMap((t, i) => (/^\s+$/.test(t) ? [] : [i]));

const MUTATIONS: Mutation[] = [
  // drop a token
  (rng, t) => {
    const idx = significant(t);
    if (idx.length === 0) return t;
    const i = pick(rng, idx);
    return [...t.slice(0, i), ...t.slice(i + 1)];
  },
  // duplicate a token
  (rng, t) => {
    const idx = significant(t);
    if (idx.length === 0) return t;
    const i = pick(rng, idx);
    return [...t.slice(0, i + 1), ' ', t[i], ...t.slice(i + 1)];
  },
  // swap two significant tokens
  (rng, t) => {
    const idx = significant(t);
    if (idx.length < 2) return t;
    const a = pick(rng, idx);
    const b = pick(rng, idx);
    const out = [...t];
    [out[a], out[b]] = [out[b], out[a]];
    return out;
  },
  // replace a number with an extreme one
  (rng, t) => {
    const idx = t.flatMap((x, i) => (/^\d/.test(x) ? [i] : []));
    if (idx.length === 0) return t;
    const out = [...t];
    out[pick(rng, idx)] = pick(rng, EXTREME_NUMBERS);
    return out;
  },
  // replace a string literal with an odd one
  (rng, t) => {
    const idx = t.flatMap((x, i) => (x.startsWith("'") ? [i] : []));
    if (idx.length === 0) return t;
    const out = [...t];
    out[pick(rng, idx)] = pick(rng, ODD_STRINGS);
    return out;
  },
  // cast something to an unrelated type
  (rng, t) => {
    const idx = t.flatMap((x, i) => (/^(\d|'|[A-Za-z_)])/.test(x) ? [i] : []));
    if (idx.length === 0) return t;
    const i = pick(rng, idx);
    return [...t.slice(0, i + 1), pick(rng, CASTS), ...t.slice(i + 1)];
  },
  // insert a keyword or fragment somewhere
  (rng, t) => {
    const i = Math.floor(rng() * (t.length + 1));
    return [...t.slice(0, i), ' ', pick(rng, KEYWORDS), ' ', ...t.slice(i)];
  },
  // cut the statement short
  (rng, t) => t.slice(0, Math.max(1, Math.floor(rng() * t.length))),
];

/** One to three mutations of `sql`. */
export function mutateSql(rng: Rng, sql: string): string {
  let tokens = tokenize(sql);
  for (let n = 1 + Math.floor(rng() * 3); n > 0; n--) tokens = pick(rng, MUTATIONS)(rng, tokens);
  return tokens.join('');
}

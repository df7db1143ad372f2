// SQL/JSON path language, the subset applications use (jsonpath.c / jsonpath_exec.c): `$`,
// `$var`, `@`, `.key` / `."key"` / `.*`, `[*]`, `[n, m]`, filters `? (...)` with == != <> < <=
// > >=, && || !, exists(...), literals; lax mode (the default) unwraps arrays for member
// access, filters and comparisons and turns structural errors into empty results; strict mode
// is accepted but evaluated as lax. The jsonpath value is kept as its text; it is parsed on
// input (22P02 / 42601 on bad syntax) and again when a function runs.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { Jsonb, JsonbNumber, type JsonbValue, type TypeCodec } from '@vecgres/pg-types';
import type { FunctionTable } from './function-table';

type Node =
  | { k: 'root' } | { k: 'cur' } | { k: 'var'; name: string } | { k: 'lit'; v: JsonbValue }
  | { k: 'key'; of: Node; key: string } | { k: 'anyKey'; of: Node } | { k: 'anyIdx'; of: Node }
  | { k: 'idx'; of: Node; idx: number[] } | { k: 'filter'; of: Node; pred: Node }
  | { k: 'cmp'; op: string; l: Node; r: Node } | { k: 'and' | 'or'; l: Node; r: Node }
  | { k: 'not'; a: Node } | { k: 'exists'; a: Node };

const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(\$[A-Za-z_]\w*|\$|@)|([A-Za-z_]\w*)|(&&|\|\||==|!=|<>|<=|>=|[.\[\](),?*!<>]))/y;

function syntaxError(text: string): SqlError {
  return new SqlError(SQLSTATE.SYNTAX_ERROR, `syntax error at or near "${text}" of jsonpath input`);
}

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  for (;;) {
    if (/^\s*$/.test(src.slice(pos))) return out;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw syntaxError(src.slice(pos).trim().slice(0, 1));
    out.push(m[0].trim());
    pos = TOKEN.lastIndex;
  }
}

/** Parses jsonpath text into a tree (throws 42601 like jsonpath_in). */
export function parseJsonpath(src: string): Node {
  const t = tokenize(src);
  let i = 0;
  const peek = () => t[i];
  const take = (s?: string) => {
    const v = t[i];
    if (v === undefined || (s !== undefined && v !== s)) throw syntaxError(v ?? 'end of input');
    i++;
    return v;
  };
  if (peek() === 'lax' || peek() === 'strict') i++;
  const primary = (): Node => {
    const v = take();
    let n: Node;
    if (v === '$') n = { k: 'root' };
    else if (v === '@') n = { k: 'cur' };
    else if (v.startsWith('$')) n = { k: 'var', name: v.slice(1) };
    else if (v.startsWith('"')) n = { k: 'lit', v: JSON.parse(v) as string };
    else if (/^-?\d/.test(v)) n = { k: 'lit', v: new JsonbNumber(String(Number(v))) };
    else if (v === 'true' || v === 'false') n = { k: 'lit', v: v === 'true' };
    else if (v === 'null') n = { k: 'lit', v: null };
    else if (v === 'exists') { take('('); n = { k: 'exists', a: expr() }; take(')'); }
    else if (v === '(') { n = expr(); take(')'); }
    else throw syntaxError(v);
    for (;;) {
      if (peek() === '.') {
        i++;
        const key = take();
        if (key === '*') n = { k: 'anyKey', of: n };
        else if (key.startsWith('"')) n = { k: 'key', of: n, key: JSON.parse(key) as string };
        else if (/^[A-Za-z_]/.test(key)) n = { k: 'key', of: n, key };
        else throw syntaxError(key);
      } else if (peek() === '[') {
        i++;
        if (peek() === '*') { i++; take(']'); n = { k: 'anyIdx', of: n }; continue; }
        const idx: number[] = [];
        for (;;) {
          const d = take();
          if (!/^-?\d+$/.test(d)) throw syntaxError(d);
          idx.push(Number(d));
          if (peek() === ',') { i++; continue; }
          take(']');
          break;
        }
        n = { k: 'idx', of: n, idx };
      } else if (peek() === '?') {
        i++;
        take('(');
        n = { k: 'filter', of: n, pred: expr() };
        take(')');
      } else return n;
    }
  };
  const unary = (): Node => {
    if (peek() === '!') { i++; return { k: 'not', a: unary() }; }
    const l = primary();
    const op = peek();
    if (op && ['==', '!=', '<>', '<', '<=', '>', '>='].includes(op)) { i++; return { k: 'cmp', op, l, r: primary() }; }
    return l;
  };
  const and = (): Node => {
    let l = unary();
    while (peek() === '&&') { i++; l = { k: 'and', l, r: unary() }; }
    return l;
  };
  function expr(): Node {
    let l = and();
    while (peek() === '||') { i++; l = { k: 'or', l, r: and() }; }
    return l;
  }
  const root = expr();
  if (i < t.length) throw syntaxError(t[i]);
  return root;
}

const isObject = (v: JsonbValue): v is ReadonlyMap<string, JsonbValue> => v instanceof Map;
const unwrap = (seq: JsonbValue[]): JsonbValue[] => seq.flatMap((v) => (Array.isArray(v) ? [...(v as JsonbValue[])] : [v]));

/** One comparison of two items: true / false, or null when the types do not compare. */
function compareItems(op: string, a: JsonbValue, b: JsonbValue): boolean | null {
  let c: number;
  if (a === null || b === null) {
    if (op === '==') return a === b;
    if (op === '!=' || op === '<>') return a !== b;
    return a === null && b === null ? null : false;
  } else if (a instanceof JsonbNumber && b instanceof JsonbNumber) c = Number(a.value) - Number(b.value);
  else if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0;
  else if (typeof a === 'boolean' && typeof b === 'boolean') c = Number(a) - Number(b);
  else return null;
  switch (op) {
    case '==': return c === 0;
    case '!=': case '<>': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    default: return c >= 0;
  }
}

interface Env { root: JsonbValue; vars: JsonbValue }

function evalSeq(n: Node, cur: JsonbValue, env: Env): JsonbValue[] {
  switch (n.k) {
    case 'root': return [env.root];
    case 'cur': return [cur];
    case 'lit': return [n.v];
    case 'var': {
      if (!isObject(env.vars) || !env.vars.has(n.name)) {
        throw new SqlError(SQLSTATE.UNDEFINED_OBJECT, `could not find jsonpath variable "${n.name}"`);
      }
      return [env.vars.get(n.name)!];
    }
    case 'key': return unwrap(evalSeq(n.of, cur, env)).flatMap((v) => (isObject(v) && v.has(n.key) ? [v.get(n.key)!] : []));
    case 'anyKey': return unwrap(evalSeq(n.of, cur, env)).flatMap((v) => (isObject(v) ? [...v.values()] : []));
    case 'anyIdx': return unwrap(evalSeq(n.of, cur, env));
    case 'idx': return evalSeq(n.of, cur, env).flatMap((v) => {
      const arr = Array.isArray(v) ? (v as JsonbValue[]) : [v];
      return n.idx.flatMap((i) => (i >= 0 && i < arr.length ? [arr[i]] : []));
    });
    case 'filter': return unwrap(evalSeq(n.of, cur, env)).filter((v) => evalPred(n.pred, v, env) === true);
    default: {
      const b = evalPred(n, cur, env);
      return [b];
    }
  }
}

/** A predicate: true, false or null (unknown). */
function evalPred(n: Node, cur: JsonbValue, env: Env): boolean | null {
  switch (n.k) {
    case 'and': {
      const l = evalPred(n.l, cur, env);
      if (l === false) return false;
      const r = evalPred(n.r, cur, env);
      return r === false ? false : l === true && r === true ? true : null;
    }
    case 'or': {
      const l = evalPred(n.l, cur, env);
      if (l === true) return true;
      const r = evalPred(n.r, cur, env);
      return r === true ? true : l === false && r === false ? false : null;
    }
    case 'not': {
      const a = evalPred(n.a, cur, env);
      return a === null ? null : !a;
    }
    case 'exists': return evalSeq(n.a, cur, env).length > 0;
    case 'cmp': {
      const ls = unwrap(evalSeq(n.l, cur, env));
      const rs = unwrap(evalSeq(n.r, cur, env));
      let unknown = false;
      for (const a of ls) {
        for (const b of rs) {
          const r = compareItems(n.op, a, b);
          if (r === true) return true;
          if (r === null) unknown = true;
        }
      }
      return unknown ? null : false;
    }
    default: {
      const seq = evalSeq(n, cur, env);
      return seq.length === 1 && typeof seq[0] === 'boolean' ? seq[0] : null;
    }
  }
}

function run(target: Jsonb, path: string, vars?: Jsonb): JsonbValue[] {
  return evalSeq(parseJsonpath(path), target.root, { root: target.root, vars: vars?.root ?? new Map() });
}

/** jsonpath: the text as written (validated on input). */
export const jsonpathCodec: TypeCodec<string> = {
  type: { oid: 4072, name: 'jsonpath', typlen: -1 },
  toText: (v) => v,
  fromText(text) {
    parseJsonpath(text);
    return text;
  },
  toBinary: (v) => Buffer.concat([Buffer.from([1]), Buffer.from(v, 'utf8')]),
  fromBinary: (data) => data.subarray(1).toString('utf8'),
};

export const JSONPATH_FUNCTIONS: FunctionTable = {
  jsonb_path_exists: (t: Jsonb, p: string, vars?: Jsonb) => run(t, p, vars).length > 0,
  jsonb_path_query_array: (t: Jsonb, p: string, vars?: Jsonb) => new Jsonb(run(t, p, vars)),
  jsonb_path_query_first: (t: Jsonb, p: string, vars?: Jsonb) => {
    const seq = run(t, p, vars);
    return seq.length === 0 ? null : new Jsonb(seq[0]);
  },
  jsonb_path_match: (t: Jsonb, p: string, vars?: Jsonb) => {
    const seq = run(t, p, vars);
    if (seq.length === 1 && (typeof seq[0] === 'boolean' || seq[0] === null)) return seq[0];
    throw new SqlError(SQLSTATE.SINGLETON_SQL_JSON_ITEM_REQUIRED, 'single boolean result is expected');
  },
};

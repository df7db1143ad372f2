// PostgreSQL's rules for names it chooses (indexcmds.c ChooseRelationName / ChooseIndexName /
// ChooseIndexColumnNames, pg_constraint.c ChooseConstraintName, parse_target.c FigureColname):
// `t_pkey`, `t_a_key`, `t_a_b_idx`, `t_lower_idx`, `t_a_check`, `t_c_fkey`, `t_id_seq`, with 1, 2,
// ... appended to the label on collisions and names clipped to 63 bytes.
import { MAX_IDENTIFIER_BYTES, type Expr } from '@vecgres/sql';
import type { Catalog } from '../lookup/catalog';
import type { Oid } from '../model/rows';

function byteLen(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** The longest prefix of `s` that fits `bytes` without splitting a character (pg_mbcliplen). */
function clip(s: string, bytes: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    const l = byteLen(ch);
    if (n + l > bytes) break;
    out += ch;
    n += l;
  }
  return out;
}

/**
 * makeObjectName: `name1_name2_label`, truncating the longer of name1/name2 first so the
 * result fits NAMEDATALEN-1 bytes.
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string | undefined): string {
  let overhead = 0;
  if (name2 !== undefined) overhead++;
  if (label !== undefined) overhead += byteLen(label) + 1;
  const avail = MAX_IDENTIFIER_BYTES - overhead;
  let n1 = byteLen(name1);
  let n2 = name2 === undefined ? 0 : byteLen(name2);
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  let name = clip(name1, n1);
  if (name2 !== undefined) name += `_${clip(name2, n2)}`;
  if (label !== undefined) name += `_${label}`;
  return name;
}

/**
 * ChooseRelationName: the first of `name1_name2_label`, `..._label1`, `..._label2` that no
 * relation in `namespace` has (nor, for constraint indexes, any constraint), skipping `taken`.
 */
export function chooseRelationName(
  cat: Catalog,
  name1: string,
  name2: string | undefined,
  label: string,
  namespace: Oid,
  isConstraint: boolean,
  taken: ReadonlySet<string> = new Set(),
): string {
  for (let pass = 0; ; pass++) {
    const name = makeObjectName(name1, name2, pass === 0 ? label : `${label}${pass}`);
    const clash = taken.has(name) || cat.relationByName(namespace, name) !== undefined ||
      (isConstraint && constraintNameExists(cat, name, namespace));
    if (!clash) return name;
  }
}

/** ConstraintNameExists: any constraint in the namespace has that name. */
export function constraintNameExists(cat: Catalog, name: string, namespace: Oid): boolean {
  return cat.constraints().some((c) => c.namespace === namespace && c.name === name);
}

/** ChooseConstraintName: like ChooseRelationName but unique among the namespace's constraints. */
export function chooseConstraintName(
  cat: Catalog,
  name1: string,
  name2: string | undefined,
  label: string,
  namespace: Oid,
  others: ReadonlySet<string> = new Set(),
): string {
  for (let pass = 0; ; pass++) {
    const name = makeObjectName(name1, name2, pass === 0 ? label : `${label}${pass}`);
    if (!others.has(name) && !constraintNameExists(cat, name, namespace)) return name;
  }
}

/** ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition: names joined by `_`. */
export function nameAddition(names: readonly string[]): string {
  let buf = '';
  for (const name of names) {
    if (buf.length > 0) buf += '_';
    buf += name;
    // PostgreSQL stops once the buffer reaches NAMEDATALEN; makeObjectName clips the rest.
    if (byteLen(buf) >= MAX_IDENTIFIER_BYTES + 1) break;
  }
  return buf;
}

/** ChooseIndexColumnNames: each key's name (column or figured), made unique with 1, 2, ... */
export function chooseIndexColumnNames(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const orig of names) {
    let name = orig;
    for (let i = 1; out.includes(name); i++) {
      const suffix = String(i);
      name = clip(orig, MAX_IDENTIFIER_BYTES - byteLen(suffix)) + suffix;
    }
    out.push(name);
  }
  return out;
}

/**
 * FigureColname for an index expression: function name, cast target's column or type name,
 * CASE -> `case`, ... ; `expr` when nothing better is known (FigureIndexColname).
 */
export function figureIndexColname(e: Expr): string {
  return figure(e)?.name ?? 'expr';
}

function figure(e: Expr): { name: string; strength: number } | undefined {
  switch (e.kind) {
    case 'columnRef': return e.star ? undefined : { name: e.names[e.names.length - 1], strength: 2 };
    case 'indirection': {
      const last = e.steps[e.steps.length - 1];
      if (last?.kind === 'field') return { name: last.name, strength: 2 };
      return figure(e.arg);
    }
    case 'func': return { name: e.name, strength: 2 };
    case 'cast': {
      const inner = figure(e.arg);
      if (inner && inner.strength > 1) return inner;
      return { name: e.type.name, strength: 1 };
    }
    case 'collate': return figure(e.arg);
    case 'nullIf': return { name: 'nullif', strength: 2 };
    case 'array': return { name: 'array', strength: 2 };
    case 'case': return { name: 'case', strength: 1 };
    case 'row': return { name: 'row', strength: 2 };
    case 'coalesce': return { name: 'coalesce', strength: 2 };
    case 'minMax': return { name: e.op, strength: 2 };
    case 'sqlValueFunction': return { name: e.op === 'user' ? 'current_user' : e.op, strength: 2 };
    case 'exists': return { name: 'exists', strength: 2 };
    case 'arraySubquery': return { name: 'array', strength: 2 };
    default: return undefined;
  }
}

// Catalog objects as addresses (PostgreSQL's ObjectAddress) and their descriptions in
// messages (getObjectDescription: `table s.t`, `constraint t_c_fkey on table t`,
// `default value for column a of table t`, `column id of table t`).
import type { Catalog } from '../lookup/catalog';
import { isRelationVisible, isTypeVisible } from '../lookup/resolve';
import type { SearchPathContext } from '../lookup/search-path';
import type { Oid } from '../model/rows';
import { formatType } from '../types/format-type';
import { quoteIdentifier } from '../types/quote';

export type ObjectAddress =
  | { kind: 'namespace' | 'relation' | 'constraint' | 'extension' | 'type' | 'proc' | 'operator' | 'cast' | 'am' | 'opclass'; oid: Oid }
  | { kind: 'column' | 'default'; oid: Oid; attnum: number };

export function addressKey(a: ObjectAddress): string {
  return a.kind === 'column' || a.kind === 'default' ? `${a.kind}:${a.oid}:${a.attnum}` : `${a.kind}:${a.oid}`;
}

const REL_WORD = { r: 'table', i: 'index', S: 'sequence', v: 'view' } as const;

function relationName(cat: Catalog, sp: SearchPathContext | undefined, oid: Oid): string {
  const rel = cat.relation(oid);
  if (!rel) return `relation ${oid}`;
  const visible = sp ? isRelationVisible(cat, sp, oid) : true;
  const ns = cat.namespace(rel.namespace)?.name ?? '?';
  return visible ? quoteIdentifier(rel.name) : `${quoteIdentifier(ns)}.${quoteIdentifier(rel.name)}`;
}

function columnName(cat: Catalog, table: Oid, attnum: number): string {
  const t = cat.table(table);
  return t?.columns.find((c) => c.attnum === attnum)?.name ?? String(attnum);
}

/** getObjectDescription. `sp` decides which relation names need their schema. */
export function describeObject(cat: Catalog, a: ObjectAddress, sp?: SearchPathContext): string {
  switch (a.kind) {
    case 'namespace': return `schema ${cat.namespace(a.oid)?.name ?? a.oid}`;
    case 'relation': {
      const rel = cat.relation(a.oid);
      return `${rel ? REL_WORD[rel.kind] : 'relation'} ${relationName(cat, sp, a.oid)}`;
    }
    case 'column': return `column ${columnName(cat, a.oid, a.attnum)} of table ${relationName(cat, sp, a.oid)}`;
    case 'default':
      return `default value for column ${columnName(cat, a.oid, a.attnum)} of table ${relationName(cat, sp, a.oid)}`;
    case 'constraint': {
      const c = cat.constraint(a.oid);
      return c ? `constraint ${c.name} on table ${relationName(cat, sp, c.table)}` : `constraint ${a.oid}`;
    }
    case 'extension': return `extension ${cat.extension(a.oid)?.name ?? a.oid}`;
    case 'type': {
      const visible = sp ? isTypeVisible(cat, sp, a.oid) : undefined;
      return `type ${formatType(cat, a.oid, null, sp && visible === false ? { forceQualify: true } : {})}`;
    }
    case 'proc': {
      const p = cat.proc(a.oid);
      if (!p) return `function ${a.oid}`;
      const word = p.kind === 'a' ? 'aggregate' : p.kind === 'p' ? 'procedure' : 'function';
      return `${word} ${p.name}(${p.args.map((t) => formatType(cat, t, null)).join(',')})`;
    }
    case 'operator': {
      const o = cat.operator(a.oid);
      if (!o) return `operator ${a.oid}`;
      const left = o.left ? formatType(cat, o.left, null) : 'NONE';
      return `operator ${o.name}(${left},${formatType(cat, o.right, null)})`;
    }
    case 'cast': {
      const c = cat.casts().find((x) => x.oid === a.oid);
      return c ? `cast from ${formatType(cat, c.source, null)} to ${formatType(cat, c.target, null)}` : `cast ${a.oid}`;
    }
    case 'am': return `access method ${cat.accessMethod(a.oid)?.name ?? a.oid}`;
    case 'opclass': {
      const c = cat.opclass(a.oid);
      return c ? `operator class ${c.name} for access method ${cat.accessMethod(c.am)?.name ?? c.am}` : `operator class ${a.oid}`;
    }
  }
}

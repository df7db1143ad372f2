// Dependencies between catalog objects, derived from the rows (vecgres keeps no pg_depend
// table: every edge PostgreSQL would record is implied by a row's fields), and the deletion
// walk of dependency.c: performDeletion collects everything that depends on the targets,
// refuses (2BP01) when a NORMAL dependent exists under RESTRICT, reports the cascade as
// NOTICEs, and refuses to drop an object that another object requires (INTERNAL /
// EXTENSION ownership: `cannot drop index t_pkey because constraint t_pkey on table t requires it`).
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { Catalog } from '../lookup/catalog';
import { notice } from '../model/notice';
import type { ColumnRow, IndexRelation, ViewRelation } from '../model/relations';
import type { Oid } from '../model/rows';
import type { DdlBuilder } from './ddl-builder';
import { addressKey, describeObject, type ObjectAddress } from './object-address';

/** n normal (needs CASCADE), a auto (goes silently), i internal (part of the owner), e extension member. */
export type DepType = 'n' | 'a' | 'i' | 'e';

export interface Dependent { addr: ObjectAddress; type: DepType }

function indexUsesColumn(ix: IndexRelation, attnum: number, table: Oid, cat: Catalog): boolean {
  if (ix.keys.some((k) => k.attnum === attnum) || ix.include.includes(attnum)) return true;
  const col = cat.table(table)?.columns.find((c) => c.attnum === attnum);
  if (!col) return false;
  const exprs = [...ix.keys.flatMap((k) => (k.expr ? [k.expr.text] : [])), ...(ix.predicate ? [ix.predicate.text] : [])];
  // Expression keys record columns by name in their text; a word match is what they use.
  const word = new RegExp(`(^|[^a-zA-Z0-9_$"])"?${col.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?($|[^a-zA-Z0-9_$"])`);
  return exprs.some((t) => word.test(t));
}

function columnsOfType(cat: Catalog, type: Oid): Array<{ table: Oid; col: ColumnRow }> {
  const arr = cat.type(type)?.array;
  const out: Array<{ table: Oid; col: ColumnRow }> = [];
  for (const rel of cat.relations()) {
    if (rel.kind !== 'r') continue;
    for (const col of rel.columns) if (!col.dropped && (col.type === type || (arr && col.type === arr))) out.push({ table: rel.oid, col });
  }
  return out;
}

/** Views whose query reads relation `oid` (or its column `attnum`). */
export function viewsUsing(cat: Catalog, oid: Oid, attnum?: number): ViewRelation[] {
  const out: ViewRelation[] = [];
  for (const r of cat.relations()) {
    if (r.kind !== 'v' || r.oid === oid) continue;
    if (r.refs.some((x) => x.oid === oid && (attnum === undefined || x.attnums.includes(attnum)))) out.push(r);
  }
  return out;
}

/** Objects that depend on `a`, with the kind of dependency (the reverse of pg_depend). */
export function dependentsOf(cat: Catalog, a: ObjectAddress): Dependent[] {
  const out: Dependent[] = [];
  const add = (addr: ObjectAddress, type: DepType) => out.push({ addr, type });
  switch (a.kind) {
    case 'namespace': {
      for (const r of cat.relations()) if (r.namespace === a.oid && r.kind !== 'i') add({ kind: 'relation', oid: r.oid }, 'n');
      for (const t of cat.types()) if (t.namespace === a.oid && !(t.elem && t.subscript === 'array_subscript_handler')) add({ kind: 'type', oid: t.oid }, 'n');
      for (const p of Object.values(cat.state.procs)) if (p.namespace === a.oid) add({ kind: 'proc', oid: p.oid }, 'n');
      for (const o of Object.values(cat.state.operators)) if (o.namespace === a.oid) add({ kind: 'operator', oid: o.oid }, 'n');
      for (const e of cat.extensions()) if (e.namespace === a.oid) add({ kind: 'extension', oid: e.oid }, 'n');
      break;
    }
    case 'relation': {
      const rel = cat.relation(a.oid);
      if (!rel) break;
      // Views reading the relation (their _RETURN rule's normal dependency).
      for (const v of viewsUsing(cat, rel.oid)) add({ kind: 'relation', oid: v.oid }, 'n');
      if (rel.kind === 'v') break;
      if (rel.kind === 'r') {
        // Referencing foreign keys first: PostgreSQL reports them as depending on the table.
        for (const fk of cat.foreignKeysReferencing(rel.oid)) if (fk.table !== rel.oid) add({ kind: 'constraint', oid: fk.oid }, 'n');
        for (const c of cat.constraintsOf(rel.oid)) add({ kind: 'constraint', oid: c.oid }, 'a');
        for (const ix of cat.indexesOf(rel.oid)) if (!ix.constraint) add({ kind: 'relation', oid: ix.oid }, 'a');
        for (const s of cat.sequencesOwnedBy(rel.oid)) add({ kind: 'relation', oid: s.oid }, 'a');
        // The table's own column defaults go with it (pg_attrdef rows are auto-dependent).
        for (const col of rel.columns) if (col.default && !col.dropped) add({ kind: 'default', oid: rel.oid, attnum: col.attnum }, 'a');
      } else if (rel.kind === 'i') {
        for (const fk of cat.constraints()) if (fk.type === 'f' && fk.index === rel.oid) add({ kind: 'constraint', oid: fk.oid }, 'n');
      } else {
        for (const t of cat.relations()) {
          if (t.kind !== 'r') continue;
          for (const col of t.columns) {
            if (!col.dropped && col.default?.refs?.includes(rel.oid)) add({ kind: 'default', oid: t.oid, attnum: col.attnum }, 'n');
          }
        }
      }
      break;
    }
    case 'column': {
      for (const fk of cat.foreignKeysReferencing(a.oid)) {
        if (fk.fk!.refColumns.includes(a.attnum) && fk.table !== a.oid) add({ kind: 'constraint', oid: fk.oid }, 'n');
      }
      const cons = cat.constraintsOf(a.oid).filter((c) => c.columns.includes(a.attnum));
      for (const c of cons) add({ kind: 'constraint', oid: c.oid }, 'a');
      for (const ix of cat.indexesOf(a.oid)) {
        if (!ix.constraint && indexUsesColumn(ix, a.attnum, a.oid, cat)) add({ kind: 'relation', oid: ix.oid }, 'a');
      }
      for (const s of cat.sequencesOwnedBy(a.oid)) if (s.ownedBy!.attnum === a.attnum) add({ kind: 'relation', oid: s.oid }, s.identity ? 'i' : 'a');
      const col = cat.table(a.oid)?.columns.find((c) => c.attnum === a.attnum);
      if (col?.default) add({ kind: 'default', oid: a.oid, attnum: a.attnum }, 'a');
      for (const v of viewsUsing(cat, a.oid, a.attnum)) add({ kind: 'relation', oid: v.oid }, 'n');
      break;
    }
    case 'constraint': {
      const c = cat.constraint(a.oid);
      if (c && (c.type === 'p' || c.type === 'u') && c.index) {
        add({ kind: 'relation', oid: c.index }, 'i');
        for (const fk of cat.constraints()) if (fk.type === 'f' && fk.index === c.index) add({ kind: 'constraint', oid: fk.oid }, 'n');
      }
      break;
    }
    case 'extension': {
      const members: Array<[ObjectAddress['kind'], Array<{ oid: Oid; extension?: Oid }>]> = [
        ['namespace', Object.values(cat.state.namespaces)], ['relation', cat.relations()],
        ['type', Object.values(cat.state.types)], ['proc', Object.values(cat.state.procs)],
        ['operator', Object.values(cat.state.operators)], ['cast', Object.values(cat.state.casts)],
        ['am', Object.values(cat.state.accessMethods)], ['opclass', Object.values(cat.state.opclasses)],
      ];
      for (const [kind, rows] of members) {
        for (const r of rows) if (r.extension === a.oid) add({ kind, oid: r.oid } as ObjectAddress, 'e');
      }
      break;
    }
    case 'type': {
      const t = cat.type(a.oid);
      if (t?.array) add({ kind: 'type', oid: t.array }, 'i');
      for (const { table, col } of columnsOfType(cat, a.oid)) add({ kind: 'column', oid: table, attnum: col.attnum }, 'n');
      for (const p of Object.values(cat.state.procs)) if (p.ret === a.oid || p.args.includes(a.oid)) add({ kind: 'proc', oid: p.oid }, 'n');
      for (const o of Object.values(cat.state.operators)) if (o.left === a.oid || o.right === a.oid || o.result === a.oid) add({ kind: 'operator', oid: o.oid }, 'n');
      for (const c of Object.values(cat.state.casts)) if (c.source === a.oid || c.target === a.oid) add({ kind: 'cast', oid: c.oid }, 'n');
      for (const c of Object.values(cat.state.opclasses)) if (c.type === a.oid) add({ kind: 'opclass', oid: c.oid }, 'n');
      break;
    }
    case 'proc': {
      for (const o of Object.values(cat.state.operators)) if (o.proc === a.oid) add({ kind: 'operator', oid: o.oid }, 'n');
      for (const c of Object.values(cat.state.casts)) if (c.func === a.oid) add({ kind: 'cast', oid: c.oid }, 'n');
      break;
    }
    case 'am': {
      for (const c of Object.values(cat.state.opclasses)) if (c.am === a.oid) add({ kind: 'opclass', oid: c.oid }, 'n');
      for (const r of cat.relations()) if (r.kind === 'i' && r.am === a.oid) add({ kind: 'relation', oid: r.oid }, 'n');
      break;
    }
    case 'opclass': {
      for (const r of cat.relations()) if (r.kind === 'i' && r.keys.some((k) => k.opclass === a.oid)) add({ kind: 'relation', oid: r.oid }, 'n');
      break;
    }
    case 'default': case 'cast': case 'operator':
      break;
  }
  return out;
}

/** The object `a` is an internal part of (or the extension it belongs to), if any. */
export function ownerOf(cat: Catalog, a: ObjectAddress): { owner: ObjectAddress; type: 'i' | 'e' } | undefined {
  const extOf = (ext?: Oid) => (ext !== undefined ? { owner: { kind: 'extension', oid: ext } as ObjectAddress, type: 'e' as const } : undefined);
  switch (a.kind) {
    case 'relation': {
      const r = cat.relation(a.oid);
      if (r?.kind === 'i' && r.constraint) return { owner: { kind: 'constraint', oid: r.constraint }, type: 'i' };
      if (r?.kind === 'S' && r.identity && r.ownedBy) return { owner: { kind: 'column', oid: r.ownedBy.table, attnum: r.ownedBy.attnum }, type: 'i' };
      return extOf(r?.extension);
    }
    case 'type': {
      const t = cat.type(a.oid);
      if (t && t.elem && t.subscript === 'array_subscript_handler' && cat.type(t.elem)?.array === t.oid) {
        return { owner: { kind: 'type', oid: t.elem }, type: 'i' };
      }
      return extOf(t?.extension);
    }
    case 'proc': return extOf(cat.proc(a.oid)?.extension);
    case 'operator': return extOf(cat.operator(a.oid)?.extension);
    case 'am': return extOf(cat.accessMethod(a.oid)?.extension);
    case 'opclass': return extOf(cat.opclass(a.oid)?.extension);
    case 'namespace': return extOf(cat.namespace(a.oid)?.extension);
    default: return undefined;
  }
}

interface Target { addr: ObjectAddress; flags: Set<DepType | 'original'>; dependsOn?: ObjectAddress }

/**
 * Deletes `targets` and everything depending on them (dependency.c performMultipleDeletions).
 * `cascade` false is RESTRICT. Notices go to the builder; deletion is `deleteOne` per object,
 * dependents first.
 */
export function performDeletion(
  b: DdlBuilder,
  targets: ObjectAddress[],
  cascade: boolean,
  deleteOne: (addr: ObjectAddress) => void,
): void {
  const cat = b.catalog;
  const sp = b.ctx;
  const found = new Map<string, Target>();
  const order: Target[] = [];
  for (const t of targets) {
    const own = ownerOf(cat, t);
    if (own && !targets.some((x) => addressKey(x) === addressKey(own.owner))) {
      const what = describeObject(cat, t, sp);
      const owner = describeObject(cat, own.owner, sp);
      throw new SqlError(SQLSTATE.DEPENDENT_OBJECTS_STILL_EXIST, `cannot drop ${what} because ${owner} requires it`, {
        hint: `You can drop ${owner} instead.`,
      });
    }
  }
  const visit = (addr: ObjectAddress, flag: DepType | 'original', from?: ObjectAddress) => {
    const key = addressKey(addr);
    const seen = found.get(key);
    if (seen) {
      seen.flags.add(flag);
      return;
    }
    const t: Target = { addr, flags: new Set([flag]), dependsOn: from };
    found.set(key, t);
    for (const d of dependentsOf(cat, addr)) visit(d.addr, d.type, addr);
    order.push(t);
  };
  for (const t of targets) visit(t, 'original');

  // Report, in discovery order (the originals' dependents as PostgreSQL lists them).
  const reported = [...found.values()].filter((t) => !t.flags.has('original') && !t.flags.has('a') && !t.flags.has('i') && !t.flags.has('e'));
  if (reported.length > 0) {
    if (!cascade) {
      const lines = reported.map((t) => `${describeObject(cat, t.addr, sp)} depends on ${describeObject(cat, t.dependsOn!, sp)}`);
      const message = targets.length === 1
        ? `cannot drop ${describeObject(cat, targets[0], sp)} because other objects depend on it`
        : 'cannot drop desired object(s) because other objects depend on them';
      throw new SqlError(SQLSTATE.DEPENDENT_OBJECTS_STILL_EXIST, message, {
        detail: lines.join('\n'),
        hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
      });
    }
    const lines = reported.map((t) => `drop cascades to ${describeObject(cat, t.addr, sp)}`);
    if (lines.length === 1) b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, lines[0]));
    else b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `drop cascades to ${lines.length} other objects`, { detail: lines.join('\n') }));
  }
  // Columns and defaults of relations that are going away anyway need no separate deletion.
  const droppedRelations = new Set(order.filter((t) => t.addr.kind === 'relation').map((t) => t.addr.oid));
  for (const t of order) {
    if ((t.addr.kind === 'column' || t.addr.kind === 'default') && droppedRelations.has(t.addr.oid)) continue;
    deleteOne(t.addr);
  }
}

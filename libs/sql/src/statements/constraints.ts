// Constraint nodes of CREATE TABLE / ALTER TABLE, column-level and table-level alike.
import { syntaxError } from '@vecgres/errors';
import type { Constraint, ReferentialAction } from '../types';
import { list, stringList, unwrap, type PgNode, type TranslateContext } from '../context';
import { translateExpr } from '../expressions/expr';
import { qualifiedName } from './names';
import { translateOptions } from './options';

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'noAction',
  r: 'restrict',
  c: 'cascade',
  n: 'setNull',
  d: 'setDefault',
};

function action(ctx: TranslateContext, code: string | undefined, b: PgNode): ReferentialAction {
  const a = ACTIONS[code ?? 'a'];
  if (!a) throw ctx.unsupported(`referential action "${code}"`, b.location);
  // ON DELETE SET NULL (col, ...) names a column subset.
  if (b.fk_del_set_cols) throw ctx.unsupported('ON DELETE SET NULL/DEFAULT with a column list', b.location);
  return a;
}

/** One Constraint body; `misplaced` attribute nodes are handled by translateColumnConstraints. */
export function translateConstraint(ctx: TranslateContext, b: PgNode): Constraint {
  const base = {
    deferrable: b.deferrable === true,
    initiallyDeferred: b.initdeferred === true,
    location: ctx.loc(b.location),
    ...(b.conname ? { name: b.conname as string } : {}),
  };
  const keys = stringList(ctx, b.keys, 'column name');
  const notValid = b.skip_validation === true;
  // PostgreSQL 18 NOT ENFORCED: CHECK and FOREIGN KEY nodes carry is_enforced=true unless it
  // was written (protobuf JSON drops the false).
  if ((b.contype === 'CONSTR_CHECK' || b.contype === 'CONSTR_FOREIGN') && b.is_enforced !== true) {
    throw ctx.unsupported('NOT ENFORCED', b.location);
  }
  if (b.indexname) throw ctx.unsupported('USING INDEX', b.location);
  if (b.indexspace) throw ctx.unsupported('USING INDEX TABLESPACE', b.location);
  switch (b.contype as string) {
    case 'CONSTR_NOTNULL':
      return { ...base, type: 'notNull', columns: keys, noInherit: b.is_no_inherit === true };
    case 'CONSTR_NULL':
      return { ...base, type: 'null' };
    case 'CONSTR_DEFAULT':
      return { ...base, type: 'default', expr: translateExpr(ctx, b.raw_expr) };
    case 'CONSTR_CHECK':
      return { ...base, type: 'check', expr: translateExpr(ctx, b.raw_expr), noInherit: b.is_no_inherit === true, notValid };
    case 'CONSTR_PRIMARY':
      return { ...base, type: 'primaryKey', columns: keys, include: stringList(ctx, b.including), options: translateOptions(ctx, b.options) };
    case 'CONSTR_UNIQUE':
      return {
        ...base,
        type: 'unique',
        columns: keys,
        include: stringList(ctx, b.including),
        nullsNotDistinct: b.nulls_not_distinct === true,
        options: translateOptions(ctx, b.options),
      };
    case 'CONSTR_FOREIGN':
      return {
        ...base,
        type: 'foreignKey',
        columns: stringList(ctx, b.fk_attrs),
        table: qualifiedName(ctx, b.pktable),
        refColumns: stringList(ctx, b.pk_attrs),
        match: b.fk_matchtype === 'f' ? 'full' : b.fk_matchtype === 'p' ? 'partial' : 'simple',
        onDelete: action(ctx, b.fk_del_action, b),
        onUpdate: action(ctx, b.fk_upd_action, b),
        notValid,
      };
    case 'CONSTR_IDENTITY':
      return { ...base, type: 'identity', generated: b.generated_when === 'd' ? 'byDefault' : 'always', options: translateOptions(ctx, b.options) };
    case 'CONSTR_GENERATED':
      // PostgreSQL 18 adds VIRTUAL generated columns (generated_kind 'v').
      return { ...base, type: 'generated', expr: translateExpr(ctx, b.raw_expr), stored: b.generated_kind !== 'v' };
    case 'CONSTR_EXCLUSION':
      throw ctx.unsupported('EXCLUDE constraint', b.location);
    default:
      throw ctx.unsupported(`constraint ${b.contype}`, b.location);
  }
}

/**
 * A column's constraint list. DEFERRABLE / INITIALLY DEFERRED arrive as separate attribute
 * nodes that modify the constraint before them (PostgreSQL's transformConstraintAttrs).
 */
export function translateColumnConstraints(ctx: TranslateContext, nodes: PgNode[] | undefined): Constraint[] {
  const out: Constraint[] = [];
  for (const n of list(nodes)) {
    const [, b] = unwrap(n);
    const attr = b.contype as string;
    if (!attr.startsWith('CONSTR_ATTR_')) {
      out.push(translateConstraint(ctx, b));
      continue;
    }
    const prev = out[out.length - 1];
    // CONSTR_ATTR_NOT_DEFERRABLE -> "NOT DEFERRABLE", CONSTR_ATTR_DEFERRED -> "INITIALLY DEFERRED"
    const words = attr
      .replace('CONSTR_ATTR_', '')
      .replace('NOT_', 'NOT ')
      .replace('IMMEDIATE', 'INITIALLY IMMEDIATE')
      .replace(/^DEFERRED$/, 'INITIALLY DEFERRED');
    if (attr === 'CONSTR_ATTR_ENFORCED' || attr === 'CONSTR_ATTR_NOT_ENFORCED') throw ctx.unsupported(words, b.location);
    if (!prev || !['primaryKey', 'unique', 'foreignKey'].includes(prev.type)) {
      const at = ctx.loc(b.location);
      throw syntaxError(`misplaced ${words} clause`, at < 0 ? undefined : at + 1);
    }
    if (attr === 'CONSTR_ATTR_DEFERRABLE') prev.deferrable = true;
    if (attr === 'CONSTR_ATTR_NOT_DEFERRABLE') prev.deferrable = false;
    if (attr === 'CONSTR_ATTR_DEFERRED') prev.initiallyDeferred = prev.deferrable = true;
    if (attr === 'CONSTR_ATTR_IMMEDIATE') prev.initiallyDeferred = false;
  }
  return out;
}

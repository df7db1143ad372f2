// CREATE SEQUENCE and ALTER SEQUENCE (sequence.c DefineSequence / AlterSequence). Sequence
// VALUES are not here: they are non-transactional runtime state (see sequences/), and these
// statements only emit `resetSequence` effects for the engine to apply.
import { SQLSTATE, SqlError, invalidParameter, syntaxError, undefinedColumn } from '@vecgres/errors';
import type { AlterSequenceStmt, CreateSequenceStmt, OptionValue } from '@vecgres/sql';
import { lookupRelation } from '../lookup/resolve';
import { notice } from '../model/notice';
import type { SequenceRelation } from '../model/relations';
import type { Oid } from '../model/rows';
import type { CatalogState } from '../model/state';
import { TYPE_OID } from '../builtins/type-oids';
import { resolveTypeName } from '../types/resolve-type';
import { DdlBuilder, type DdlContext, type DdlResult } from './ddl-builder';
import { relationNamespaceForCreate } from './schema';
import { parseSequenceOptions, sequenceParams, type SequenceOptions } from './sequence-params';

function typeResolver(b: DdlBuilder): (v: OptionValue) => Oid {
  return (v) => {
    if (v.type !== 'type') throw syntaxError('AS requires a type name');
    return resolveTypeName(b.catalog, b.ctx.registry, b.ctx, v.value, b.notices).oid;
  };
}

/** OWNED BY t.c / NONE -> the owning column (sequence.c process_owned_by). */
function ownedBy(b: DdlBuilder, seq: SequenceRelation, o: SequenceOptions): SequenceRelation['ownedBy'] | null | undefined {
  if (o.ownedBy === undefined) return undefined;
  if (o.ownedBy === 'none') return null;
  if (o.ownedBy.length < 2) {
    throw syntaxError('invalid OWNED BY option', undefined, { hint: 'Specify OWNED BY table.column or OWNED BY NONE.' });
  }
  const [tableName, columnName] = [o.ownedBy[o.ownedBy.length - 2], o.ownedBy[o.ownedBy.length - 1]];
  const schema = o.ownedBy.length > 2 ? o.ownedBy[o.ownedBy.length - 3] : undefined;
  const table = lookupRelation(b.catalog, b.ctx, { schema, name: tableName, location: -1 });
  if (!table) throw new SqlError(SQLSTATE.UNDEFINED_TABLE, `relation "${schema ? `${schema}.` : ''}${tableName}" does not exist`);
  if (table.kind !== 'r') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `sequence cannot be owned by relation "${table.name}"`);
  if (table.namespace !== seq.namespace) {
    throw new SqlError(SQLSTATE.OBJECT_NOT_IN_PREREQUISITE_STATE, 'sequence must be in same schema as table it is linked to');
  }
  const col = table.columns.find((c) => !c.dropped && c.name === columnName);
  if (!col) throw undefinedColumn(`column "${columnName}" of relation "${table.name}" does not exist`);
  return { table: table.oid, attnum: col.attnum };
}

/** init_params: the current position must fit the new bounds (it is what RESTART would set). */
function checkPosition(seq: SequenceRelation, value: bigint | undefined): void {
  if (value === undefined) return;
  if (value < BigInt(seq.params.min)) throw invalidParameter(`RESTART value (${value}) cannot be less than MINVALUE (${seq.params.min})`);
  if (value > BigInt(seq.params.max)) throw invalidParameter(`RESTART value (${value}) cannot be greater than MAXVALUE (${seq.params.max})`);
}

export function createSequence(state: CatalogState, stmt: CreateSequenceStmt, ctx: DdlContext): DdlResult {
  const b = new DdlBuilder(state, ctx);
  const namespace = relationNamespaceForCreate(b, stmt.sequence, stmt.temporary);
  if (b.catalog.relationByName(namespace, stmt.sequence.name)) {
    if (stmt.ifNotExists) {
      b.notice(notice(SQLSTATE.DUPLICATE_TABLE, `relation "${stmt.sequence.name}" already exists, skipping`));
      return b.result();
    }
    throw new SqlError(SQLSTATE.DUPLICATE_TABLE, `relation "${stmt.sequence.name}" already exists`);
  }
  const o = parseSequenceOptions(stmt.options, typeResolver(b));
  let seq: SequenceRelation = {
    oid: b.oid(), name: stmt.sequence.name, namespace,
    persistence: stmt.temporary ? 't' : stmt.unlogged ? 'u' : 'p', owner: ctx.user, options: [],
    kind: 'S', params: sequenceParams(b.catalog, o, undefined, TYPE_OID.int8),
  };
  const owner = ownedBy(b, seq, o);
  if (owner) seq = { ...seq, ownedBy: owner };
  b.put('relations', seq);
  b.effect({ type: 'createRelation', oid: seq.oid, kind: 'S' });
  b.effect({ type: 'resetSequence', sequence: seq.oid });
  return b.result();
}

/** ALTER SEQUENCE [IF EXISTS] name options | RENAME TO n. */
export type AlterSequenceInput = Pick<AlterSequenceStmt, 'sequence' | 'ifExists' | 'options' | 'newName'>;

export function alterSequence(state: CatalogState, stmt: AlterSequenceInput, ctx: DdlContext): DdlResult {
  const b = new DdlBuilder(state, ctx);
  const rel = lookupRelation(b.catalog, ctx, stmt.sequence, { missingSchemaOk: stmt.ifExists });
  if (!rel) {
    if (stmt.ifExists) {
      b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `relation "${stmt.sequence.name}" does not exist, skipping`));
      return b.result();
    }
    throw new SqlError(SQLSTATE.UNDEFINED_TABLE, `relation "${stmt.sequence.name}" does not exist`);
  }
  if (rel.kind !== 'S') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not a sequence`);
  if (stmt.newName !== undefined) {
    if (b.catalog.relationByName(rel.namespace, stmt.newName)) {
      throw new SqlError(SQLSTATE.DUPLICATE_TABLE, `relation "${stmt.newName}" already exists`);
    }
    b.put('relations', { ...rel, name: stmt.newName });
    return b.result();
  }
  const o = parseSequenceOptions(stmt.options, typeResolver(b));
  let seq: SequenceRelation = { ...rel, params: sequenceParams(b.catalog, o, rel.params, rel.params.type) };
  const owner = ownedBy(b, seq, o);
  if (owner === null) {
    const { ownedBy: _gone, ...rest } = seq;
    seq = rest;
  } else if (owner) {
    seq = { ...seq, ownedBy: owner };
  }
  b.put('relations', seq);
  if (o.restart === undefined) checkPosition(seq, ctx.sequenceValue?.(seq.oid));
  if (o.restart !== undefined) {
    b.effect({ type: 'resetSequence', sequence: seq.oid, value: o.restart === true ? seq.params.start : String(o.restart) });
  }
  return b.result();
}

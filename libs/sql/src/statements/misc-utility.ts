// EXPLAIN, PREPARE / EXECUTE / DEALLOCATE, VACUUM / ANALYZE, CHECKPOINT, DISCARD,
// LISTEN / UNLISTEN / NOTIFY.
import type {
  CheckpointStmt, DeallocateStmt, DiscardStmt, ExecuteStmt, ExplainStmt, ListenStmt, NotifyStmt,
  PrepareStmt, UnlistenStmt, VacuumStmt,
} from '../types';
import { list, stringList, unwrap, type PgNode, type TranslateContext } from '../context';
import { exprList } from '../expressions/expr';
import { translateTypeName } from '../expressions/type-name';
import { qualifiedName } from './names';
import { translateOptions } from './options';
import { translateStmt } from './statement';

export function translateExplain(ctx: TranslateContext, b: PgNode): ExplainStmt {
  // `EXPLAIN ANALYZE VERBOSE q` and `EXPLAIN (ANALYZE, VERBOSE) q` give the same options.
  return { kind: 'explain', statement: translateStmt(ctx, b.query), options: translateOptions(ctx, b.options), location: -1 };
}

export function translatePrepare(ctx: TranslateContext, b: PgNode): PrepareStmt {
  return {
    kind: 'prepare',
    name: b.name,
    paramTypes: list(b.argtypes).map((n) => translateTypeName(ctx, unwrap(n)[1])),
    statement: translateStmt(ctx, b.query),
    location: -1,
  };
}

export function translateExecute(ctx: TranslateContext, b: PgNode): ExecuteStmt {
  return { kind: 'execute', name: b.name, params: exprList(ctx, b.params), location: -1 };
}

export function translateDeallocate(ctx: TranslateContext, b: PgNode): DeallocateStmt {
  const stmt: DeallocateStmt = { kind: 'deallocate', location: ctx.loc(b.location) };
  if (!b.isall && b.name !== undefined) stmt.name = b.name;
  return stmt;
}

export function translateVacuum(ctx: TranslateContext, b: PgNode): VacuumStmt {
  const relations = list(b.rels).map((n) => {
    const [, r] = unwrap(n);
    return { table: qualifiedName(ctx, r.relation), columns: stringList(ctx, r.va_cols, 'column name') };
  });
  return {
    kind: 'vacuum',
    isVacuum: b.is_vacuumcmd === true,
    options: translateOptions(ctx, b.options),
    relations,
    location: relations[0]?.table.location ?? -1,
  };
}

export function translateCheckpoint(ctx: TranslateContext, b: PgNode): CheckpointStmt {
  // PostgreSQL 18 adds CHECKPOINT (options); none are modelled.
  if (b.options) throw ctx.unsupported('CHECKPOINT options');
  return { kind: 'checkpoint', location: -1 };
}

const DISCARD: Record<string, DiscardStmt['target']> = {
  DISCARD_ALL: 'all',
  DISCARD_PLANS: 'plans',
  DISCARD_SEQUENCES: 'sequences',
  DISCARD_TEMP: 'temp',
};

export function translateDiscard(ctx: TranslateContext, b: PgNode): DiscardStmt {
  const target = DISCARD[b.target];
  if (!target) throw ctx.unsupported(`DISCARD ${b.target}`);
  return { kind: 'discard', target, location: -1 };
}

export function translateListen(_ctx: TranslateContext, b: PgNode): ListenStmt {
  return { kind: 'listen', channel: b.conditionname, location: -1 };
}

export function translateUnlisten(_ctx: TranslateContext, b: PgNode): UnlistenStmt {
  const stmt: UnlistenStmt = { kind: 'unlisten', location: -1 };
  if (b.conditionname !== undefined) stmt.channel = b.conditionname;
  return stmt;
}

export function translateNotify(_ctx: TranslateContext, b: PgNode): NotifyStmt {
  const stmt: NotifyStmt = { kind: 'notify', channel: b.conditionname, location: -1 };
  if (b.payload !== undefined) stmt.payload = b.payload;
  return stmt;
}

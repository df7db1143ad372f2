// BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / ABORT / SAVEPOINT / RELEASE /
// ROLLBACK TO, two-phase commit statements, and the transaction modes they share with SET.
import type { IsolationLevel, TransactionModes, TransactionStmt } from '../types';
import { list, unwrap, type PgNode, type TranslateContext } from '../context';

const ACTIONS: Record<string, TransactionStmt['action']> = {
  TRANS_STMT_BEGIN: 'begin',
  TRANS_STMT_START: 'begin',
  TRANS_STMT_COMMIT: 'commit',
  TRANS_STMT_ROLLBACK: 'rollback',
  TRANS_STMT_SAVEPOINT: 'savepoint',
  TRANS_STMT_RELEASE: 'release',
  TRANS_STMT_ROLLBACK_TO: 'rollbackTo',
  TRANS_STMT_PREPARE: 'prepareTransaction',
  TRANS_STMT_COMMIT_PREPARED: 'commitPrepared',
  TRANS_STMT_ROLLBACK_PREPARED: 'rollbackPrepared',
};

/** DefElems `transaction_isolation` (string), `transaction_read_only` / `_deferrable` (0/1). */
export function transactionModes(ctx: TranslateContext, nodes: PgNode[] | undefined): TransactionModes {
  const modes: TransactionModes = {};
  for (const n of list(nodes)) {
    const [, d] = unwrap(n);
    const [, arg] = unwrap(d.arg);
    switch (d.defname as string) {
      case 'transaction_isolation': modes.isolationLevel = arg.sval.sval as IsolationLevel; break;
      case 'transaction_read_only': modes.readOnly = (arg.ival?.ival ?? 0) === 1; break;
      case 'transaction_deferrable': modes.deferrable = (arg.ival?.ival ?? 0) === 1; break;
      default: throw ctx.unsupported(`transaction mode ${d.defname}`, d.location);
    }
  }
  return modes;
}

export function translateTransaction(ctx: TranslateContext, b: PgNode): TransactionStmt {
  const action = ACTIONS[b.kind];
  if (!action) throw ctx.unsupported(`transaction statement ${b.kind}`, b.location);
  const stmt: TransactionStmt = {
    kind: 'transaction',
    action,
    modes: transactionModes(ctx, b.options),
    chain: b.chain === true,
    location: ctx.loc(b.location),
  };
  const name = b.savepoint_name ?? b.gid;
  if (name !== undefined) stmt.name = name;
  return stmt;
}

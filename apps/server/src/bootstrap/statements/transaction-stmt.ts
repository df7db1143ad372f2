// BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / ABORT [AND CHAIN], with PostgreSQL's
// warnings and tags (COMMIT of a failed block answers ROLLBACK).
import { SQLSTATE, noActiveSqlTransaction } from '@vecgres/errors';
import type { NoticeFields } from '@vecgres/pg-wire';
import { type AstBody, unsupported } from '../ast';
import type { BoundStatement, ExecContext } from '../statement';

function warn(ex: ExecContext, sqlstate: string, message: string): void {
  const fields: NoticeFields = { severity: 'WARNING', sqlstate, message };
  ex.sink.notice(fields);
}

function begin(tag: string): BoundStatement {
  return {
    kind: 'TransactionStmt',
    columns: null,
    async run(ex) {
      if (!ex.session.tx.beginBlock()) warn(ex, SQLSTATE.ACTIVE_SQL_TRANSACTION, 'there is already a transaction in progress');
      return tag;
    },
  };
}

function end(commit: boolean, chain: boolean): BoundStatement {
  const verb = commit ? 'COMMIT' : 'ROLLBACK';
  return {
    kind: 'TransactionStmt',
    columns: null,
    allowedInFailedBlock: true,
    async run(ex) {
      const tx = ex.session.tx;
      const state = tx.blockState;
      if (state !== 'block' && state !== 'failed') {
        if (chain) throw noActiveSqlTransaction(`${verb} AND CHAIN can only be used in transaction blocks`);
        warn(ex, SQLSTATE.NO_ACTIVE_SQL_TRANSACTION, 'there is no transaction in progress');
      }
      let tag = verb;
      if (commit && state !== 'failed') tx.commit();
      else {
        tx.rollback();
        tag = 'ROLLBACK';
      }
      if (chain) tx.beginBlock();
      return tag;
    },
  };
}

export function analyzeTransaction(stmt: AstBody): BoundStatement {
  const chain = stmt.chain === true;
  switch (stmt.kind) {
    case 'TRANS_STMT_BEGIN':
      return begin('BEGIN');
    case 'TRANS_STMT_START':
      return begin('START TRANSACTION');
    case 'TRANS_STMT_COMMIT':
      return end(true, chain);
    case 'TRANS_STMT_ROLLBACK':
      return end(false, chain);
    default:
      throw unsupported('TransactionStmt', String(stmt.kind));
  }
}

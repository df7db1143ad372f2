// Functions bound to a session and its transaction: sequences (nextval/currval/setval/lastval
// over the database's sequence store, PostgreSQL's messages from libs/catalog) and the
// session-information functions drivers call.
import { Catalog, SequenceSession, currentSchema, nextval, setval, type SequenceRelation } from '@vecgres/catalog';
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { SessionTransaction } from './session-tx';

export interface SessionInfo { user: string; database: string; searchPath: () => string[] }

function sequence(tx: SessionTransaction, oid: number): SequenceRelation {
  const rel = new Catalog(tx.catalog.state).relation(oid);
  if (!rel) throw new SqlError(SQLSTATE.UNDEFINED_TABLE, `could not open relation with OID ${oid}`);
  if (rel.kind !== 'S') throw new SqlError(SQLSTATE.WRONG_OBJECT_TYPE, `"${rel.name}" is not a sequence`);
  return rel;
}

export function sessionFunctions(tx: SessionTransaction, seqs: SequenceSession, info: SessionInfo): Record<string, (...args: any[]) => unknown> {
  const store = tx.db.sequences;
  return {
    nextval_oid: (oid: number) => {
      const seq = sequence(tx, oid);
      const v = nextval(store, seq);
      seqs.record(seq, v);
      tx.usedSequences = true;
      return v;
    },
    currval_oid: (oid: number) => seqs.currval(sequence(tx, oid)),
    setval_oid: (oid: number, v: bigint) => {
      const seq = sequence(tx, oid);
      const r = setval(store, seq, BigInt(v), true);
      seqs.record(seq, r);
      tx.usedSequences = true;
      return r;
    },
    setval3_oid: (oid: number, v: bigint, called: boolean) => {
      const seq = sequence(tx, oid);
      const r = setval(store, seq, BigInt(v), called);
      if (called) seqs.record(seq, r);
      tx.usedSequences = true;
      return r;
    },
    lastval: () => seqs.lastval((oid) => new Catalog(tx.catalog.state).relation(oid)?.kind === 'S'),
    current_user: () => info.user,
    session_user: () => info.user,
    current_database: () => info.database,
    current_schema: () => currentSchema(new Catalog(tx.catalog.state), { path: info.searchPath(), user: info.user }),
  };
}

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

/** `tx`: the transaction, or a getter for the one running now (a session's functions made once). */
export function sessionFunctions(tx: SessionTransaction | (() => SessionTransaction), seqs: SequenceSession, info: SessionInfo): Record<string, (...args: any[]) => unknown> {
  const cur = typeof tx === 'function' ? tx : () => tx;
  return {
    nextval_oid: (oid: number) => {
      const seq = sequence(cur(), oid);
      const v = nextval(cur().db.sequences, seq);
      seqs.record(seq, v);
      cur().usedSequences = true;
      return v;
    },
    currval_oid: (oid: number) => seqs.currval(sequence(cur(), oid)),
    setval_oid: (oid: number, v: bigint) => {
      const seq = sequence(cur(), oid);
      const r = setval(cur().db.sequences, seq, BigInt(v), true);
      seqs.record(seq, r);
      cur().usedSequences = true;
      return r;
    },
    setval3_oid: (oid: number, v: bigint, called: boolean) => {
      const seq = sequence(cur(), oid);
      const r = setval(cur().db.sequences, seq, BigInt(v), called);
      if (called) seqs.record(seq, r);
      cur().usedSequences = true;
      return r;
    },
    lastval: () => seqs.lastval((oid) => new Catalog(cur().catalog.state).relation(oid)?.kind === 'S'),
    current_user: () => info.user,
    session_user: () => info.user,
    current_database: () => info.database,
    current_schema: () => currentSchema(new Catalog(cur().catalog.state), { path: info.searchPath(), user: info.user }),
  };
}

// Sequence VALUES: runtime state outside the copy-on-write catalog. As in PostgreSQL they are
// not transactional (a rolled-back nextval is not given back). The engine implements
// SequenceValueStore over its storage (persisting at checkpoints / in the WAL); the in-memory
// store here is the reference implementation and what tests use. nextval/setval semantics and
// errors are sequence.c's (nextval_internal, do_setval).
import { SQLSTATE, SqlError, numericOutOfRange } from '@vecgres/errors';
import type { SequenceParams, SequenceRelation } from '../model/relations';
import type { Oid } from '../model/rows';

/** pg_sequence_data: last_value and is_called (64-bit values as bigint). */
export interface SequenceValue { lastValue: bigint; isCalled: boolean }

/** Storage of sequence values by sequence OID. */
export interface SequenceValueStore {
  get(oid: Oid): SequenceValue | undefined;
  set(oid: Oid, value: SequenceValue): void;
  delete(oid: Oid): void;
}

export class InMemorySequenceValues implements SequenceValueStore {
  private readonly values = new Map<Oid, SequenceValue>();
  get(oid: Oid): SequenceValue | undefined {
    return this.values.get(oid);
  }
  set(oid: Oid, value: SequenceValue): void {
    this.values.set(oid, value);
  }
  delete(oid: Oid): void {
    this.values.delete(oid);
  }
}

function bounds(p: SequenceParams): { min: bigint; max: bigint; inc: bigint } {
  return { min: BigInt(p.min), max: BigInt(p.max), inc: BigInt(p.increment) };
}

/** (Re)starts a sequence: the next nextval returns `value` (default: START). */
export function resetSequence(store: SequenceValueStore, seq: SequenceRelation, value?: string): void {
  store.set(seq.oid, { lastValue: BigInt(value ?? seq.params.start), isCalled: false });
}

/** nextval(): advances and returns the value; 2200H at the limit unless CYCLE. */
export function nextval(store: SequenceValueStore, seq: SequenceRelation): bigint {
  const cur = store.get(seq.oid) ?? { lastValue: BigInt(seq.params.start), isCalled: false };
  if (!cur.isCalled) {
    store.set(seq.oid, { lastValue: cur.lastValue, isCalled: true });
    return cur.lastValue;
  }
  const { min, max, inc } = bounds(seq.params);
  let next = cur.lastValue + inc;
  if (inc > 0n && next > max) {
    if (!seq.params.cycle) {
      throw new SqlError(SQLSTATE.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, `nextval: reached maximum value of sequence "${seq.name}" (${max})`);
    }
    next = min;
  } else if (inc < 0n && next < min) {
    if (!seq.params.cycle) {
      throw new SqlError(SQLSTATE.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, `nextval: reached minimum value of sequence "${seq.name}" (${min})`);
    }
    next = max;
  }
  store.set(seq.oid, { lastValue: next, isCalled: true });
  return next;
}

/** setval(seq, value, isCalled): 22003 when outside MINVALUE..MAXVALUE. */
export function setval(store: SequenceValueStore, seq: SequenceRelation, value: bigint, isCalled = true): bigint {
  const { min, max } = bounds(seq.params);
  if (value < min || value > max) {
    throw numericOutOfRange(`setval: value ${value} is out of bounds for sequence "${seq.name}" (${min}..${max})`);
  }
  store.set(seq.oid, { lastValue: value, isCalled });
  return value;
}

/**
 * Per-session memory for currval() and lastval() (PostgreSQL keeps it in the backend, not in
 * the sequence). One per Session object.
 */
export class SequenceSession {
  private readonly seen = new Map<Oid, bigint>();
  private last: Oid | undefined;

  /** Call with every value nextval (and setval with isCalled) returns in this session. */
  record(seq: SequenceRelation, value: bigint): void {
    this.seen.set(seq.oid, value);
    this.last = seq.oid;
  }

  currval(seq: SequenceRelation): bigint {
    const v = this.seen.get(seq.oid);
    if (v === undefined) {
      throw new SqlError(SQLSTATE.OBJECT_NOT_IN_PREREQUISITE_STATE, `currval of sequence "${seq.name}" is not yet defined in this session`);
    }
    return v;
  }

  /** DISCARD SEQUENCES / ALL: forget every currval and lastval. */
  reset(): void {
    this.seen.clear();
    this.last = undefined;
  }

  /** lastval(): the last value any nextval returned in this session. */
  lastval(exists: (oid: Oid) => boolean): bigint {
    if (this.last === undefined) {
      throw new SqlError(SQLSTATE.OBJECT_NOT_IN_PREREQUISITE_STATE, 'lastval is not yet defined in this session');
    }
    if (!exists(this.last)) {
      throw new SqlError(SQLSTATE.OBJECT_NOT_IN_PREREQUISITE_STATE, 'lastval is not yet defined in this session');
    }
    return this.seen.get(this.last)!;
  }
}

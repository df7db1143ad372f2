// Transaction-block state of one session, after PostgreSQL's xact.c block states reduced to
// what the bootstrap handler needs:
//
//   idle ──(first statement)──▶ implicit ──(end of Query / Sync)──▶ commit ─▶ idle
//     │                            │ BEGIN
//     └──────── BEGIN ──────────▶ block ──COMMIT/ROLLBACK──▶ idle
//                                   │ error
//                                   ▼
//                                 failed ──ROLLBACK / COMMIT (= rollback)──▶ idle
//
// Changes made by a transaction (scratch-table writes) register undo actions that rollback()
// runs in reverse order; end actions run either way (SET uses them, see statements/variable.ts).
import type { TransactionStatus } from '@vecgres/pg-wire';

export type BlockState = 'idle' | 'implicit' | 'block' | 'failed';

export class Transaction {
  private state: BlockState = 'idle';
  private undo: Array<() => void> = [];
  private atEnd: Array<(committed: boolean) => void> = [];
  private bag = new Map<string, unknown>();

  get blockState(): BlockState {
    return this.state;
  }

  /** ReadyForQuery status. An implicit transaction is never visible there. */
  wireStatus(): TransactionStatus {
    return this.state === 'block' ? 'T' : this.state === 'failed' ? 'E' : 'I';
  }

  /** True inside BEGIN ... COMMIT (including a failed block). */
  inBlock(): boolean {
    return this.state === 'block' || this.state === 'failed';
  }

  /** Starts the implicit transaction a statement runs in, unless one is open. */
  ensureStarted(): void {
    if (this.state === 'idle') this.state = 'implicit';
  }

  /** BEGIN: false when a block is already open (PostgreSQL warns and carries on). */
  beginBlock(): boolean {
    if (this.state === 'block' || this.state === 'failed') return false;
    this.state = 'block';
    return true;
  }

  /** Undo action for rollback (registered after the change was made). */
  onRollback(action: () => void): void {
    this.undo.push(action);
  }

  /** Action for the end of the transaction either way, told whether it committed. */
  onEnd(action: (committed: boolean) => void): void {
    this.atEnd.push(action);
  }

  /** Per-transaction state of one kind (created on first use, dropped at the end). */
  perTransaction<T>(name: string, init: () => T): T {
    if (!this.bag.has(name)) this.bag.set(name, init());
    return this.bag.get(name) as T;
  }

  commit(): void {
    const end = this.atEnd;
    this.reset();
    for (let i = end.length - 1; i >= 0; i--) end[i]!(true);
  }

  rollback(): void {
    const undo = this.undo;
    const end = this.atEnd;
    this.reset();
    for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
    for (let i = end.length - 1; i >= 0; i--) end[i]!(false);
  }

  /** A statement failed: a block becomes failed (until ROLLBACK), anything else rolls back. */
  fail(): void {
    if (this.state === 'block' || this.state === 'failed') this.state = 'failed';
    else this.rollback();
  }

  private reset(): void {
    this.state = 'idle';
    this.undo = [];
    this.atEnd = [];
    this.bag = new Map();
  }
}

// Keeps a statement from holding the event loop. Operators that consume their whole input
// before producing (aggregate, sort, hash build) pull batch after batch from a leaf without
// ever returning to the event loop, and row-multiplying nodes (ProjectSet over an endless
// generate_series, nested loops) can produce batch after batch from one input batch, so
// statement_timeout's timer and CancelRequests could not run until the statement ended by
// itself. Every node is wrapped: after a batch, when more than PACE_MS passed since the last
// pause, it awaits the statement's checkpoint, which yields to the event loop and throws 57014
// if canceled.
//
// The wrapper is a plain iterator object, not an async generator: V8 allocates generator
// objects in the old generation, so every generator a statement creates keeps what it
// references (its context, its last batch) alive through young-generation collections until
// the next full one. One generator per node per execution made a short prepared query promote
// its whole working set (~10 KB), and scavenges copy it twice before it dies.
import type { Row } from './exec-context';
import type { Runner } from '../operators/runner';
import type { ExecContext } from './exec-context';

const PACE_MS = 10;

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * One run of a paced runner. Delegates to the inner run (created at the first next(), as a
 * generator's body starts then); between batches it may await the checkpoint first. Calls are
 * not overlapped (every consumer awaits each next()), as with the generator it replaces.
 */
class PacedRun implements AsyncGenerator<Row[]> {
  private inner: AsyncGenerator<Row[]> | undefined;
  /** performance.now() of the last pause (the run's start at first). */
  private last = 0;
  private closed = false;

  constructor(
    private readonly run: Runner,
    private readonly checkpoint: () => Promise<void>,
  ) {}

  next(): Promise<IteratorResult<Row[]>> {
    if (this.closed) return Promise.resolve(DONE);
    const inner = this.inner;
    if (!inner) {
      this.last = performance.now();
      return (this.inner = this.run()).next();
    }
    if (performance.now() - this.last <= PACE_MS) return inner.next();
    return this.pauseThenNext(inner);
  }

  private async pauseThenNext(inner: AsyncGenerator<Row[]>): Promise<IteratorResult<Row[]>> {
    try {
      await this.checkpoint();
    } catch (e) {
      // As a generator's for-await does on an abrupt exit: close the input, then throw.
      this.closed = true;
      await inner.return(undefined);
      throw e;
    }
    this.last = performance.now();
    return inner.next();
  }

  async return(value?: unknown): Promise<IteratorResult<Row[]>> {
    this.closed = true;
    if (this.inner) await this.inner.return(undefined);
    return { done: true, value: value as undefined };
  }

  async throw(e?: unknown): Promise<IteratorResult<Row[]>> {
    this.closed = true;
    if (this.inner) await this.inner.return(undefined);
    throw e;
  }

  [Symbol.asyncIterator](): AsyncGenerator<Row[]> {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return(undefined);
  }
}

export function paced(ctx: ExecContext, run: Runner): Runner {
  const checkpoint = ctx.checkpoint;
  if (!checkpoint) return run;
  return () => new PacedRun(run, checkpoint);
}

// Keeps a statement from holding the event loop. Operators that consume their whole input
// before producing (aggregate, sort, hash build) pull batch after batch from a leaf without
// ever returning to the event loop, and row-multiplying nodes (ProjectSet over an endless
// generate_series, nested loops) can produce batch after batch from one input batch, so
// statement_timeout's timer and CancelRequests could not run until the statement ended by
// itself. Every node is wrapped: after a batch, when more than PACE_MS passed since the last
// pause, it awaits the statement's checkpoint, which yields to the event loop and throws 57014
// if canceled.
import type { Runner } from '../operators/runner';
import type { ExecContext } from './exec-context';

const PACE_MS = 10;

export function paced(ctx: ExecContext, run: Runner): Runner {
  const checkpoint = ctx.checkpoint;
  if (!checkpoint) return run;
  return async function* pacedRun() {
    let last = performance.now();
    for await (const batch of run()) {
      yield batch;
      const now = performance.now();
      if (now - last > PACE_MS) {
        await checkpoint();
        last = performance.now();
      }
    }
  };
}

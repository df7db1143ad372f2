// Cancellation of the running statement: a CancelRequest (user) or statement_timeout fires an
// AbortController; long-running work (pg_sleep, row loops, COPY, backpressure waits) races its
// promises against it and polls throwIfCanceled() between rows.
import { canceled, type SqlError } from '@vecgres/errors';

export const USER_CANCEL_MESSAGE = 'canceling statement due to user request';
export const TIMEOUT_CANCEL_MESSAGE = 'canceling statement due to statement timeout';
/** Longest run of statement work between two event-loop turns (timers, CancelRequest). */
export const YIELD_INTERVAL_MS = 2;

export class StatementControl {
  private readonly timer: NodeJS.Timeout | undefined;
  /** performance.now() of the last event-loop turn taken (statement start at first). */
  private lastYield = performance.now();

  /**
   * timeoutMs: statement_timeout in ms, 0 = none. `controller`: a previous statement's
   * (see reusableController): every AbortSignal node creates is kept alive past the young
   * generation, so one per statement made a short query loop garbage-collect old space often.
   */
  constructor(timeoutMs: number, private readonly controller = new AbortController()) {
    if (timeoutMs > 0) {
      this.timer = setTimeout(() => this.abort(canceled(TIMEOUT_CANCEL_MESSAGE)), timeoutMs);
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** CancelRequest for this session. */
  cancel(): void {
    this.abort(canceled(USER_CANCEL_MESSAGE));
  }

  throwIfCanceled(): void {
    if (this.controller.signal.aborted) throw this.controller.signal.reason as SqlError;
  }

  /** Resolves like `promise`, or rejects with the 57014 error as soon as the statement is canceled. */
  race<T>(promise: Promise<T>): Promise<T> {
    const signal = this.controller.signal;
    if (signal.aborted) return Promise.reject(signal.reason as SqlError);
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason as SqlError);
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  /** Cancelable sleep. */
  sleep(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    return this.race(done).finally(() => clearTimeout(timer));
  }

  /**
   * Lets timers and the CancelRequest socket run during a long synchronous row loop. A turn of
   * the event loop costs microseconds that a short statement (a prepared top-k query: one
   * batch) would pay on every execution, so it is taken at most every YIELD_INTERVAL_MS of the
   * statement's run time; in between this only reports a cancel that already happened.
   */
  yieldToEventLoop(): Promise<void> {
    const signal = this.controller.signal;
    if (signal.aborted) return Promise.reject(signal.reason as SqlError);
    const now = performance.now();
    if (now - this.lastYield < YIELD_INTERVAL_MS) return Promise.resolve();
    this.lastYield = now;
    return this.race(new Promise<void>((resolve) => setImmediate(resolve)));
  }

  /** The statement ended: stop the timeout timer. */
  finish(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /**
   * After finish(): the controller, for the session's next statement, when it was never
   * aborted (listeners are removed as their waits settle, so it carries nothing over).
   */
  reusableController(): AbortController | undefined {
    return this.controller.signal.aborted ? undefined : this.controller;
  }

  private abort(reason: SqlError): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }
}

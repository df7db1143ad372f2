// Idle timeouts: PostgreSQL's idle_session_timeout and idle_in_transaction_session_timeout.
// PostgresMain arms one of them right before it sends ReadyForQuery and blocks reading the next
// command, and disarms it once input arrives; on expiry the backend ends with a FATAL error.
// Which one depends on the transaction state: outside a block only idle_session_timeout
// applies, inside one (also a failed one) only idle_in_transaction_session_timeout.
// @see https://www.postgresql.org/docs/16/runtime-config-client.html#GUC-IDLE-SESSION-TIMEOUT
import { SqlError, SQLSTATE } from '@vecgres/errors';
import type { IdleTimeouts, TransactionStatus } from '../query-handler';

/**
 * setTimeout's largest delay (2^31 - 1 ms, also the GUCs' INT_MAX). Node turns anything larger
 * into 1 ms, which would close the session at once instead of practically never.
 */
export const MAX_TIMER_MS = 0x7fffffff;

export interface IdleDeadline {
  ms: number;
  /** The FATAL error to send when it expires. */
  error: () => SqlError;
}

/** The timeout that applies while waiting in this transaction status, or null when it is off. */
export function idleDeadline(status: TransactionStatus, timeouts: IdleTimeouts | undefined): IdleDeadline | null {
  if (!timeouts) return null;
  const inBlock = status !== 'I';
  const ms = inBlock ? timeouts.idleInTransactionMs : timeouts.idleSessionMs;
  // 0 (and anything nonsensical a handler might hand over) means off.
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return {
    ms: Math.min(Math.ceil(ms), MAX_TIMER_MS),
    error: inBlock
      ? () =>
          new SqlError(SQLSTATE.IDLE_IN_TRANSACTION_SESSION_TIMEOUT, 'terminating connection due to idle-in-transaction timeout', {
            severity: 'FATAL',
          })
      : () => new SqlError(SQLSTATE.IDLE_SESSION_TIMEOUT, 'terminating connection due to idle-session timeout', { severity: 'FATAL' }),
  };
}

/** One connection's idle timer: at most one deadline is pending at a time. */
export class IdleTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** onExpire receives the FATAL error to send; the connection then closes. */
  constructor(private readonly onExpire: (error: SqlError) => void) {}

  get armed(): boolean {
    return this.timer !== null;
  }

  /** Starts the timeout for this status (replacing a pending one); no-op when it is off. */
  arm(status: TransactionStatus, timeouts: IdleTimeouts | undefined): void {
    this.disarm();
    const deadline = idleDeadline(status, timeouts);
    if (!deadline) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onExpire(deadline.error());
    }, deadline.ms);
    // An idle client must not keep the process alive (shutdown terminates sessions anyway).
    this.timer.unref?.();
  }

  disarm(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }
}

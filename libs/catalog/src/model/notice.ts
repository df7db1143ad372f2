// Notices raised by DDL (NOTICE `relation "t" already exists, skipping`, WARNING `TIMESTAMP(7)
// precision reduced ...`). pg-wire sends them as NoticeResponse before CommandComplete.
import type { SqlState } from '@vecgres/errors';

export interface CatalogNotice {
  severity: 'NOTICE' | 'WARNING';
  sqlstate: SqlState;
  message: string;
  detail?: string;
  hint?: string;
}

export function notice(sqlstate: SqlState, message: string, extra: { detail?: string; hint?: string } = {}): CatalogNotice {
  return { severity: 'NOTICE', sqlstate, message, ...extra };
}

export function warning(sqlstate: SqlState, message: string, extra: { detail?: string; hint?: string } = {}): CatalogNotice {
  return { severity: 'WARNING', sqlstate, message, ...extra };
}

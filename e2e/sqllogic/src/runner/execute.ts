// Runs one record's SQL over a node-postgres connection and captures the outcome as text:
// every value stays in the server's text format (no type parsers), rows as arrays.
import type { Client, QueryArrayResult } from 'pg';
import type { RawValue } from '../format/results';

export interface ServerError {
  /** Absent when the failure is not a server error (connection lost, client-side error). */
  sqlstate?: string;
  message: string;
  detail?: string;
  hint?: string;
  position?: string;
}

export type Outcome =
  | { kind: 'ok'; command: string; typeOids: number[]; rows: RawValue[][] }
  | { kind: 'error'; error: ServerError };

/** Leave every value as the text the server sent (`pg` would otherwise parse ints, dates, ...). */
const RAW_TEXT = { getTypeParser: () => (value: string) => value };

/**
 * Sends `sql` with the simple query protocol (no parameters), so a record may hold several
 * statements; a query record's result is the last statement's.
 */
export async function execute(client: Client, sql: string): Promise<Outcome> {
  try {
    const res = (await client.query({ text: sql, rowMode: 'array', types: RAW_TEXT })) as
      | QueryArrayResult<RawValue[]>
      | QueryArrayResult<RawValue[]>[];
    const last = Array.isArray(res) ? res[res.length - 1]! : res;
    return {
      kind: 'ok',
      command: last.command ?? '',
      typeOids: (last.fields ?? []).map((f) => f.dataTypeID),
      rows: last.rows ?? [],
    };
  } catch (err) {
    const e = err as { code?: unknown; message?: string; detail?: string; hint?: string; position?: string };
    return {
      kind: 'error',
      error: {
        sqlstate: typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined,
        message: e.message ?? String(err),
        detail: e.detail,
        hint: e.hint,
        position: e.position,
      },
    };
  }
}

export function formatServerError(e: ServerError): string {
  const parts = [`${e.sqlstate ?? '(no SQLSTATE)'}: ${e.message}`];
  if (e.detail) parts.push(`DETAIL: ${e.detail}`);
  if (e.hint) parts.push(`HINT: ${e.hint}`);
  return parts.join('\n');
}

// pg_stat_activity's rows: one per session past authentication, keyed like the server's
// session registry (`<processId>:<secretKey>`). The session running the query is `active`;
// the others are described by their transaction state (their query text is not tracked yet).
import type { Session } from '@vecgres/executor';

type ActivityRow = ReturnType<NonNullable<Session['serverInfo']['activity']>>[number];

const IDLE_STATE: Record<Session['transactionStatus'], string> = {
  I: 'idle', T: 'idle in transaction', E: 'idle in transaction (aborted)',
};

export function activityRows(sessions: ReadonlyMap<string, { readonly session: Session }>, current: Session): ActivityRow[] {
  return [...sessions].map(([key, handler]) => {
    const s = handler.session;
    return {
      pid: Number(key.split(':')[0]),
      database: s.db.name,
      user: s.user,
      applicationName: s.settings.find('application_name') ?? '',
      state: s === current ? 'active' : IDLE_STATE[s.transactionStatus],
      query: null,
      backendType: 'client backend',
    };
  });
}

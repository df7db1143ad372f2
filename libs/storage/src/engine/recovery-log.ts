// One log line for a RecoverySummary: the server prints it at start so an operator sees what
// was replayed and, above all, whether (and where) the WAL was cut.
import type { RecoverySummary } from './recovery';

export function formatRecoverySummary(s: RecoverySummary): string {
  const parts = [
    s.hadCheckpoint ? `checkpoint at LSN ${s.checkpointLsn}` : 'no checkpoint',
    `replayed ${s.commitsReplayed} commits (LSN ${s.replayFromLsn}..${s.lastLsn}: ${s.rowsInserted} rows inserted, ${s.rowsDeleted} deleted, ${s.ddl} DDL)`,
    `${s.tables} tables, ${s.sealedSegments} sealed segments`,
  ];
  if ((s.transactionsDiscarded ?? 0) > 0) parts.push(`discarded ${s.transactionsDiscarded} uncommitted large transaction(s)`);
  if (s.walStop) {
    const w = s.walStop;
    parts.push(`WAL cut at ${w.file} offset ${w.offset} (LSN ${w.lsn}: ${w.reason})`);
    if (s.walRepaired.length > 0) parts.push(`repaired ${s.walRepaired.join(', ')}`);
  }
  return `recovery: ${parts.join('; ')}`;
}

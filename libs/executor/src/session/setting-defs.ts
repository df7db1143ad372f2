// The definitions of the run-time parameters (GUCs) a session knows: canonical spelling,
// description, GUC_REPORT, read-only-ness and value validation/normalisation with PostgreSQL's
// messages. SessionSettings (settings.ts) holds a session's values over these.
// @see https://www.postgresql.org/docs/16/runtime-config-client.html
import { type SqlError, invalidParameter, notSupported } from '@vecgres/errors';
import type { SettingInfo } from '@vecgres/catalog';
import { formatDuration, normalizeDateStyle, normalizeTimeZone, parseDuration } from './setting-values';
import { RESOURCE_SETTINGS } from './resource-settings';

export const VECGRES_VERSION = '0.1.0';
/** The PostgreSQL version we answer as (server_version_num is derived from it). */
export const PG_VERSION = '16.0';
/**
 * server_version everywhere (ParameterStatus, SHOW, current_setting): the version plus who we
 * are, the way distribution builds report `16.4 (Debian 16.4-1)` in all three places; drivers
 * parse the leading number.
 */
export const SERVER_VERSION = `${PG_VERSION} (vecgres ${VECGRES_VERSION})`;

export interface SettingDef {
  /** Canonical spelling (SHOW's column name). */
  name: string;
  description: string;
  /** GUC_REPORT: sent as ParameterStatus at startup and on change. */
  report?: boolean;
  /** Cannot be SET: 'internal' (fixed) or 'postmaster' (needs a restart). */
  fixed?: 'internal' | 'postmaster';
  /** Validates and normalises a new value; throws 22023 when invalid. */
  normalize?: (value: string, name: string) => string;
  /** Extension parameters: the boot value (builtin defaults are in SessionSettings). */
  boot?: string;
  /** Extra pg_settings columns (vartype, min_val, max_val, enumvals, extra_desc). */
  info?: Partial<SettingInfo>;
}

function invalidValue(name: string, value: string, hint?: string): SqlError {
  return invalidParameter(`invalid value for parameter "${name}": "${value}"`, hint === undefined ? {} : { hint });
}

function oneOf(values: string[]) {
  return (value: string, name: string): string => {
    const v = values.find((x) => x.toLowerCase() === value.toLowerCase());
    if (!v) throw invalidValue(name, value, `Available values: ${values.join(', ')}.`);
    return v;
  };
}

function boolSetting(value: string, name: string): string {
  const v = value.toLowerCase();
  if (['on', 'true', 'yes', '1'].includes(v)) return 'on';
  if (['off', 'false', 'no', '0'].includes(v)) return 'off';
  throw invalidParameter(`parameter "${name}" requires a Boolean value`);
}

function intRange(min: number, max: number) {
  return (value: string, name: string): string => {
    if (!/^\s*[+-]?\d+\s*$/.test(value)) throw invalidValue(name, value);
    const n = Number(value);
    if (n < min || n > max) {
      throw invalidParameter(`${n} is outside the valid range for parameter "${name}" (${min} .. ${max})`);
    }
    return String(n);
  };
}

/** A GUC_UNIT_MS integer in 0 .. INT_MAX (statement_timeout, the idle timeouts); guc.c names the unit in range errors. */
function timeoutSetting(value: string, name: string): string {
  const ms = parseDuration(value);
  if (ms === null) throw invalidValue(name, value);
  if (ms < 0 || ms > 2147483647) {
    throw invalidParameter(`${ms} ms is outside the valid range for parameter "${name}" (0 ms .. 2147483647 ms)`);
  }
  return formatDuration(ms);
}

export const DEFS: readonly SettingDef[] = [
  { name: 'application_name', description: 'Sets the application name to be reported in statistics and logs.', report: true },
  {
    name: 'client_encoding',
    description: "Sets the client's character set encoding.",
    report: true,
    normalize: (value) => {
      if (['utf8', 'utf-8', 'unicode'].includes(value.toLowerCase())) return 'UTF8';
      throw notSupported(`conversion between ${value.toUpperCase()} and UTF8 is not supported`);
    },
  },
  {
    name: 'client_min_messages',
    description: 'Sets the message levels that are sent to the client.',
    normalize: oneOf(['debug5', 'debug4', 'debug3', 'debug2', 'debug1', 'log', 'notice', 'warning', 'error']),
  },
  { name: 'DateStyle', description: 'Sets the display format for date and time values.', report: true, normalize: normalizeDateStyle },
  { name: 'default_transaction_read_only', description: 'Sets the default read-only status of new transactions.', report: true, normalize: boolSetting },
  {
    name: 'idle_in_transaction_session_timeout',
    description: 'Sets the maximum allowed idle time between queries, when in a transaction.',
    normalize: timeoutSetting,
  },
  {
    name: 'idle_session_timeout',
    description: 'Sets the maximum allowed idle time between queries, when not in a transaction.',
    normalize: timeoutSetting,
  },
  {
    name: 'default_transaction_isolation',
    description: 'Sets the transaction isolation level of each new transaction.',
    normalize: oneOf(['serializable', 'repeatable read', 'read committed', 'read uncommitted']),
  },
  { name: 'extra_float_digits', description: 'Sets the number of digits displayed for floating-point values.', normalize: intRange(-15, 3) },
  { name: 'in_hot_standby', description: 'Shows whether hot standby is currently active.', report: true, fixed: 'internal' },
  { name: 'integer_datetimes', description: 'Shows whether datetimes are integer based.', report: true, fixed: 'internal' },
  {
    name: 'IntervalStyle',
    description: 'Sets the display format for interval values.',
    report: true,
    normalize: oneOf(['postgres', 'postgres_verbose', 'sql_standard', 'iso_8601']),
  },
  { name: 'is_superuser', description: 'Shows whether the current user is a superuser.', report: true, fixed: 'internal' },
  { name: 'lock_timeout', description: 'Sets the maximum allowed duration of any wait for a lock.', normalize: timeoutSetting },
  { name: 'max_connections', description: 'Sets the maximum number of concurrent connections.', fixed: 'postmaster' },
  // A server setting (VECGRES_MAX_WAL_SIZE / config file maxWalSize, in MB): the WAL written
  // since the last checkpoint that triggers the next one.
  { name: 'max_wal_size', description: 'Sets the WAL size that triggers a checkpoint.', fixed: 'postmaster' },
  { name: 'search_path', description: 'Sets the schema search order for names that are not schema-qualified.' },
  { name: 'server_encoding', description: 'Shows the server (database) character set encoding.', report: true, fixed: 'internal' },
  { name: 'server_version', description: 'Shows the server version.', report: true, fixed: 'internal' },
  { name: 'server_version_num', description: 'Shows the server version as an integer.', fixed: 'internal' },
  { name: 'session_authorization', description: 'Sets the session user name.', report: true, fixed: 'internal' },
  {
    name: 'standard_conforming_strings',
    description: "Causes '...' strings to treat backslashes literally.",
    report: true,
    normalize: (value, name) => {
      if (boolSetting(value, name) !== 'on') {
        throw invalidValue(name, value, 'vecgres only supports standard_conforming_strings = on.');
      }
      return 'on';
    },
  },
  {
    name: 'statement_timeout',
    description: 'Sets the maximum allowed duration of any statement.',
    normalize: timeoutSetting,
  },
  {
    name: 'synchronous_commit',
    description: "Sets the current transaction's synchronization level.",
    // off acknowledges a COMMIT after the WAL write (fsync follows within 200 ms); there are no
    // standbys, so local / remote_write / remote_apply behave like on.
    normalize: (value, name) => {
      const v = value.toLowerCase();
      if (['true', 'yes', '1'].includes(v)) return 'on';
      if (['false', 'no', '0'].includes(v)) return 'off';
      return oneOf(['local', 'remote_write', 'remote_apply', 'on', 'off'])(value, name);
    },
  },
  {
    name: 'synchronous_commit',
    description: "Sets the current transaction's synchronization level.",
    normalize: (value, name) => {
      const v = value.toLowerCase();
      if (['local', 'remote_write', 'remote_apply', 'on', 'off'].includes(v)) return v;
      if (['true', 'yes', '1'].includes(v)) return 'on';
      if (['false', 'no', '0'].includes(v)) return 'off';
      throw invalidValue(name, value, 'Available values: local, remote_write, remote_apply, on, off.');
    },
  },
  { name: 'TimeZone', description: 'Sets the time zone for displaying and interpreting time stamps.', report: true, normalize: normalizeTimeZone },
  { name: 'transaction_isolation', description: "Sets the current transaction's isolation level.", fixed: 'internal' },
  ...RESOURCE_SETTINGS,
];

export const DEFS_BY_NAME: ReadonlyMap<string, SettingDef> = new Map(DEFS.map((d) => [d.name.toLowerCase(), d]));


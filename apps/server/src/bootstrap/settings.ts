// The session's run-time parameters (GUCs) the bootstrap handler knows. Values are kept as
// strings in PostgreSQL's display form; `report` ones are sent as ParameterStatus when they
// change (GUC_REPORT). Names are case-insensitive; names with a dot are custom placeholders
// (`myapp.flag`), accepted like PostgreSQL does.
// @see https://www.postgresql.org/docs/16/runtime-config-client.html
import { SqlError, SQLSTATE, invalidParameter, notSupported, undefinedObject } from '@vecgres/errors';
import { normalizeTimeZone, parseDuration, formatDuration, normalizeDateStyle } from './setting-values';

export const VECGRES_VERSION = '0.1.0';
/** The PostgreSQL version we answer as (server_version_num is derived from it). */
export const PG_VERSION = '16.0';
/**
 * server_version everywhere (ParameterStatus, SHOW, current_setting): the version plus who we
 * are, the way distribution builds report `16.4 (Debian 16.4-1)` in all three places; drivers
 * parse the leading number.
 */
export const SERVER_VERSION = `${PG_VERSION} (vecgres ${VECGRES_VERSION})`;

interface SettingDef {
  /** Canonical spelling (SHOW's column name). */
  name: string;
  description: string;
  /** GUC_REPORT: sent as ParameterStatus at startup and on change. */
  report?: boolean;
  /** Cannot be SET: 'internal' (fixed) or 'postmaster' (needs a restart). */
  fixed?: 'internal' | 'postmaster';
  /** Validates and normalises a new value; throws 22023 when invalid. */
  normalize?: (value: string, name: string) => string;
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

const DEFS: readonly SettingDef[] = [
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
  { name: 'max_connections', description: 'Sets the maximum number of concurrent connections.', fixed: 'postmaster' },
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
  { name: 'TimeZone', description: 'Sets the time zone for displaying and interpreting time stamps.', report: true, normalize: normalizeTimeZone },
  { name: 'transaction_isolation', description: "Sets the current transaction's isolation level.", fixed: 'internal' },
];

const DEFS_BY_NAME: ReadonlyMap<string, SettingDef> = new Map(DEFS.map((d) => [d.name.toLowerCase(), d]));

export interface SettingsInit {
  user: string;
  maxConnections: number;
}

/** A session's parameter values. */
export class Settings {
  private readonly values = new Map<string, string>();
  private readonly defaults = new Map<string, string>();

  constructor(init: SettingsInit) {
    const d: Record<string, string> = {
      application_name: '', client_encoding: 'UTF8', DateStyle: 'ISO, MDY',
      default_transaction_read_only: 'off', extra_float_digits: '1', in_hot_standby: 'off',
      idle_in_transaction_session_timeout: '0', idle_session_timeout: '0',
      integer_datetimes: 'on', IntervalStyle: 'postgres', is_superuser: 'on',
      max_connections: String(init.maxConnections), search_path: '"$user", public',
      server_encoding: 'UTF8', server_version: SERVER_VERSION, server_version_num: '160000',
      session_authorization: init.user, standard_conforming_strings: 'on', statement_timeout: '0',
      TimeZone: 'UTC', transaction_isolation: 'read committed',
    };
    for (const [name, value] of Object.entries(d)) {
      this.defaults.set(name.toLowerCase(), value);
      this.values.set(name.toLowerCase(), value);
    }
  }

  /** Canonical name of a known or already-set custom parameter; throws 42704 otherwise. */
  canonicalName(name: string): string {
    const key = name.toLowerCase();
    const def = DEFS_BY_NAME.get(key);
    if (def) return def.name;
    if (this.values.has(key)) return key;
    throw undefinedObject(`unrecognized configuration parameter "${name}"`);
  }

  get(name: string): string {
    this.canonicalName(name);
    return this.values.get(name.toLowerCase())!;
  }

  /** The value SET would store (validated and normalised), without storing it. */
  prepare(name: string, value: string | null): { key: string; name: string; value: string; report: boolean } {
    const key = name.toLowerCase();
    const def = DEFS_BY_NAME.get(key);
    if (!def && !key.includes('.') && !this.values.has(key)) throw undefinedObject(`unrecognized configuration parameter "${name}"`);
    if (def?.fixed === 'internal') {
      throw new SqlError(SQLSTATE.CANT_CHANGE_RUNTIME_PARAM, `parameter "${def.name}" cannot be changed`);
    }
    if (def?.fixed === 'postmaster') {
      throw new SqlError(
        SQLSTATE.CANT_CHANGE_RUNTIME_PARAM,
        `parameter "${def.name}" cannot be changed without restarting the server`,
      );
    }
    const stored = value === null ? (this.defaults.get(key) ?? '') : def?.normalize ? def.normalize(value, def.name) : value;
    return { key, name: def?.name ?? key, value: stored, report: def?.report === true };
  }

  /** Stores a prepared value; returns the previous one (undefined for a new custom parameter). */
  store(key: string, value: string | undefined): string | undefined {
    const old = this.values.get(key);
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    return old;
  }

  /**
   * A StartupMessage parameter this handler has no definition for (lock_timeout, ...):
   * kept as a plain value so SHOW and current_setting see it, instead of refusing the client.
   */
  storeUnvalidated(name: string, value: string): void {
    const key = name.toLowerCase();
    this.values.set(key, value);
    if (!this.defaults.has(key)) this.defaults.set(key, value);
  }

  /** Whether the handler knows this parameter's rules. */
  isKnown(name: string): boolean {
    return DEFS_BY_NAME.has(name.toLowerCase());
  }

  /** Keys of every parameter RESET ALL touches (the settable ones). */
  resettableKeys(): string[] {
    return [...this.values.keys()].filter((k) => !DEFS_BY_NAME.get(k)?.fixed);
  }

  /** The GUC_REPORT parameters and their values (ParameterStatus). */
  reported(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const def of DEFS) if (def.report) out[def.name] = this.values.get(def.name.toLowerCase())!;
    return out;
  }

  /** SHOW ALL rows, sorted by name like PostgreSQL. */
  all(): Array<[string, string, string]> {
    const rows: Array<[string, string, string]> = [];
    for (const [key, value] of this.values) {
      const def = DEFS_BY_NAME.get(key);
      rows.push([def?.name ?? key, value, def?.description ?? '']);
    }
    return rows.sort((a, b) => a[0].toLowerCase().localeCompare(b[0].toLowerCase()));
  }

  /** statement_timeout in milliseconds (0 = none). */
  statementTimeoutMs(): number {
    return this.durationMs('statement_timeout');
  }

  /** idle_session_timeout in milliseconds (0 = none). */
  idleSessionTimeoutMs(): number {
    return this.durationMs('idle_session_timeout');
  }

  /** idle_in_transaction_session_timeout in milliseconds (0 = none). */
  idleInTransactionTimeoutMs(): number {
    return this.durationMs('idle_in_transaction_session_timeout');
  }

  private durationMs(key: string): number {
    return parseDuration(this.values.get(key)!) ?? 0;
  }

  extraFloatDigits(): number {
    return Number(this.values.get('extra_float_digits'));
  }
}

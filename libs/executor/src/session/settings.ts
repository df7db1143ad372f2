// A session's run-time parameters (GUCs): the one settings implementation the engine and the
// server share. Values are strings in PostgreSQL's display form; definitions (validation,
// GUC_REPORT, read-only) live in setting-defs.ts. Names are case-insensitive; names with a dot
// are custom placeholders (`myapp.flag`), accepted like PostgreSQL does.
//
// SET is transactional like guc.c: the Session reports each transaction's end here; a rollback
// restores the values from before the transaction; a commit keeps them, except that a
// parameter touched by SET LOCAL goes back to its last session-level SET (or the original).
// @see https://www.postgresql.org/docs/16/runtime-config-client.html
import { DEFAULT_SEARCH_PATH, formatSearchPath, parseSearchPath } from '@vecgres/catalog';
import { SqlError, SQLSTATE, undefinedObject } from '@vecgres/errors';
import type { SettingInfo } from '@vecgres/catalog';
import { createTimeZone, type DateOrder, type DateOutputStyle, type IntervalStyle, type TextOutputOptions } from '@vecgres/pg-types';
import type { Expr, SetStmt } from '@vecgres/sql';
import { DEFS, DEFS_BY_NAME, SERVER_VERSION, type SettingDef } from './setting-defs';
import { extensionSettings } from './vector-settings';
import { normalizeDateStyle, parseDuration } from './setting-values';

export interface SettingsInit {
  user?: string;
  maxConnections?: number;
  /** max_wal_size as the server was started with ('1GB'). */
  maxWalSize?: string;
}

interface GucChange {
  /** Value before the transaction (undefined: a custom parameter that did not exist). */
  original: string | undefined;
  /** Last value set by a plain (session) SET in this transaction. */
  sessionValue?: string | undefined;
  hasLocal: boolean;
}

/** The text of SET's argument list: constants joined by ', ' (search_path takes a list). */
function valueText(e: Expr): string {
  if (e.kind === 'const') {
    const v = e.value;
    return v.type === 'null' ? '' : v.type === 'bool' ? (v.value ? 'on' : 'off') : String(v.value);
  }
  if (e.kind === 'columnRef') return e.names.join('.');
  return '';
}

/** Values derived from one version of the settings (see SessionSettings.version). */
interface SettingsMemo {
  version: number;
  reported?: Readonly<Record<string, string>>;
  textOptions?: TextOutputOptions;
  durations: Map<string, number>;
  derived?: Map<string, unknown>;
}

export class SessionSettings {
  private readonly values = new Map<string, string>();
  private readonly defaults = new Map<string, string>();
  /** Changes made in the running transaction (restored or settled at its end). */
  private changes = new Map<string, GucChange>();
  /** Parameters of extensions loaded in this session (hnsw.ef_search, ...), by lower-case name. */
  private readonly extensionDefs = new Map<string, SettingDef>();
  /** MarkGUCPrefixReserved: custom names under these prefixes are refused once loaded. */
  private readonly reservedPrefixes = new Set<string>();
  private readonly loadedExtensions = new Set<string>();
  private installedExtensions: (() => Iterable<string>) | undefined;
  /**
   * Bumped by every change of `values`. The derived forms a query reads on every execution
   * (ParameterStatus values, text I/O options, timeouts) are memoized per version: building
   * them again per statement was measurable in a short prepared query's cost.
   */
  private version = 0;
  private memo: SettingsMemo = { version: 0, durations: new Map() };

  constructor(init: SettingsInit = {}) {
    const d: Record<string, string> = {
      application_name: '', client_encoding: 'UTF8', client_min_messages: 'notice', DateStyle: 'ISO, MDY',
      default_transaction_isolation: 'read committed', default_transaction_read_only: 'off',
      extra_float_digits: '1', in_hot_standby: 'off', idle_in_transaction_session_timeout: '0',
      idle_session_timeout: '0', integer_datetimes: 'on', IntervalStyle: 'postgres', is_superuser: 'on',
      lock_timeout: '0', max_connections: String(init.maxConnections ?? 100), max_wal_size: init.maxWalSize ?? '1GB',
      search_path: formatSearchPath(DEFAULT_SEARCH_PATH), server_encoding: 'UTF8', server_version: SERVER_VERSION,
      server_version_num: '160000', session_authorization: init.user ?? 'postgres', standard_conforming_strings: 'on',
      statement_timeout: '0', synchronous_commit: 'on', TimeZone: 'UTC', transaction_isolation: 'read committed',
    };
    for (const [name, value] of Object.entries(d)) {
      this.defaults.set(name.toLowerCase(), value);
      this.values.set(name.toLowerCase(), value);
    }
    // Builtin parameters that carry their boot value in their definition (resource-settings.ts).
    for (const def of DEFS) {
      const key = def.name.toLowerCase();
      if (def.boot !== undefined && !this.defaults.has(key)) {
        this.defaults.set(key, def.boot);
        this.values.set(key, def.boot);
      }
    }
  }

  /**
   * Where the session finds the extensions installed in its catalog: an extension's parameters
   * are defined the first time it is seen (PostgreSQL defines them when the library loads).
   */
  watchExtensions(installed: () => Iterable<string>): void {
    this.installedExtensions = installed;
  }

  /** Defines the parameters of newly seen extensions; SET placeholders keep valid values. */
  private loadExtensions(): void {
    if (!this.installedExtensions) return;
    for (const ext of this.installedExtensions()) {
      if (this.loadedExtensions.has(ext)) continue;
      this.loadedExtensions.add(ext);
      const settings = extensionSettings(ext);
      if (!settings) continue;
      for (const def of settings.defs) {
        const key = def.name.toLowerCase();
        this.extensionDefs.set(key, def);
        this.defaults.set(key, def.boot ?? '');
        const placeholder = this.values.get(key);
        let value = def.boot ?? '';
        if (placeholder !== undefined && def.normalize) {
          try {
            value = def.normalize(placeholder, def.name);
          } catch {
            // guc.c warns and keeps the default for a placeholder value the definition rejects.
          }
        }
        this.values.set(key, value);
        this.version++;
      }
      for (const p of settings.reservedPrefixes) this.reservedPrefixes.add(p);
    }
  }

  /** The definition of a builtin or loaded extension parameter. */
  private def(key: string): SettingDef | undefined {
    this.loadExtensions();
    return DEFS_BY_NAME.get(key) ?? this.extensionDefs.get(key);
  }

  /** Canonical name of a known or already-set custom parameter; throws 42704 otherwise. */
  canonicalName(name: string): string {
    const key = name.toLowerCase();
    const def = this.def(key);
    if (def) return def.name;
    if (this.values.has(key)) return key;
    throw undefinedObject(`unrecognized configuration parameter "${name}"`);
  }

  get(name: string): string {
    this.canonicalName(name);
    return this.values.get(name.toLowerCase())!;
  }

  /** current_setting(name, missing_ok): null for an unknown name when missing_ok. */
  find(name: string): string | null {
    this.loadExtensions();
    return this.values.get(name.toLowerCase()) ?? null;
  }

  /** The values SET in this session, for transaction / savepoint rollback to restore. */
  snapshot(): ReadonlyMap<string, string> {
    return new Map(this.values);
  }

  restore(saved: ReadonlyMap<string, string>): void {
    this.values.clear();
    for (const [k, v] of saved) this.values.set(k, v);
    // Loading an extension's parameters is not transactional (a library stays loaded).
    for (const [k, def] of this.extensionDefs) if (!this.values.has(k)) this.values.set(k, def.boot ?? '');
    this.version++;
  }

  /** search_path as identifiers. */
  searchPath(): string[] {
    return parseSearchPath(this.get('search_path'));
  }

  /** The value SET would store (validated and normalised), without storing it. */
  prepare(name: string, value: string | null): { key: string; name: string; value: string; report: boolean } {
    const key = name.toLowerCase();
    const def = this.def(key);
    if (!def && !key.includes('.') && !this.values.has(key)) throw undefinedObject(`unrecognized configuration parameter "${name}"`);
    const prefix = key.includes('.') ? key.slice(0, key.indexOf('.')) : undefined;
    if (!def && prefix !== undefined && this.reservedPrefixes.has(prefix)) {
      throw new SqlError(SQLSTATE.INVALID_NAME, `invalid configuration parameter name "${name}"`, { detail: `"${prefix}" is a reserved prefix.` });
    }
    if (def?.fixed === 'internal') {
      throw new SqlError(SQLSTATE.CANT_CHANGE_RUNTIME_PARAM, `parameter "${def.name}" cannot be changed`);
    }
    if (def?.fixed === 'postmaster') {
      throw new SqlError(SQLSTATE.CANT_CHANGE_RUNTIME_PARAM, `parameter "${def.name}" cannot be changed without restarting the server`);
    }
    let stored = value === null ? (this.defaults.get(key) ?? '') : def?.normalize ? def.normalize(value, def.name) : value;
    if (key === 'datestyle' && value !== null) stored = normalizeDateStyle(value, def!.name, this.values.get(key));
    if (key === 'search_path' && value !== null) stored = formatSearchPath(parseSearchPath(stored));
    return { key, name: def?.name ?? key, value: stored, report: def?.report === true };
  }

  /** Stores a value; returns the previous one (undefined for a new custom parameter). */
  store(key: string, value: string | undefined): string | undefined {
    const old = this.values.get(key);
    const def = this.extensionDefs.get(key);
    // Undoing a placeholder SET of a parameter defined since then goes back to its boot value.
    if (value === undefined && def) this.values.set(key, def.boot ?? '');
    else if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    this.version++;
    return old;
  }

  /**
   * A StartupMessage parameter with no definition here (lock_timeout, ...): kept as a plain
   * value so SHOW and current_setting see it, instead of refusing the client.
   */
  storeUnvalidated(name: string, value: string): void {
    const key = name.toLowerCase();
    this.values.set(key, value);
    this.version++;
    if (!this.defaults.has(key)) this.defaults.set(key, value);
  }

  isKnown(name: string): boolean {
    return this.def(name.toLowerCase()) !== undefined;
  }

  /** Keys of every parameter RESET ALL touches (the settable ones). */
  resettableKeys(): string[] {
    return [...this.values.keys()].filter((k) => !this.def(k)?.fixed);
  }

  /** Applies a SET/RESET statement inside the running transaction (see the header). */
  apply(stmt: SetStmt): void {
    switch (stmt.action) {
      case 'transaction':
        return;
      case 'resetAll':
        for (const key of this.resettableKeys()) this.set(key, null, false);
        return;
      case 'reset':
      case 'default':
        this.set(stmt.name, null, stmt.local);
        return;
      case 'fromCurrent':
        this.set(stmt.name, this.get(stmt.name), stmt.local);
        return;
      default: {
        // search_path: each list item is one identifier (a quoted string keeps its case and commas).
        const path = stmt.name.toLowerCase() === 'search_path';
        const text = stmt.values
          .map((v) => (path && v.kind === 'const' && v.value.type === 'string' ? `"${v.value.value.replace(/"/g, '""')}"` : valueText(v)))
          .join(', ');
        this.set(stmt.name, text, stmt.local);
      }
    }
  }

  /** One SET name = value (null: the default), recorded for the end of the transaction. */
  set(name: string, value: string | null, local: boolean): void {
    const prepared = this.prepare(name, value);
    const old = this.store(prepared.key, prepared.value);
    let change = this.changes.get(prepared.key);
    if (!change) {
      change = { original: old, hasLocal: false };
      this.changes.set(prepared.key, change);
    }
    if (local) change.hasLocal = true;
    else change.sessionValue = prepared.value;
  }

  /** The transaction ended: settle or undo its SETs. */
  transactionEnded(committed: boolean): void {
    for (const [key, c] of this.changes) {
      if (!committed) this.store(key, c.original);
      else if (c.hasLocal) this.store(key, 'sessionValue' in c ? c.sessionValue : c.original);
    }
    this.changes = new Map();
  }

  /** The GUC_REPORT parameters and their values (ParameterStatus). */
  /** The same (frozen) object while no setting changed: callers may compare by identity. */
  reported(): Readonly<Record<string, string>> {
    const memo = this.memoNow();
    if (memo.reported) return memo.reported;
    const out: Record<string, string> = {};
    for (const def of DEFS) if (def.report) out[def.name] = this.values.get(def.name.toLowerCase())!;
    return (memo.reported = Object.freeze(out));
  }

  /**
   * `make()`'s value, computed once per settings version (e.g. the hnsw.* search settings a
   * vector query reads at every execution). `make` must read nothing but these settings.
   */
  derived<T>(key: string, make: () => T): T {
    this.loadExtensions();
    const memo = this.memoNow();
    const map = (memo.derived ??= new Map());
    if (map.has(key)) return map.get(key) as T;
    const value = make();
    map.set(key, value);
    return value;
  }

  /** The memo of the current settings version (a fresh one after any change). */
  private memoNow(): SettingsMemo {
    if (this.memo.version !== this.version) this.memo = { version: this.version, durations: new Map() };
    return this.memo;
  }

  /** SHOW ALL rows (name, setting, description), sorted by name like PostgreSQL. */
  all(): Array<[string, string, string]> {
    return this.allWithInfo().map(([name, value, description]) => [name, value, description]);
  }

  /** all() plus each definition's pg_settings details (vartype, ranges, enum values, boot value). */
  allWithInfo(): Array<[string, string, string, Partial<SettingInfo>]> {
    this.loadExtensions();
    const rows: Array<[string, string, string, Partial<SettingInfo>]> = [];
    for (const [key, value] of this.values) {
      const def = this.def(key);
      const info: Partial<SettingInfo> = def?.info ? { ...def.info, bootVal: def.boot ?? null, resetVal: this.defaults.get(key) ?? null } : {};
      rows.push([def?.name ?? key, value, def?.description ?? '', info]);
    }
    return rows.sort((a, b) => a[0].toLowerCase().localeCompare(b[0].toLowerCase()));
  }

  statementTimeoutMs(): number {
    return this.durationMs('statement_timeout');
  }

  idleSessionTimeoutMs(): number {
    return this.durationMs('idle_session_timeout');
  }

  idleInTransactionTimeoutMs(): number {
    return this.durationMs('idle_in_transaction_session_timeout');
  }

  private durationMs(key: string): number {
    const memo = this.memoNow();
    let ms = memo.durations.get(key);
    if (ms === undefined) {
      ms = parseDuration(this.values.get(key) ?? '0') ?? 0;
      memo.durations.set(key, ms);
    }
    return ms;
  }

  extraFloatDigits(): number {
    return Number(this.values.get('extra_float_digits'));
  }

  /** Options for pg-types text I/O from DateStyle, TimeZone, IntervalStyle, extra_float_digits. */
  textOptions(): TextOutputOptions {
    const memo = this.memoNow();
    return (memo.textOptions ??= this.makeTextOptions());
  }

  private makeTextOptions(): TextOutputOptions {
    const [style, order] = (this.values.get('datestyle') ?? 'ISO, MDY').split(', ') as [DateOutputStyle, DateOrder];
    const zoneName = this.values.get('timezone') ?? 'UTC';
    return {
      extraFloatDigits: this.extraFloatDigits(),
      dateOrder: order,
      dateStyle: style,
      intervalStyle: (this.values.get('intervalstyle') ?? 'postgres') as IntervalStyle,
      timeZone: createTimeZone(zoneName) ?? zoneName,
    };
  }
}

// StartupMessage parameters become the session's initial settings, like PostgreSQL's
// process_startup_options: known ones are validated (a bad value is FATAL), `options` carries
// `-c name=value` / `--name=value` pairs, and unknown names are kept as plain values rather
// than refusing the client (drivers send lock_timeout and friends we do not implement).
import { isSqlError } from '@vecgres/errors';
import type { SessionSettings as Settings } from './settings';

const NOT_SETTINGS = new Set(['user', 'database', 'replication', 'options']);

/** Splits libpq's `options` string into name/value pairs (`-c a=b --c=d`, `\ ` escapes a space). */
export function parseOptionsParam(options: string): Array<[string, string]> {
  const words: string[] = [];
  let cur = '';
  for (let i = 0; i < options.length; i++) {
    const c = options[i]!;
    if (c === '\\' && i + 1 < options.length) cur += options[++i];
    else if (/\s/.test(c)) {
      if (cur) words.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur) words.push(cur);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    if (w === '-c' && i + 1 < words.length) w = words[++i]!;
    else if (w.startsWith('--')) w = w.slice(2);
    else if (w.startsWith('-c')) w = w.slice(2);
    else continue;
    const eq = w.indexOf('=');
    if (eq > 0) pairs.push([w.slice(0, eq).replace(/-/g, '_'), w.slice(eq + 1)]);
  }
  return pairs;
}

function applyOne(settings: Settings, name: string, value: string): void {
  if (!settings.isKnown(name)) {
    settings.storeUnvalidated(name, value);
    return;
  }
  try {
    const p = settings.prepare(name, value);
    settings.store(p.key, p.value);
  } catch (err) {
    // Read-only parameters a client echoes back (server_version, ...) are ignored; a bad value
    // for a settable one ends the connection, as in PostgreSQL.
    if (isSqlError(err) && err.sqlstate === '55P02') return;
    throw isSqlError(err) ? err.with({ severity: 'FATAL' }) : err;
  }
}

export function applyStartupParams(settings: Settings, params: Record<string, string>): void {
  for (const [name, value] of Object.entries(params)) {
    if (NOT_SETTINGS.has(name)) continue;
    applyOne(settings, name, value);
  }
  if (params.options) for (const [name, value] of parseOptionsParam(params.options)) applyOne(settings, name, value);
}

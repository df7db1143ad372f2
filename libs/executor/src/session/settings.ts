// Session settings (GUCs) for SET / SHOW / RESET: the standard parameters drivers touch, with
// PostgreSQL's defaults, plus custom `x.y` placeholders. Unknown names are 42704
// `unrecognized configuration parameter "x"`. search_path feeds name resolution.
import { undefinedObject } from '@vecgres/errors';
import { DEFAULT_SEARCH_PATH, formatSearchPath, parseSearchPath } from '@vecgres/catalog';
import type { Expr, SetStmt } from '@vecgres/sql';

const DEFAULTS: Record<string, string> = {
  application_name: '',
  client_encoding: 'UTF8',
  client_min_messages: 'notice',
  datestyle: 'ISO, MDY',
  default_transaction_isolation: 'read committed',
  extra_float_digits: '1',
  idle_in_transaction_session_timeout: '0',
  intervalstyle: 'postgres',
  lock_timeout: '0',
  search_path: formatSearchPath(DEFAULT_SEARCH_PATH),
  server_encoding: 'UTF8',
  server_version: '15.0',
  standard_conforming_strings: 'on',
  statement_timeout: '0',
  timezone: 'UTC',
  transaction_isolation: 'read committed',
};

function valueText(e: Expr): string {
  if (e.kind === 'const') {
    const v = e.value;
    return v.type === 'null' ? '' : v.type === 'bool' ? (v.value ? 'on' : 'off') : String(v.value);
  }
  if (e.kind === 'columnRef') return e.names.join('.');
  return '';
}

export class SessionSettings {
  private readonly values = new Map<string, string>();

  private check(name: string): void {
    if (!Object.hasOwn(DEFAULTS, name) && !name.includes('.')) {
      throw undefinedObject(`unrecognized configuration parameter "${name}"`);
    }
  }

  get(name: string): string {
    const key = name.toLowerCase();
    this.check(key);
    return this.values.get(key) ?? DEFAULTS[key] ?? '';
  }

  /** search_path as identifiers. */
  searchPath(): string[] {
    return parseSearchPath(this.get('search_path'));
  }

  apply(stmt: SetStmt): void {
    const name = stmt.name.toLowerCase();
    if (stmt.action === 'resetAll') {
      this.values.clear();
      return;
    }
    if (stmt.action === 'transaction') return;
    this.check(name);
    if (stmt.action === 'reset' || stmt.action === 'default') {
      this.values.delete(name);
      return;
    }
    if (name === 'search_path') {
      // Each list item is one identifier (a quoted string keeps its case and commas).
      const path = stmt.values.map((v) => (v.kind === 'const' && v.value.type === 'string' ? `"${v.value.value.replace(/"/g, '""')}"` : valueText(v)));
      this.values.set(name, formatSearchPath(parseSearchPath(path.join(', '))));
      return;
    }
    this.values.set(name, stmt.values.map(valueText).join(', '));
  }
}

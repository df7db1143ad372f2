// EXPLAIN's option list, checked like PostgreSQL 15's ExplainQuery: booleans take no value,
// TRUE/FALSE/ON/OFF or 0/1 (`analyze requires a Boolean value` otherwise), FORMAT takes
// text/xml/json/yaml, unknown options are 42601 at their position, TIMING / WAL set to true
// need ANALYZE. TIMING and SUMMARY default to the value of ANALYZE. Only the TEXT format is
// produced; COSTS ON prints the COSTS OFF form (no cost model), VERBOSE and SETTINGS are
// accepted without their extra lines, BUFFERS / WAL print nothing.
import { SQLSTATE, SqlError, notSupported } from '@vecgres/errors';
import type { DefOption } from '@vecgres/sql';

export interface ExplainOptions {
  analyze: boolean;
  verbose: boolean;
  costs: boolean;
  timing: boolean;
  summary: boolean;
  format: 'text';
}

const BOOLEAN_OPTIONS = new Set(['analyze', 'verbose', 'costs', 'settings', 'buffers', 'wal', 'timing', 'summary']);
const FORMATS = ['text', 'xml', 'json', 'yaml'];

/** PostgreSQL's defGetBoolean. */
function booleanValue(o: DefOption): boolean {
  const v = o.value;
  if (!v) return true;
  if (v.type === 'bool') return v.value;
  if (v.type === 'int' && (v.value === 0 || v.value === 1)) return v.value === 1;
  if (v.type === 'string') {
    const s = v.value.toLowerCase();
    if (s === 'true' || s === 'on') return true;
    if (s === 'false' || s === 'off') return false;
  }
  throw new SqlError(SQLSTATE.SYNTAX_ERROR, `${o.name} requires a Boolean value`);
}

const at = (location: number) => (location >= 0 ? { position: location + 1 } : {});

export function parseExplainOptions(options: readonly DefOption[]): ExplainOptions {
  const set = new Map<string, boolean>();
  let format = 'text';
  for (const o of options) {
    const name = o.name.toLowerCase();
    if (name === 'format') {
      const v = o.value?.type === 'string' ? o.value.value : o.value?.type === 'int' || o.value?.type === 'numeric' ? String(o.value.value) : undefined;
      if (!v || !FORMATS.includes(v.toLowerCase())) {
        throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, `unrecognized value for EXPLAIN option "format": "${v ?? ''}"`, at(o.location));
      }
      format = v.toLowerCase();
    } else if (BOOLEAN_OPTIONS.has(name)) {
      set.set(name, booleanValue(o));
    } else {
      throw new SqlError(SQLSTATE.SYNTAX_ERROR, `unrecognized EXPLAIN option "${o.name}"`, at(o.location));
    }
  }
  const analyze = set.get('analyze') ?? false;
  if (set.get('wal') && !analyze) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'EXPLAIN option WAL requires ANALYZE');
  if (set.get('timing') && !analyze) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'EXPLAIN option TIMING requires ANALYZE');
  if (format !== 'text') throw notSupported(`EXPLAIN (FORMAT ${format.toUpperCase()}) is not supported yet`);
  return {
    analyze,
    verbose: set.get('verbose') ?? false,
    costs: set.get('costs') ?? true,
    timing: set.get('timing') ?? analyze,
    summary: set.get('summary') ?? analyze,
    format: 'text',
  };
}

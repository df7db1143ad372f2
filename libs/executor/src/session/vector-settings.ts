// pgvector's run-time parameters (hnsw.c / ivfflat.c _PG_init: DefineCustom*Variable, then
// MarkGUCPrefixReserved("hnsw") / ("ivfflat")). A session defines them when it first sees the
// `vector` extension in its catalog (PostgreSQL: when the library is loaded); before that,
// `SET hnsw.ef_search = ...` makes a placeholder like any custom parameter.
//
// Beyond pgvector (documented): hnsw.ef_search accepts up to 10000 (pgvector: 1000), since the
// native HNSW has no 8 KB page limiting the candidate list.
import { invalidParameter } from '@vecgres/errors';
import type { SettingDef } from './setting-defs';
import { DEFAULT_TWO_HOP_SELECTIVITY } from '../vector-index/ann-index';

/** The int settings' parse + range check, with guc.c's messages. */
function intSetting(min: number, max: number) {
  return (value: string, name: string): string => {
    const t = value.trim();
    if (!/^[+-]?\d+$/.test(t)) throw invalidParameter(`invalid value for parameter "${name}": "${value}"`);
    const n = Number(t);
    if (n < min || n > max) throw invalidParameter(`${n} is outside the valid range for parameter "${name}" (${min} .. ${max})`);
    return String(n);
  };
}

/** %g as guc.c prints reals in range errors and SHOW. */
function g(n: number): string {
  return String(Number(n.toPrecision(6)));
}

function realSetting(min: number, max: number) {
  return (value: string, name: string): string => {
    const t = value.trim();
    const n = t === '' ? NaN : Number(t);
    if (!Number.isFinite(n)) throw invalidParameter(`invalid value for parameter "${name}": "${value}"`);
    if (n < min || n > max) throw invalidParameter(`${g(n)} is outside the valid range for parameter "${name}" (${g(min)} .. ${g(max)})`);
    return g(n);
  };
}

function enumSetting(values: readonly string[]) {
  return (value: string, name: string): string => {
    const v = values.find((x) => x === value.trim().toLowerCase());
    if (!v) throw invalidParameter(`invalid value for parameter "${name}": "${value}"`, { hint: `Available values: ${values.join(', ')}.` });
    return v;
  };
}

/** An extension's parameters and the prefixes it reserves. */
export interface ExtensionSettings {
  defs: readonly SettingDef[];
  reservedPrefixes: readonly string[];
}

const INT_MAX = 2147483647;
const HNSW_SCAN = ['off', 'relaxed_order', 'strict_order'] as const;
const IVFFLAT_SCAN = ['off', 'relaxed_order'] as const;

const int = (name: string, description: string, boot: number, min: number, max: number, extraDesc?: string): SettingDef => ({
  name, description, boot: String(boot), normalize: intSetting(min, max),
  info: { vartype: 'integer', minVal: String(min), maxVal: String(max), extraDesc: extraDesc ?? null },
});

/** pgvector 0.8's parameters. */
export const VECTOR_SETTINGS: ExtensionSettings = {
  defs: [
    int('hnsw.ef_search', 'Sets the size of the dynamic candidate list for search', 40, 1, 10000, 'Valid range is 1..10000.'),
    {
      name: 'hnsw.iterative_scan', description: 'Sets the mode for iterative scans', boot: 'off', normalize: enumSetting(HNSW_SCAN),
      info: { vartype: 'enum', enumVals: HNSW_SCAN },
    },
    int('hnsw.max_scan_tuples', 'Sets the max number of tuples to visit for iterative scans', 20000, 1, INT_MAX),
    {
      name: 'hnsw.scan_mem_multiplier', description: 'Sets the multiple of work_mem to use for iterative scans', boot: '1',
      normalize: realSetting(1, 1000), info: { vartype: 'real', minVal: '1', maxVal: '1000' },
    },
    int('ivfflat.probes', 'Sets the number of probes', 1, 1, 32768, 'Valid range is 1..lists.'),
    {
      name: 'ivfflat.iterative_scan', description: 'Sets the mode for iterative scans', boot: 'off', normalize: enumSetting(IVFFLAT_SCAN),
      info: { vartype: 'enum', enumVals: IVFFLAT_SCAN },
    },
    int('ivfflat.max_probes', 'Sets the max number of probes for iterative scans', 32768, 1, 32768),
    // Beyond pgvector (issue #7, Qdrant's planner): a filtered segment whose candidate vectors
    // take at most this many kB is searched exactly (Qdrant's unit and default).
    int('vecgres.full_scan_threshold', 'Sets the kB of filtered candidate vectors below which a segment is searched exactly', 10000, 0, INT_MAX),
    {
      name: 'vecgres.two_hop_selectivity', description: 'Sets the filter selectivity at or below which filtered HNSW searches expand two hops',
      boot: String(DEFAULT_TWO_HOP_SELECTIVITY), normalize: realSetting(0, 1), info: { vartype: 'real', minVal: '0', maxVal: '1' },
    },
  ],
  reservedPrefixes: ['hnsw', 'ivfflat'],
};

/** The settings an extension defines when loaded, by extension name. */
export function extensionSettings(extension: string): ExtensionSettings | undefined {
  return extension === 'vector' ? VECTOR_SETTINGS : undefined;
}

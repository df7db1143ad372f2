// Planner and resource parameters that pgvector's README (and ORMs, migration tools) SET before
// building indexes or running queries: maintenance_work_mem, work_mem, the parallel worker
// counts and the enable_* planner switches. They are accepted, validated and shown with
// PostgreSQL's units and messages (guc.c parse_int with GUC_UNIT_KB / bool), so scripts written
// for PostgreSQL run unchanged; vecgres' own build and scan paths size themselves.
// @see https://www.postgresql.org/docs/16/runtime-config-resource.html
// @see https://www.postgresql.org/docs/16/runtime-config-query.html
import { invalidParameter } from '@vecgres/errors';
import type { SettingDef } from './setting-defs';

const INT_MAX = 2147483647;
const KB_UNITS: Record<string, number> = { b: 1 / 1024, kb: 1, mb: 1024, gb: 1024 * 1024, tb: 1024 * 1024 * 1024 };
const UNIT_SPELLING: Record<string, string> = { b: 'B', kb: 'kB', mb: 'MB', gb: 'GB', tb: 'TB' };

/** A memory size in kB as guc.c displays it: the largest unit that divides it exactly. */
export function formatKb(kb: number): string {
  for (const unit of ['tb', 'gb', 'mb'] as const) {
    const per = KB_UNITS[unit]!;
    if (kb !== 0 && kb % per === 0) return `${kb / per}${UNIT_SPELLING[unit]}`;
  }
  return `${kb}kB`;
}

/** GUC_UNIT_KB integers: a bare number is kB; units B, kB, MB, GB, TB (case-sensitive in PostgreSQL). */
function memorySetting(minKb: number, maxKb: number) {
  return (value: string, name: string): string => {
    const m = /^\s*([+-]?\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(value);
    const unitKey = m?.[2] ? Object.keys(UNIT_SPELLING).find((k) => UNIT_SPELLING[k] === m[2]) : 'kb';
    if (!m || !unitKey) {
      throw invalidParameter(`invalid value for parameter "${name}": "${value}"`, {
        hint: 'Valid units for this parameter are "B", "kB", "MB", "GB", and "TB".',
      });
    }
    const kb = Math.round(Number(m[1]) * KB_UNITS[unitKey]!);
    if (kb < minKb || kb > maxKb) {
      throw invalidParameter(`${kb} kB is outside the valid range for parameter "${name}" (${minKb} kB .. ${maxKb} kB)`);
    }
    return formatKb(kb);
  };
}

function intSetting(min: number, max: number) {
  return (value: string, name: string): string => {
    const t = value.trim();
    if (!/^[+-]?\d+$/.test(t)) throw invalidParameter(`invalid value for parameter "${name}": "${value}"`);
    const n = Number(t);
    if (n < min || n > max) throw invalidParameter(`${n} is outside the valid range for parameter "${name}" (${min} .. ${max})`);
    return String(n);
  };
}

function boolSetting(value: string, name: string): string {
  const v = value.trim().toLowerCase();
  if (['on', 'true', 'yes', '1', 't', 'y'].includes(v)) return 'on';
  if (['off', 'false', 'no', '0', 'f', 'n'].includes(v)) return 'off';
  throw invalidParameter(`parameter "${name}" requires a Boolean value`);
}

const memory = (name: string, description: string, boot: string, minKb: number): SettingDef => ({
  name, description, boot, normalize: memorySetting(minKb, INT_MAX),
  info: { vartype: 'integer', minVal: String(minKb), maxVal: String(INT_MAX) },
});
const int = (name: string, description: string, boot: number, min: number, max: number): SettingDef => ({
  name, description, boot: String(boot), normalize: intSetting(min, max),
  info: { vartype: 'integer', minVal: String(min), maxVal: String(max) },
});
const flag = (name: string, description: string): SettingDef => ({
  name, description, boot: 'on', normalize: boolSetting, info: { vartype: 'bool' },
});

export const RESOURCE_SETTINGS: readonly SettingDef[] = [
  memory('maintenance_work_mem', 'Sets the maximum memory to be used for maintenance operations.', '64MB', 1024),
  memory('work_mem', 'Sets the maximum memory to be used for query workspaces.', '4MB', 64),
  int('max_parallel_maintenance_workers', 'Sets the maximum number of parallel processes per maintenance operation.', 2, 0, 1024),
  int('max_parallel_workers_per_gather', 'Sets the maximum number of parallel processes per executor node.', 2, 0, 1024),
  int('max_parallel_workers', 'Sets the maximum number of parallel workers that can be active at one time.', 8, 0, 1024),
  flag('enable_indexscan', "Enables the planner's use of index-scan plans."),
  flag('enable_seqscan', "Enables the planner's use of sequential-scan plans."),
  flag('enable_bitmapscan', "Enables the planner's use of bitmap-scan plans."),
  flag('enable_indexonlyscan', "Enables the planner's use of index-only-scan plans."),
  flag('enable_sort', "Enables the planner's use of explicit sort steps."),
];

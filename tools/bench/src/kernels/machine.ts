// Describes the machine a report was measured on (for docs/benchmarks.md).
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, platform, release, totalmem } from 'node:os';

import type { MachineInfo } from './types';

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

function field(cpuinfo: string, key: string): string | undefined {
  return new RegExp(`^${key}\\s*:\\s*(.+)$`, 'm').exec(cpuinfo)?.[1]?.trim();
}

/**
 * The "model name" of /proc/cpuinfo text (x86) plus family/model numbers, which identify the
 * microarchitecture when a VM shows only a marketing name ("AMD EPYC"); on arm64 the
 * "Hardware" or "CPU part" field; else "unknown".
 */
export function cpuModelFrom(cpuinfo: string): string {
  const name = field(cpuinfo, 'model name');
  if (name !== undefined) {
    const family = field(cpuinfo, 'cpu family');
    const model = field(cpuinfo, 'model');
    return family !== undefined && model !== undefined ? `${name} (family ${family}, model ${model})` : name;
  }
  return field(cpuinfo, 'Hardware') ?? field(cpuinfo, 'CPU part') ?? 'unknown';
}

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpuModelFrom(readOr('/proc/cpuinfo', '')),
    logicalCpus: availableParallelism(),
    totalMemGiB: Math.round(totalmem() / 2 ** 30),
    nodeVersion: process.version,
    os: `${platform()} ${release()}`,
    transparentHugePages: readOr('/sys/kernel/mm/transparent_hugepage/enabled', 'n/a').trim(),
    loadAverage1m: loadavg()[0]!,
  };
}

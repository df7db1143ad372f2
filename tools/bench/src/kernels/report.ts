// Markdown for a KernelsReport: the memory reference, one throughput table per SIMD level,
// the "% of memory bandwidth" table and the verdict on the project's acceptance bar.
import type { SimdLevel } from '@vecgres/native-bindings';

import { caseLabel, LEVEL_RANK } from './cases';
import type { KernelResult, KernelsReport, LevelReport } from './types';

/** The acceptance bar: f32 brute-force scans at d >= 384 reach 60% of single-core read bandwidth. */
export const ACCEPTANCE = { type: 'f32', minDim: 384, minPct: 60 } as const;

export function fmtNum(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** Levels best first (the order a reader cares about). */
function byRank(levels: readonly LevelReport[]): LevelReport[] {
  return [...levels].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
}

/**
 * The bandwidth the % table divides by: the highest MEDIAN readMemory rate over the measured
 * levels (one core reading as fast as it can), and the level that reached it.
 */
export function referenceBandwidth(report: KernelsReport): { level: SimdLevel; gbPerSec: number } {
  if (report.levels.length === 0) throw new RangeError('report has no levels');
  const best = report.levels.reduce((a, b) => (b.memory.medianGbPerSec > a.memory.medianGbPerSec ? b : a));
  return { level: best.level, gbPerSec: best.memory.medianGbPerSec };
}

/** Rows of a table: one per distinct case label, in measuring order. */
function rowsOf(kernels: readonly KernelResult[], k: number): Map<string, Map<number, KernelResult>> {
  const rows = new Map<string, Map<number, KernelResult>>();
  for (const r of kernels) {
    const label = caseLabel(r, k);
    if (!rows.has(label)) rows.set(label, new Map());
    rows.get(label)!.set(r.dim, r);
  }
  return rows;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [line(header), line(align), ...rows.map(line)].join('\n');
}

export function memoryTable(report: KernelsReport): string {
  const rows = byRank(report.levels).map((l) => [
    l.level,
    `${fmtNum(l.memory.bytes / 2 ** 20)} MiB`,
    String(l.memory.reps),
    fmtNum(l.memory.medianGbPerSec),
    fmtNum(l.memory.bestGbPerSec),
  ]);
  return table(['level', 'buffer', 'reps', 'median GB/s', 'best GB/s'], rows);
}

export function throughputTable(level: LevelReport, dims: readonly number[], k: number): string {
  const rows = [...rowsOf(level.kernels, k)].map(([label, byDim]) => [
    label,
    ...dims.map((d) => {
      const r = byDim.get(d);
      return r ? `${fmtNum(r.nsPerDistance)} ns · ${fmtNum(r.gbPerSec)} GB/s` : '–';
    }),
  ]);
  return table(['kernel', ...dims.map((d) => `d=${d}`)], rows);
}

function pct(x: number, of: number): string {
  return `${((100 * x) / of).toFixed(0)}%`;
}

export function percentTable(report: KernelsReport): string {
  const ref = referenceBandwidth(report).gbPerSec;
  const { dims, k } = report.options;
  const rows: string[][] = [];
  for (const level of byRank(report.levels)) {
    for (const [label, byDim] of rowsOf(level.kernels, k)) {
      rows.push([
        `${level.level} ${label}`,
        ...dims.map((d) => {
          const r = byDim.get(d);
          return r ? `${pct(r.gbPerSec, ref)} (${pct(r.gbPerSec, r.pairedReadGbPerSec)})` : '–';
        }),
      ]);
    }
  }
  return table(['level kernel', ...dims.map((d) => `d=${d}`)], rows);
}

export interface AcceptanceVerdict {
  level: SimdLevel;
  referenceGbPerSec: number;
  /** Cases checked: f32 scanDistances and scanTopK lines with d >= 384 at the best level. */
  checked: number;
  worst?: { label: string; dim: number; pct: number; pairedPct: number };
  met: boolean;
}

/** Checks the acceptance bar at the best measured level (the one the server runs by default). */
export function acceptance(report: KernelsReport): AcceptanceVerdict {
  const level = byRank(report.levels)[0]!;
  const ref = referenceBandwidth(report).gbPerSec;
  const cases = level.kernels.filter((r) => r.type === ACCEPTANCE.type && r.dim >= ACCEPTANCE.minDim);
  let worst: AcceptanceVerdict['worst'];
  for (const r of cases) {
    const pct = (100 * r.gbPerSec) / ref;
    const pairedPct = (100 * r.gbPerSec) / r.pairedReadGbPerSec;
    if (!worst || pct < worst.pct) worst = { label: caseLabel(r, report.options.k), dim: r.dim, pct, pairedPct };
  }
  return {
    level: level.level,
    referenceGbPerSec: ref,
    checked: cases.length,
    ...(worst ? { worst } : {}),
    met: worst !== undefined && worst.pct >= ACCEPTANCE.minPct,
  };
}

export function verdictLine(v: AcceptanceVerdict): string {
  const bar = `f32 scans at d >= ${ACCEPTANCE.minDim} reach >= ${ACCEPTANCE.minPct}% of single-core read bandwidth`;
  if (!v.worst) return `**Acceptance bar** (${bar}): not measured (no f32 case with d >= ${ACCEPTANCE.minDim}).`;
  return (
    `**Acceptance bar** (${bar}): **${v.met ? 'MET' : 'NOT MET'}** at ${v.level}: ` +
    `the slowest of ${v.checked} f32 cases is ${v.worst.label} at d=${v.worst.dim} with ` +
    `${v.worst.pct.toFixed(0)}% of ${fmtNum(v.referenceGbPerSec)} GB/s ` +
    `(${v.worst.pairedPct.toFixed(0)}% of the readMemory of the same arena measured alongside it).`
  );
}

/** The tables alone (what the CLI prints to stdout). */
export function formatTables(report: KernelsReport): string {
  const ref = referenceBandwidth(report);
  const { dims, k } = report.options;
  const parts = [
    '### Memory read bandwidth (readMemory, one core)',
    memoryTable(report),
    ...byRank(report.levels).flatMap((l) => [
      `### Scan throughput at ${l.level} (1 query; ns per distance · GB/s of arena read)`,
      throughputTable(l, dims, k),
    ]),
    `### Scan GB/s as % of memory read bandwidth (${fmtNum(ref.gbPerSec)} GB/s, median readMemory at ${ref.level})`,
    'In parentheses: % of a readMemory over the same arena at the same level, run right after each scan ' +
      'repetition (same moments, same alignment: robust to load changes on a shared machine).',
    percentTable(report),
    verdictLine(acceptance(report)),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** The generated docs section: how it was measured, on what, then the tables. */
export function formatSection(report: KernelsReport): string {
  const m = report.machine;
  const o = report.options;
  const head = [
    `Generated by \`${report.command}\` on ${report.date}.`,
    '',
    `- CPU: ${m.cpuModel} (${m.logicalCpus} logical CPUs), ${m.totalMemGiB} GiB RAM, ${m.os}, ` +
      `transparent huge pages: \`${m.transparentHugePages}\`, load average at start ${m.loadAverage1m.toFixed(2)}`,
    `- Node ${m.nodeVersion}; SIMD levels measured: ${byRank(report.levels).map((l) => l.level).join(', ')} ` +
      '(one child process per level, `VECGRES_SIMD_LEVEL` set)',
    `- Arena ${fmtNum(o.arenaBytes / 2 ** 20)} MiB per (type, d), random data, every page written before timing; ` +
      `one query; median of up to ${o.reps} repetitions; GB = 10^9 bytes of arena read; ` +
      (o.clock === 'cpu'
        ? "times are the scanning thread's on-CPU time (`--clock cpu`: the machine was shared)."
        : 'times are wall-clock.'),
    `- Bit vectors (\`bits\`) at "d" have d*8 bits (d bytes per row, like i8/u8).`,
    o.arenaAlign !== undefined
      ? `- Arenas come from \`allocAlignedArena(bytes, ${o.arenaAlign})\` (libs/native-bindings): rows start ${o.arenaOffset} bytes past a ${o.arenaAlign}-byte boundary (\`--arena-align ${o.arenaAlign}\`${o.arenaOffset ? ` \`--arena-offset ${o.arenaOffset}\`` : ''}).`
      : o.arenaOffset === 0
      ? '- Arenas are plain `new ArrayBuffer(n)` as the engine allocates them (with glibc: 16 bytes past a page, ' +
        'so rows are 16-byte but not 64-byte aligned).'
      : `- Arena rows start ${o.arenaOffset} bytes into their ArrayBuffer (\`--arena-offset ${o.arenaOffset}\`).`,
  ];
  return `${head.join('\n')}\n\n${formatTables(report)}`;
}

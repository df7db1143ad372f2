// Text table and JSON of an ANN benchmark run.
import { writeFileSync } from 'node:fs';

import { qpsAtRecall } from './metrics';
import type { AnnReport, EngineResult } from './types';

function pad(s: string, w: number, right = true): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}

function atRecall(r: EngineResult, target: number): string {
  const q = qpsAtRecall(r.runs, target);
  return q === undefined ? '-' : q.toFixed(0);
}

/** The per-engine build table and the per-ef table, as printed on stdout. */
export function formatAnnReport(report: AnnReport): string {
  const o = report.options;
  const head =
    `ANN benchmark: ${report.dataset} (${report.metric}, n=${report.n}, d=${report.dim}, ${o.queries} queries), ` +
    `m=${o.m} ef_construction=${o.efConstruction} k=${o.k} threads=${o.threads} reps=${o.reps}\n${report.machine}; ${report.date}\n` +
    `${report.command}`;
  const build = table(
    ['engine', 'build s', 'threads', 'index MiB', 'QPS@0.90', 'QPS@0.95', 'QPS@0.99'],
    report.results.map((r) =>
      r.error !== undefined
        ? [r.engine, 'error', '-', '-', '-', '-', '-']
        : [
            r.engine,
            (r.build.buildMs / 1000).toFixed(2),
            String(r.build.threadsUsed),
            mib(r.build.indexBytes),
            atRecall(r, 0.9),
            atRecall(r, 0.95),
            atRecall(r, 0.99),
          ],
    ),
  );
  const runs = table(
    ['engine', 'ef', `recall@${o.k}`, 'QPS', 'QPS cpu', 'p50 ms', 'p99 ms'],
    report.results.flatMap((r) =>
      r.runs.map((x) => [
        r.engine,
        String(x.ef),
        x.recall.toFixed(4),
        x.qps.toFixed(0),
        x.cpuQps === undefined ? '-' : x.cpuQps.toFixed(0),
        x.p50Ms.toFixed(3),
        x.p99Ms.toFixed(3),
      ]),
    ),
  );
  const errors = report.results.filter((r) => r.error !== undefined).map((r) => `${r.engine}: ${r.error}`);
  return [head, '', build, '', runs, ...(errors.length ? ['', ...errors] : [])].join('\n') + '\n';
}

export function writeAnnJson(path: string, report: AnnReport): void {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

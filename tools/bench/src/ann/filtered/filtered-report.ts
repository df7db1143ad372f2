// The filtered benchmark's report as markdown for docs/benchmarks.md: one summary row per
// filter (at the smallest ef_search reaching recall@k >= 0.98, else its best pass) next to the
// unfiltered QPS of the same table at recall >= 0.95, then every pass.
import { writeFileSync } from 'node:fs';

import type { FilteredPass, FilteredReport } from './filtered-types';

export const UNFILTERED_TARGET = 0.95;
export const FILTERED_TARGET = 0.98;

/** The pass with the smallest ef reaching `target` recall, else undefined. */
export function firstAtRecall(passes: readonly FilteredPass[], target: number): FilteredPass | undefined {
  return [...passes].sort((a, b) => a.ef - b.ef).find((p) => p.recall >= target);
}

/** The pass a filter is summarised by: first reaching `target`, else the best recall (then QPS). */
export function chosenPass(passes: readonly FilteredPass[], target = FILTERED_TARGET): FilteredPass | undefined {
  return firstAtRecall(passes, target) ?? [...passes].sort((a, b) => b.recall - a.recall || b.qps - a.qps)[0];
}

function pct(x: number): string {
  if (x === 0) return '0 %';
  return x < 0.01 ? `${(100 * x).toFixed(2)} %` : `${(100 * x).toFixed(1)} %`;
}

function ms(x: number): string {
  return x.toFixed(2);
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Selectivities the issue's QPS target applies to (its 1 % and 10 % filters). */
export function isTargetSelectivity(s: number): boolean {
  return s >= 0.005 && s <= 0.15;
}

/** `\`where\` met (76 %)` / `not met (...)` for each ~1 % / ~10 % filter. */
export function targetVerdicts(r: FilteredReport): string[] {
  const base = firstAtRecall(r.unfiltered, UNFILTERED_TARGET);
  return r.filters
    .filter((f) => isTargetSelectivity(f.selectivity))
    .map((f) => {
      const p = firstAtRecall(f.passes, FILTERED_TARGET);
      if (!base) return `\`${f.where}\` unknown (no unfiltered baseline)`;
      if (!p) return `\`${f.where}\` not met (no pass reached recall ${FILTERED_TARGET})`;
      const ratio = p.qps / base.qps;
      return `\`${f.where}\` ${ratio >= 0.5 ? 'met' : 'not met'} (${(100 * ratio).toFixed(0)} % at ef_search ${p.ef})`;
    });
}

export function formatFilteredMarkdown(r: FilteredReport): string {
  const out: string[] = [];
  out.push(`### Filtered vector search: ${r.dataset} (${r.metric}, n=${r.n}, d=${r.dim}, ${r.queries} queries, k=${r.k})`);
  out.push('');
  const fst = r.fullScanThreshold === undefined ? '' : `, \`vecgres.full_scan_threshold = ${r.fullScanThreshold}\``;
  out.push(
    `${r.machine}; ${r.date}. hnsw m=${r.m}, ef_construction=${r.efConstruction}${r.payloadM ? `, payload_m=${r.payloadM}` : ''} (built in ${(r.buildMs / 1000).toFixed(1)} s); ` +
      `one client, prepared statements with parameters, \`hnsw.iterative_scan\` off${fst}.`,
  );
  out.push(`Command: \`${r.command}\``);
  out.push('');
  const base = firstAtRecall(r.unfiltered, UNFILTERED_TARGET);
  if (base) {
    out.push(
      `Unfiltered, same table: ef_search ${base.ef}, recall@${r.k} ${base.recall.toFixed(4)}, **${base.qps.toFixed(0)} QPS** ` +
        `(p50 ${ms(base.p50Ms)} ms, p99 ${ms(base.p99Ms)} ms).`,
    );
  } else {
    out.push(`Unfiltered, same table: no ef_search of ${r.unfiltered.map((p) => p.ef).join(', ')} reached recall@${r.k} >= ${UNFILTERED_TARGET}.`);
  }
  out.push('');
  out.push(row(['filter', 'selectivity', 'matching rows', 'GT', 'ef_search', `recall@${r.k}`, 'QPS', 'p50 ms', 'p99 ms', 'short answers', 'QPS vs unfiltered']));
  out.push(row(['---', '---:', '---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const f of r.filters) {
    const p = chosenPass(f.passes);
    const head = [`\`${f.where}\``, pct(f.selectivity), f.rows.toFixed(0), f.gtSource];
    if (!p) {
      out.push(row([...head, '-', '-', '-', '-', '-', '-', f.error ? `error: ${f.error}` : '-']));
      continue;
    }
    const ratio = base ? `${((100 * p.qps) / base.qps).toFixed(0)} %` : '-';
    out.push(row([...head, String(p.ef), p.recall.toFixed(4), p.qps.toFixed(0), ms(p.p50Ms), ms(p.p99Ms), String(p.shortAnswers), ratio]));
  }
  const verdicts = targetVerdicts(r);
  if (verdicts.length) {
    out.push('');
    out.push(`Issue #7 target (~1 % and ~10 %: recall@${r.k} >= ${FILTERED_TARGET} at >= 50 % of the unfiltered QPS at recall >= ${UNFILTERED_TARGET}): ${verdicts.join('; ')}.`);
  }
  out.push('');
  out.push(`Each filter at the smallest ef_search with recall@${r.k} >= ${FILTERED_TARGET} (else its best pass). All passes:`);
  out.push('');
  out.push(row(['query', 'ef_search', `recall@${r.k}`, 'QPS', 'p50 ms', 'p99 ms', 'mean rows', 'short answers']));
  out.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  const all = [...r.unfiltered.map((p) => ['unfiltered', p] as const), ...r.filters.flatMap((f) => f.passes.map((p) => [`\`${f.where}\``, p] as const))];
  for (const [what, p] of all) {
    out.push(row([what, String(p.ef), p.recall.toFixed(4), p.qps.toFixed(0), ms(p.p50Ms), ms(p.p99Ms), p.meanRows.toFixed(1), String(p.shortAnswers)]));
  }
  const errors = r.filters.filter((f) => f.error !== undefined);
  if (errors.length) {
    out.push('');
    for (const f of errors) out.push(`- \`${f.where}\`: ${f.error}`);
  }
  return `${out.join('\n')}\n`;
}

export function writeFilteredJson(path: string, report: FilteredReport): void {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

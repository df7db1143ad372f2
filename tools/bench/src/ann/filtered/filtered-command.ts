// `npm run bench:ann -- --dataset <name> --wire <url> --filtered [--queries 100]`: runs the
// filtered benchmark and prints its markdown (for docs/benchmarks.md) on stdout; --json also
// writes the report as JSON.
import type { AnnCliOptions } from '../command';
import { annCommandLine, machineLine } from '../command';
import { loadAnnDataset, resolveDatasetDir } from '../dataset';
import { formatFilteredMarkdown, writeFilteredJson } from './filtered-report';
import { runFilteredWireBench } from './filtered-run';
import type { FilteredReport } from './filtered-types';

export async function runFilteredCli(cli: AnnCliOptions, log: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): Promise<FilteredReport> {
  if (!cli.wire) throw new Error('--filtered needs --wire <url> (the filtered benchmark runs over the wire)');
  const dir = resolveDatasetDir(cli.dataset, cli.datasetsDir);
  log(`loading ${dir}`);
  const ds = loadAnnDataset(dir, { maxQueries: cli.queries, ...(cli.metric ? { metric: cli.metric } : {}) });
  const run = await runFilteredWireBench(
    ds,
    {
      url: cli.wire,
      table: cli.table,
      skipLoad: cli.skipLoad === true,
      m: cli.m,
      efConstruction: cli.efConstruction,
      k: cli.k,
      efs: cli.ef,
      filterEfs: cli.filterEf,
      warmup: cli.warmup,
      ...(cli.fullScanThreshold !== undefined ? { fullScanThreshold: cli.fullScanThreshold } : {}),
      ...(cli.payloadM !== undefined ? { payloadM: cli.payloadM } : {}),
    },
    log,
  );
  const report: FilteredReport = {
    dataset: ds.name,
    metric: ds.metric,
    n: ds.n,
    dim: ds.dim,
    queries: ds.nq,
    k: cli.k,
    m: cli.m,
    efConstruction: cli.efConstruction,
    ...(cli.fullScanThreshold !== undefined ? { fullScanThreshold: cli.fullScanThreshold } : {}),
    ...(cli.payloadM !== undefined ? { payloadM: cli.payloadM } : {}),
    date: new Date().toISOString(),
    machine: machineLine(),
    command: annCommandLine(process.argv),
    buildMs: run.buildMs,
    unfiltered: run.unfiltered,
    filters: run.filters,
  };
  process.stdout.write(formatFilteredMarkdown(report));
  if (cli.json) writeFilteredJson(cli.json, report);
  return report;
}

// The `ann` command: a commander Command that works on its own (main.ts, `npm run bench:ann`)
// and as a subcommand of a future `vecgres bench` (registerAnnCommand).
import { availableParallelism, cpus, loadavg } from 'node:os';

import { Command, InvalidArgumentError, Option } from 'commander';

import { loadAnnDataset, resolveDatasetDir } from './dataset';
import { createEngine, ENGINE_NAMES, isEngineName, type EngineName } from './engines/registry';
import { formatAnnReport, writeAnnJson } from './report';
import { runAnnBench } from './runner';
import type { AnnMetric, AnnReport, AnnRunOptions } from './types';
import { runWireBench } from './wire/wire-run';
import { runFilteredCli } from './filtered/filtered-command';

export interface AnnCliOptions {
  dataset: string;
  datasetsDir?: string;
  metric?: AnnMetric;
  engines: EngineName[];
  m: number;
  efConstruction: number;
  ef: number[];
  k: number;
  threads: number;
  queries: number;
  warmup: number;
  reps: number;
  json?: string;
  wire?: string;
  clients: number[];
  table: string;
  skipLoad?: boolean;
  load: 'copy' | 'insert';
  params: 'text' | 'binary';
  client: 'pg' | 'postgres';
  /** With --wire: the filtered benchmark (issue #7) instead of the plain ef sweep. */
  filtered?: boolean;
  filterEf: number[];
  fullScanThreshold?: number;
  payloadM?: number;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function intList(v: string): number[] {
  return v.split(',').map((s) => positiveInt(s.trim()));
}

function engineList(v: string): EngineName[] {
  return v.split(',').map((s) => {
    const t = s.trim();
    if (!isEngineName(t)) throw new InvalidArgumentError(`unknown engine "${t}" (known: ${ENGINE_NAMES.join(', ')})`);
    return t;
  });
}

export const DEFAULT_EFS = [10, 20, 40, 80, 120, 200, 400];

/** ef_search values of each filter's passes in --filtered mode. */
export const DEFAULT_FILTER_EFS = [40, 100, 200];

export function runOptionsFrom(cli: AnnCliOptions, nq: number): AnnRunOptions {
  return {
    m: cli.m,
    efConstruction: cli.efConstruction,
    efs: cli.ef,
    k: cli.k,
    threads: cli.threads,
    queries: nq,
    warmup: cli.warmup,
    reps: cli.reps,
  };
}

/** How to re-run this, for the report (the --json target is left out). */
export function annCommandLine(argv: readonly string[]): string {
  const i = argv.findIndex((a) => a.endsWith('main.ts') || a.endsWith('vecgres') || a.endsWith('vecgres.js'));
  const rest = argv.slice(i >= 0 ? i + 1 : 2).filter((a) => a !== 'ann');
  const out: string[] = [];
  for (let j = 0; j < rest.length; j++) {
    if (rest[j] === '--json') j++;
    else if (!rest[j]!.startsWith('--json=')) out.push(rest[j]!);
  }
  return `npm run bench:ann${out.length ? ` -- ${out.join(' ')}` : ''}`;
}

export function machineLine(): string {
  const model = cpus()[0]?.model ?? 'unknown CPU';
  return `${model}, ${availableParallelism()} logical CPUs, node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`;
}

export async function runAnnCli(cli: AnnCliOptions, log: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): Promise<AnnReport> {
  const dir = resolveDatasetDir(cli.dataset, cli.datasetsDir);
  log(`loading ${dir}`);
  const ds = loadAnnDataset(dir, { maxQueries: cli.queries, ...(cli.metric ? { metric: cli.metric } : {}) });
  const options = runOptionsFrom(cli, ds.nq);
  const results = cli.wire
    ? await runWireBench(ds, options, { url: cli.wire, clients: cli.clients, table: cli.table, skipLoad: cli.skipLoad === true, load: cli.load, params: cli.params, client: cli.client }, log)
    : await runAnnBench(
        cli.engines.map((e) => createEngine(e)),
        ds,
        options,
        log,
      );
  return {
    dataset: ds.name,
    metric: ds.metric,
    n: ds.n,
    dim: ds.dim,
    options,
    date: new Date().toISOString(),
    machine: machineLine(),
    command: annCommandLine(process.argv),
    results,
  };
}

export function buildAnnCommand(name = 'ann'): Command {
  return new Command(name)
    .description('ANN benchmark: build time, index size, recall@k / QPS / p50 / p99 per ef_search, per engine')
    .requiredOption('--dataset <dir|name>', 'dataset directory, or a name under --datasets-dir / ../shared/datasets / $VECGRES_DATASETS_DIR')
    .option('--datasets-dir <dir>', 'directory holding the dataset directories')
    .addOption(new Option('--metric <metric>', 'override the metric implied by the dataset name').choices(['l2', 'cosine']))
    .option('--engines <list>', `in-process engines: ${ENGINE_NAMES.join(',')}`, engineList, ['vecgres', 'hnswlib', 'usearch'])
    .option('--m <n>', 'HNSW M', positiveInt, 16)
    .option('--ef-construction <n>', 'HNSW ef_construction', positiveInt, 64)
    .option('--ef <list>', 'ef_search values', intList, DEFAULT_EFS)
    .option('-k, --k <n>', 'neighbours per query (recall@k)', positiveInt, 10)
    .option('--threads <n>', 'build threads for engines that can use them', positiveInt, availableParallelism())
    .option('--queries <n>', 'use the first N queries of the dataset', positiveInt, 1000)
    .option('--warmup <n>', 'untimed queries before each ef', (v) => Number(v), 100)
    .option('--reps <n>', 'timed passes per ef, the fastest is reported', positiveInt, 1)
    .option('--json <file>', 'also write the report as JSON')
    .option('--wire <url>', 'measure a vecgres (or PostgreSQL+pgvector) server over the wire instead, e.g. postgres://localhost:5432/db')
    .option('--clients <list>', 'with --wire: concurrent clients per pass', intList, [1, 2])
    .option('--table <name>', 'with --wire: the table to load and query', 'bench_ann')
    .option('--skip-load', 'with --wire: reuse the table and index already on the server')
    .addOption(
      new Option('--load <how>', 'with --wire: copy (COPY BINARY) or insert (multi-row INSERT, for servers without COPY FROM STDIN)')
        .choices(['copy', 'insert'])
        .default('copy'),
    )
    .addOption(
      new Option('--params <format>', 'with --wire: send the query vector as a text literal or in binary (vector_recv)')
        .choices(['text', 'binary'])
        .default('text'),
    )
    .addOption(
      new Option('--client <driver>', 'with --wire: the query clients\' driver, pg (node-postgres) or postgres (postgres.js, prepare: true, text parameters)')
        .choices(['pg', 'postgres'])
        .default('pg'),
    )
    .option('--filtered', 'with --wire: filtered search (attribute columns, payload indexes; per selectivity recall / QPS / p50 / p99 next to unfiltered QPS), markdown output')
    .option('--filter-ef <list>', 'with --filtered: ef_search values of each filter\'s passes', intList, DEFAULT_FILTER_EFS)
    .option('--full-scan-threshold <kB>', 'with --filtered: SET vecgres.full_scan_threshold for the session', positiveInt)
    .option('--payload-m <m>', 'with --filtered: CREATE INDEX ... USING hnsw WITH (payload_m = m): payload links per attribute value (beyond pgvector)', positiveInt)
    .action(async (cli: AnnCliOptions) => {
      if (cli.filtered) {
        await runFilteredCli(cli);
        return;
      }
      const report = await runAnnCli(cli);
      process.stdout.write(formatAnnReport(report));
      if (cli.json) writeAnnJson(cli.json, report);
    });
}

/** Adds `ann` to a parent command (e.g. `vecgres bench`). */
export function registerAnnCommand(program: Command): Command {
  const cmd = buildAnnCommand('ann');
  program.addCommand(cmd);
  return cmd;
}

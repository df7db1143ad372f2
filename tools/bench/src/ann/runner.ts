// Runs the ANN benchmark for one dataset: per engine, build once, then per ef_search answer
// the queries one at a time (single client, as a user would) and summarise recall/QPS/latency.
import type { AnnDataset } from './dataset';
import { meanRecall, percentile, qpsOf } from './metrics';
import type { AnnEngine, AnnRunOptions, EfResult, EngineResult } from './types';

export type Progress = (line: string) => void;

/** Times one pass over the prepared queries at the current ef; returns the ids per query. */
async function timedPass(
  engine: AnnEngine,
  nq: number,
  k: number,
): Promise<{ found: ArrayLike<number>[]; latMs: number[]; totalMs: number; cpuMs: number }> {
  const found: ArrayLike<number>[] = new Array(nq);
  const latMs: number[] = new Array(nq);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let q = 0; q < nq; q++) {
    const s = performance.now();
    const r = engine.search(q, k);
    found[q] = r instanceof Promise ? await r : r;
    latMs[q] = performance.now() - s;
  }
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { found, latMs, totalMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Measures one engine at every ef of `opts` on an already built index. */
export async function measureEfs(
  engine: AnnEngine,
  ds: Pick<AnnDataset, 'nq' | 'gt' | 'gtD'>,
  opts: Pick<AnnRunOptions, 'efs' | 'k' | 'warmup' | 'reps'>,
  progress: Progress = () => undefined,
): Promise<EfResult[]> {
  const runs: EfResult[] = [];
  for (const ef of opts.efs) {
    await engine.setEf(Math.max(ef, opts.k));
    for (let q = 0; q < Math.min(opts.warmup, ds.nq); q++) {
      const r = engine.search(q, opts.k);
      if (r instanceof Promise) await r;
    }
    let best = await timedPass(engine, ds.nq, opts.k);
    for (let rep = 1; rep < opts.reps; rep++) {
      const next = await timedPass(engine, ds.nq, opts.k);
      if (next.totalMs < best.totalMs) best = next;
    }
    const { found, latMs, totalMs, cpuMs } = best;
    const cpuQps = qpsOf(ds.nq, cpuMs);
    const run: EfResult = {
      ef,
      recall: meanRecall(found, ds.gt, ds.gtD, opts.k),
      qps: qpsOf(ds.nq, totalMs),
      cpuQps,
      p50Ms: percentile(latMs, 50),
      p99Ms: percentile(latMs, 99),
    };
    progress(
      `  ${engine.name} ef=${ef}: recall@${opts.k} ${run.recall.toFixed(4)}  ${run.qps.toFixed(0)} QPS (cpu ${cpuQps.toFixed(0)})  ` +
        `p50 ${run.p50Ms.toFixed(3)} ms  p99 ${run.p99Ms.toFixed(3)} ms`,
    );
    runs.push(run);
  }
  return runs;
}

/** Builds and measures one engine; a failure is recorded in the result, not thrown. */
export async function runEngine(
  engine: AnnEngine,
  ds: AnnDataset,
  opts: AnnRunOptions,
  progress: Progress = () => undefined,
): Promise<EngineResult> {
  try {
    progress(`${engine.name}: building (n=${ds.n}, d=${ds.dim}, m=${opts.m}, ef_construction=${opts.efConstruction})`);
    const build = await engine.build({
      base: ds.base,
      n: ds.n,
      dim: ds.dim,
      metric: ds.metric,
      m: opts.m,
      efConstruction: opts.efConstruction,
      threads: opts.threads,
    });
    progress(
      `${engine.name}: built in ${(build.buildMs / 1000).toFixed(2)} s on ${build.threadsUsed} thread(s), ` +
        `${(build.indexBytes / 2 ** 20).toFixed(1)} MiB`,
    );
    await engine.prepareQueries(ds.queries, ds.nq);
    const runs = await measureEfs(engine, ds, opts, progress);
    return { engine: engine.name, build, runs };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    progress(`${engine.name}: FAILED: ${error}`);
    return { engine: engine.name, build: { buildMs: 0, threadsUsed: 0, indexBytes: 0 }, error, runs: [] };
  } finally {
    await engine.close();
  }
}

/** Runs every engine one after another (never in parallel: they would share the cores). */
export async function runAnnBench(
  engines: readonly AnnEngine[],
  ds: AnnDataset,
  opts: AnnRunOptions,
  progress: Progress = () => undefined,
): Promise<EngineResult[]> {
  const out: EngineResult[] = [];
  for (const engine of engines) out.push(await runEngine(engine, ds, opts, progress));
  return out;
}

import { exactKnn } from '@vecgres/datasets';

import { formatAnnReport } from './report';
import { runAnnBench, runEngine } from './runner';
import { tinyDataset } from './testing/tiny-dataset';
import type { AnnEngine, AnnReport, AnnRunOptions, BuildInput, BuildStats } from './types';

/** Brute force; at ef < 20 it drops its nearest answer, so recall depends on ef. */
class ExactEngine implements AnnEngine {
  readonly name = 'exact';
  efs: number[] = [];
  closed = false;
  private input?: BuildInput;
  private queries: Float32Array = new Float32Array(0);
  private ef = 0;
  async build(input: BuildInput): Promise<BuildStats> {
    this.input = input;
    return { buildMs: 1, threadsUsed: 1, indexBytes: input.n * input.dim * 4 };
  }
  async prepareQueries(queries: Float32Array): Promise<void> {
    this.queries = queries;
  }
  async setEf(ef: number): Promise<void> {
    this.ef = ef;
    this.efs.push(ef);
  }
  async search(qi: number, k: number): Promise<ArrayLike<number>> {
    const { base, n, dim } = this.input!;
    const query = this.queries.subarray(qi * dim, (qi + 1) * dim);
    const ids = exactKnn({ metric: 'l2sq', dim, base, nBase: n, queries: query, nq: 1, k: k + 1 }).ids;
    return this.ef < 20 ? ids.subarray(1, k + 1) : ids.subarray(0, k);
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

const OPTS: AnnRunOptions = { m: 16, efConstruction: 64, efs: [5, 40], k: 10, threads: 1, queries: 20, warmup: 3, reps: 2 };

describe('runEngine', () => {
  it('builds once and measures every ef, recall against the ground truth', async () => {
    const ds = tinyDataset();
    const engine = new ExactEngine();
    const lines: string[] = [];
    const r = await runEngine(engine, ds, OPTS, (l) => lines.push(l));
    expect(r.error).toBeUndefined();
    expect(r.build).toEqual({ buildMs: 1, threadsUsed: 1, indexBytes: ds.n * ds.dim * 4 });
    // ef is raised to k (a beam narrower than k cannot return k results).
    expect(engine.efs).toEqual([10, 40]);
    expect(r.runs.map((x) => x.ef)).toEqual([5, 40]);
    expect(r.runs[0]!.recall).toBeCloseTo(0.9, 10);
    expect(r.runs[1]!.recall).toBe(1);
    for (const x of r.runs) {
      expect(x.qps).toBeGreaterThan(0);
      expect(x.cpuQps).toBeGreaterThan(0);
      expect(x.p99Ms).toBeGreaterThanOrEqual(x.p50Ms);
    }
    expect(engine.closed).toBe(true);
    expect(lines.some((l) => l.includes('exact ef=40: recall@10 1.0000'))).toBe(true);
  });

  it('records a failing engine as an error and still closes it', async () => {
    const engine = new ExactEngine();
    engine.build = async () => {
      throw new Error('no such library');
    };
    const [r] = await runAnnBench([engine], tinyDataset(), OPTS);
    expect(r).toMatchObject({ engine: 'exact', error: 'no such library', runs: [] });
    expect(engine.closed).toBe(true);
  });
});

describe('formatAnnReport', () => {
  it('prints the build table, one line per (engine, ef) and the errors', async () => {
    const ds = tinyDataset();
    const failing = new ExactEngine();
    failing.build = async () => {
      throw new Error('boom');
    };
    const results = await runAnnBench([new ExactEngine(), failing], ds, OPTS);
    const report: AnnReport = {
      dataset: ds.name, metric: ds.metric, n: ds.n, dim: ds.dim, options: OPTS,
      date: '2026-11-21T00:00:00.000Z', machine: 'test machine', command: 'npm run bench:ann -- --dataset x', results,
    };
    const text = formatAnnReport(report);
    expect(text).toContain('ANN benchmark: tiny-l2 (l2, n=400, d=8, 20 queries), m=16 ef_construction=64 k=10 threads=1 reps=2');
    expect(text).toMatch(/^exact\s+0\.00\s+1\s+0\.0(\s+\d+){3}$/m);
    expect(text).toMatch(/^exact\s+error\s/m);
    expect(text).toMatch(/^exact\s+5\s+0\.9000\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+$/m);
    expect(text).toMatch(/^exact\s+40\s+1\.0000\s/m);
    expect(text).toContain('exact: boom');
  });
});

import { chosenPass, firstAtRecall, formatFilteredMarkdown, isTargetSelectivity, targetVerdicts } from './filtered-report';
import type { FilteredPass, FilteredReport } from './filtered-types';

const pass = (ef: number, recall: number, qps: number, extra: Partial<FilteredPass> = {}): FilteredPass => ({
  ef,
  recall,
  qps,
  p50Ms: 1000 / qps,
  p99Ms: 2000 / qps,
  meanRows: 10,
  shortAnswers: 0,
  ...extra,
});

function report(): FilteredReport {
  return {
    dataset: 'glove-100-angular-100k',
    metric: 'cosine',
    n: 100000,
    dim: 100,
    queries: 100,
    k: 10,
    m: 16,
    efConstruction: 64,
    date: '2026-11-21T21:00:00.000Z',
    machine: 'Test CPU, 2 logical CPUs, node v22',
    command: 'npm run bench:ann -- --dataset glove-100-angular-100k --wire postgres://x --filtered',
    buildMs: 12345,
    unfiltered: [pass(40, 0.9, 2000), pass(80, 0.96, 1500), pass(200, 0.99, 800)],
    filters: [
      { target: '0 %', where: 'rank < 0', selectivity: 0, rows: 0, gtSource: 'brute force', passes: [pass(40, 1, 3000, { meanRows: 0 })] },
      { target: '~1 %', where: 'rank < 1010', selectivity: 0.01, rows: 1000, gtSource: 'gt.filter-rank-lt-1010.ivecs', passes: [pass(40, 0.97, 1200), pass(100, 0.985, 900), pass(200, 0.999, 600)] },
      { target: '~10 %', where: 'rank < 10100', selectivity: 0.10003, rows: 10003, gtSource: 'gt.filter-rank-lt-10100.ivecs', passes: [pass(40, 0.9, 1000, { shortAnswers: 3, meanRows: 9.5 }), pass(100, 0.95, 700)] },
      { target: '~50 %', where: 'rank < 50500', selectivity: 0.505, rows: 50500, gtSource: 'brute force', passes: [], error: 'connection reset' },
    ],
  };
}

describe('pass choice', () => {
  it('takes the smallest ef reaching the target, else the best recall', () => {
    const r = report();
    expect(firstAtRecall(r.unfiltered, 0.95)?.ef).toBe(80);
    expect(firstAtRecall(r.unfiltered, 0.999)).toBeUndefined();
    expect(chosenPass(r.filters[1]!.passes)?.ef).toBe(100);
    expect(chosenPass(r.filters[2]!.passes)?.ef).toBe(100);
    expect(chosenPass([])).toBeUndefined();
  });
});

describe('the issue #7 QPS target', () => {
  it('applies to the ~1 % and ~10 % filters only', () => {
    expect([0, 0.001, 0.005, 0.01, 0.1, 0.15, 0.5, 1].map(isTargetSelectivity)).toEqual([false, false, true, true, true, true, false, false]);
  });

  it('compares the first pass reaching 0.98 with the unfiltered QPS at 0.95', () => {
    const r = report();
    r.filters[2]!.passes.push(pass(200, 0.99, 800));
    expect(targetVerdicts(r)).toEqual(['`rank < 1010` met (60 % at ef_search 100)', '`rank < 10100` met (53 % at ef_search 200)']);
    expect(targetVerdicts({ ...r, unfiltered: [] })).toEqual(['`rank < 1010` unknown (no unfiltered baseline)', '`rank < 10100` unknown (no unfiltered baseline)']);
  });
});

describe('formatFilteredMarkdown', () => {
  it('prints the unfiltered baseline, one summary row per filter and every pass', () => {
    const md = formatFilteredMarkdown(report()).split('\n');
    expect(md[0]).toBe('### Filtered vector search: glove-100-angular-100k (cosine, n=100000, d=100, 100 queries, k=10)');
    expect(md).toContain('Unfiltered, same table: ef_search 80, recall@10 0.9600, **1500 QPS** (p50 0.67 ms, p99 1.33 ms).');
    expect(md).toContain('| filter | selectivity | matching rows | GT | ef_search | recall@10 | QPS | p50 ms | p99 ms | short answers | QPS vs unfiltered |');
    expect(md).toContain('| `rank < 0` | 0 % | 0 | brute force | 40 | 1.0000 | 3000 | 0.33 | 0.67 | 0 | 200 % |');
    expect(md).toContain('| `rank < 1010` | 1.0 % | 1000 | gt.filter-rank-lt-1010.ivecs | 100 | 0.9850 | 900 | 1.11 | 2.22 | 0 | 60 % |');
    expect(md).toContain('| `rank < 10100` | 10.0 % | 10003 | gt.filter-rank-lt-10100.ivecs | 100 | 0.9500 | 700 | 1.43 | 2.86 | 0 | 47 % |');
    expect(md).toContain('| `rank < 50500` | 50.5 % | 50500 | brute force | - | - | - | - | - | - | error: connection reset |');
    expect(md).toContain('| `rank < 10100` | 40 | 0.9000 | 1000 | 1.00 | 2.00 | 9.5 | 3 |');
    expect(md).toContain('| unfiltered | 200 | 0.9900 | 800 | 1.25 | 2.50 | 10.0 | 0 |');
    expect(md).toContain('- `rank < 50500`: connection reset');
    expect(md).toContain(
      'Issue #7 target (~1 % and ~10 %: recall@10 >= 0.98 at >= 50 % of the unfiltered QPS at recall >= 0.95): ' +
        '`rank < 1010` met (60 % at ef_search 100); `rank < 10100` not met (no pass reached recall 0.98).',
    );
    expect(md.join('\n')).toContain('one client, prepared statements with parameters, `hnsw.iterative_scan` off.');
  });

  it('says when no unfiltered ef reached 0.95 and names a forced full_scan_threshold', () => {
    const r = { ...report(), unfiltered: [pass(40, 0.5, 100)], fullScanThreshold: 10 };
    const md = formatFilteredMarkdown(r);
    expect(md).toContain('Unfiltered, same table: no ef_search of 40 reached recall@10 >= 0.95.');
    expect(md).toContain('`vecgres.full_scan_threshold = 10`.');
    expect(md).toContain('| `rank < 1010` | 1.0 % | 1000 | gt.filter-rank-lt-1010.ivecs | 100 | 0.9850 | 900 | 1.11 | 2.22 | 0 | - |');
  });
});

// The selectivity sweep of issue #7 on one fixture table, as jest blocks:
//
//   default settings (these tables are below vecgres.full_scan_threshold = 10000 kB, so every
//   segment is searched exactly): per filter, exactly min(k, matches) rows, all matching,
//   recall@10 >= 0.98; EXPLAIN names a Filter Strategy with an estimate.
//   SET vecgres.full_scan_threshold = 10 (forces the HNSW paths) and hnsw.ef_search = E, the
//   smallest of 40/80/200/400 with unfiltered recall >= 0.98: per filter, exactly min(k,
//   matches) rows and recall@10 >= unfiltered recall at E - 0.01.
import { Client } from 'pg';
import { sweepCases, type FilterCase } from './filter-cases';
import { loadFixture, loadFixtureTable, type LoadedTable } from './fixture-table';
import { startServer, type ServerHandle } from '@vecgres/server-process';
import { explain, filterStrategy, querySet, runCase, unfilteredRecall, type QuerySet } from './sweep';

export interface SweepSuiteOptions {
  which: 'fiori' | 'fashionSlice';
  table: string;
  /** A label holding ~10 % of the rows, and two labels for the IN list. */
  hot: number;
  pair: [number, number];
  /** Queries per filter. */
  nq: number;
  /** hnsw WITH (payload_m = ...): links per payload value, so label filters walk their group. */
  payloadM?: number;
}

const K = 10;
const EXACT_RECALL = 0.98;
const EF_CANDIDATES = [40, 80, 200, 400];
const FORCED_THRESHOLD_KB = 10;

/** EXPLAIN lines cut to 100 characters (the query vector literal is long). */
function brief(lines: readonly string[]): string {
  return lines.map((l) => (l.length > 100 ? `${l.slice(0, 100)}...` : l)).join('\n');
}

export function defineSweepSuite(opts: SweepSuiteOptions): void {
  const cases = sweepCases(opts.hot, opts.pair);
  const rows: Array<[string, FilterCase]> = cases.map((c) => [c.name, c]);
  let server: ServerHandle | undefined;
  let client: Client;
  let loaded: LoadedTable;
  let qs: QuerySet;

  beforeAll(async () => {
    server = await startServer();
    client = new Client(server.pgConfig());
    await client.connect();
    loaded = await loadFixtureTable(client, opts.table, loadFixture(opts.which), opts.payloadM ? { payloadM: opts.payloadM } : {});
    qs = querySet(loaded, opts.nq);
  }, 240_000);

  afterAll(async () => {
    await client?.end().catch(() => undefined);
    await server?.stop();
  });

  test('the table holds the modelled rows after VACUUM, the tail inserts, updates and deletes', async () => {
    const r = await client.query<{ n: string; labels: string; ids: string }>(
      `SELECT count(*) AS n, sum(label) AS labels, sum(id) AS ids FROM ${opts.table}`,
    );
    const model = [...loaded.model.rows.values()];
    expect({ n: Number(r.rows[0]!.n), labels: Number(r.rows[0]!.labels), ids: Number(r.rows[0]!.ids) }).toEqual({
      n: model.length,
      labels: model.reduce((s, x) => s + x.label, 0),
      ids: model.reduce((s, x) => s + x.id, 0),
    });
  });

  describe('default thresholds (below vecgres.full_scan_threshold: exact search)', () => {
    test.each(rows)('%s: min(k, matches) matching rows, recall@10 >= 0.98', async (_name, fc) => {
      const o = await runCase(client, loaded, fc, qs, K, EXACT_RECALL);
      expect(o.problems).toEqual([]);
    });

    test('EXPLAIN shows the Filter Strategy (exact) with a row estimate for every filter', async () => {
      const problems: string[] = [];
      for (const fc of cases) {
        const lines = await explain(client, `SELECT id FROM ${opts.table} WHERE ${fc.where} ORDER BY emb ${loaded.op} '${qs.literals[0]}' LIMIT ${K}`);
        const s = filterStrategy(lines);
        if (s === undefined) problems.push(`[${fc.where}]: no "Filter Strategy:" line in EXPLAIN:\n${brief(lines)}`);
        else if (!/\d/.test(s)) problems.push(`[${fc.where}]: Filter Strategy "${s}" shows no row estimate`);
        else if (!/exact/i.test(s)) problems.push(`[${fc.where}]: Filter Strategy "${s}", expected an exact search (table below full_scan_threshold)`);
      }
      expect(problems).toEqual([]);
    });
  });

  describe(`SET vecgres.full_scan_threshold = ${FORCED_THRESHOLD_KB} (HNSW paths)`, () => {
    let ef = EF_CANDIDATES[EF_CANDIDATES.length - 1]!;
    let baseline: number | undefined;

    beforeAll(async () => {
      await client.query(`SET vecgres.full_scan_threshold = ${FORCED_THRESHOLD_KB}`);
    });
    afterAll(async () => {
      await client.query('RESET vecgres.full_scan_threshold').catch(() => undefined);
      await client.query('RESET hnsw.ef_search').catch(() => undefined);
    });

    test('some hnsw.ef_search of 40, 80, 200, 400 gives unfiltered recall@10 >= 0.98', async () => {
      const seen: string[] = [];
      for (const e of EF_CANDIDATES) {
        await client.query(`SET hnsw.ef_search = ${e}`);
        const r = await unfilteredRecall(client, loaded, qs, K);
        seen.push(`ef_search ${e}: ${r.toFixed(4)}`);
        ef = e;
        baseline = r;
        if (r >= 0.98) break;
      }
      expect({ reached: baseline! >= 0.98, seen }).toEqual({ reached: true, seen });
    });

    test.each(rows)('%s: min(k, matches) matching rows, recall@10 >= unfiltered recall at the same ef_search', async (_name, fc) => {
      await client.query(`SET hnsw.ef_search = ${ef}`);
      if (baseline === undefined) baseline = await unfilteredRecall(client, loaded, qs, K);
      const o = await runCase(client, loaded, fc, qs, K, baseline - 0.01, `ef_search ${ef} (unfiltered recall ${baseline.toFixed(4)}): `);
      expect(o.problems).toEqual([]);
    });

    if (opts.payloadM) {
      test('with payload_m, a label filter walks its label\'s payload links (EXPLAIN and EXPLAIN ANALYZE; the mutable tail is searched exactly)', async () => {
        const sql = `SELECT id FROM ${opts.table} WHERE label = ${opts.hot} ORDER BY emb ${loaded.op} '${qs.literals[0]}' LIMIT ${K}`;
        expect(filterStrategy(await explain(client, sql))).toMatch(/^hnsw payload links (\/ exact \+ recheck )?\(estimated rows: \d+ of \d+\)$/);
        const analyzed = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${sql}`)).rows.map((r) => r['QUERY PLAN'].trim());
        expect(analyzed.some((l) => l.startsWith('Filter Strategy: hnsw payload links (segments: 1,'))).toBe(true);
      });
    }

    test('EXPLAIN shows an hnsw Filter Strategy for indexed filters far above the threshold', async () => {
      const rowBytes = 4 * loaded.data.dim;
      const problems: string[] = [];
      for (const fc of cases) {
        const matching = loaded.model.matching(fc.matches).length;
        const lines = await explain(client, `SELECT id FROM ${opts.table} WHERE ${fc.where} ORDER BY emb ${loaded.op} '${qs.literals[0]}' LIMIT ${K}`);
        const s = filterStrategy(lines);
        if (s === undefined) {
          problems.push(`[${fc.where}]: no "Filter Strategy:" line in EXPLAIN:\n${brief(lines)}`);
          continue;
        }
        if (!/\d/.test(s)) problems.push(`[${fc.where}]: Filter Strategy "${s}" shows no row estimate`);
        const farAbove = fc.fullyIndexed && matching * rowBytes > 5 * FORCED_THRESHOLD_KB * 1024;
        if (farAbove && !/hnsw/i.test(s)) {
          problems.push(`[${fc.where}]: ${matching} matching rows x ${rowBytes} B > ${FORCED_THRESHOLD_KB} kB, Filter Strategy "${s}", expected an hnsw strategy`);
        }
        if (matching === 0 && !/exact/i.test(s) && fc.fullyIndexed) {
          problems.push(`[${fc.where}]: no row matches (exact estimate 0), Filter Strategy "${s}", expected exact`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
}

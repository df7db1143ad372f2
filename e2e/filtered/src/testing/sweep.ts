// Runs one filter case over the wire for a set of queries and checks it against the oracle:
// (1) exactly min(k, matching rows) rows, (2) every returned row matches the filter, (3) mean
// tie-aware recall@k >= the bar. Failures come back as readable lines naming the filter, its
// selectivity, k, the rows returned and the recall, so `expect(problems).toEqual([])` says what
// was expected.
import type { Client } from 'pg';
import type { FilterCase } from './filter-cases';
import { vectorLiteral, type LoadedTable } from './fixture-table';
import { exactTopK, tieAwareRecall } from './oracle';

export interface QuerySet {
  nq: number;
  /** pgvector text literals of the queries. */
  literals: string[];
  /** Per query: Map id -> distance to every row of the final table. */
  dists: Map<number, number>[];
}

export function querySet(loaded: LoadedTable, nq: number): QuerySet {
  const { data, model } = loaded;
  const n = Math.min(nq, data.nq);
  const literals = Array.from({ length: n }, (_, q) => vectorLiteral(data.queries.subarray(q * data.dim, (q + 1) * data.dim)));
  return { nq: n, literals, dists: model.distances(data.queries, n) };
}

export interface CaseOutcome {
  /** e.g. `int = (~10 %) [label = 2]: 74 of 689 rows match (10.74 %), k=10`. */
  describe: string;
  matching: number;
  recall: number;
  problems: string[];
}

const MAX_PROBLEMS = 12;

function pct(x: number): string {
  return `${(100 * x).toFixed(2)} %`;
}

/**
 * Runs `SELECT id FROM t WHERE <filter> ORDER BY emb <op> $1 LIMIT k` for every query.
 * minRecall: the mean recall@k the case must reach (a shortfall is one problem line).
 */
export async function runCase(
  client: Client,
  loaded: LoadedTable,
  fc: FilterCase,
  qs: QuerySet,
  k: number,
  minRecall: number,
  label = '',
): Promise<CaseOutcome> {
  const matchRows = loaded.model.matching(fc.matches).map((r) => r.id);
  const matchSet = new Set(matchRows);
  const total = loaded.model.rows.size;
  const want = Math.min(k, matchRows.length);
  const describe = `${label}${fc.name} [${fc.where}]: ${matchRows.length} of ${total} rows match (${pct(matchRows.length / total)}), k=${k}`;
  const problems: string[] = [];
  const sql = `SELECT id FROM ${loaded.table} WHERE ${fc.where} ORDER BY emb ${loaded.op} $1 LIMIT ${k}`;
  let recallSum = 0;
  let worst = { q: -1, recall: 2 };
  for (let q = 0; q < qs.nq; q++) {
    const got = (await client.query<{ id: number }>(sql, [qs.literals[q]])).rows.map((r) => Number(r.id));
    if (got.length !== want) problems.push(`${describe}: query ${q} returned ${got.length} rows, expected exactly ${want}`);
    const wrong = got.filter((id) => !matchSet.has(id));
    if (wrong.length > 0) problems.push(`${describe}: query ${q} returned rows that do not match the filter: ids ${wrong.join(', ')}`);
    const truth = exactTopK(qs.dists[q]!, matchRows, k);
    const recall = tieAwareRecall(got, truth, qs.dists[q]!, matchSet);
    recallSum += recall;
    if (recall < worst.recall) worst = { q, recall };
  }
  const recall = qs.nq > 0 ? recallSum / qs.nq : 1;
  if (recall < minRecall) {
    problems.push(
      `${describe}: mean recall@${k} ${recall.toFixed(4)} over ${qs.nq} queries, expected >= ${minRecall.toFixed(4)} ` +
        `(worst: query ${worst.q} at ${worst.recall.toFixed(2)})`,
    );
  }
  if (problems.length > MAX_PROBLEMS) problems.splice(MAX_PROBLEMS, problems.length, `... and ${problems.length - MAX_PROBLEMS} more`);
  return { describe, matching: matchRows.length, recall, problems };
}

/** Mean tie-aware recall@k of the unfiltered query (no WHERE) at the session's settings. */
export async function unfilteredRecall(client: Client, loaded: LoadedTable, qs: QuerySet, k: number): Promise<number> {
  const all = [...loaded.model.rows.keys()];
  const allSet = new Set(all);
  let sum = 0;
  for (let q = 0; q < qs.nq; q++) {
    const got = (await client.query<{ id: number }>(`SELECT id FROM ${loaded.table} ORDER BY emb ${loaded.op} $1 LIMIT ${k}`, [qs.literals[q]])).rows.map((r) => Number(r.id));
    sum += tieAwareRecall(got, exactTopK(qs.dists[q]!, all, k), qs.dists[q]!, allSet);
  }
  return sum / qs.nq;
}

/** The EXPLAIN lines of `sql`. */
export async function explain(client: Client, sql: string): Promise<string[]> {
  return (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN']);
}

/** The text after `Filter Strategy:` in an EXPLAIN, or undefined. */
export function filterStrategy(lines: readonly string[]): string | undefined {
  for (const l of lines) {
    const m = /^\s*Filter Strategy:\s*(.+)$/.exec(l);
    if (m) return m[1]!;
  }
  return undefined;
}

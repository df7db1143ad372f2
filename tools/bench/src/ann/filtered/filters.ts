// The filters of the filtered benchmark per dataset, with their ground truth:
//
//   dataset                       columns         filters (selectivity: where GT comes from)
//   fashion-mnist-784-euclidean   label, bucket   0 %, ~0.1 % (brute force), ~1 % label+bucket
//                                                 (gt.filter-label-bucket), 10 % label
//                                                 (gt.filter-label), 50 % (brute force), 100 % (gt)
//   glove-100-angular-100k        rank            rank < 0, < 101 (bf), < 1010 (gt), < 10100 (gt),
//                                                 < 50500 (bf), >= 0 (gt)
//   fiori-docs-minilm-384-cosine  label           label = -1, = 8 (bf), = 5 (gt), = 2 (gt),
//                                                 = 0 (bf, ~50 %), >= 0 (gt)
//   any other set with base.label label = -1, label = <row 0's label> (bf), label >= 0 (gt)
//
// Per-query filter values (fashion-mnist's query.filter_label) are bound as $2; the query
// vector is always $1. Brute force uses @vecgres/datasets' exactKnn over the matching ids and is
// skipped (with a log line) when it would cost more than `budget` multiply-adds.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { exactKnn, readAttribute, readIvecs } from '@vecgres/datasets';

import type { AnnDataset } from '../dataset';

export interface FilterDef {
  /** Selectivity class for the report: '0 %', '~1 %', ... */
  target: string;
  /** The WHERE clause: $2 is the per-query value when `param` is set. */
  where: string;
  param?: (q: number) => number;
  /** Does base row i pass the filter for query q. */
  matches: (i: number, q: number) => boolean;
  /** `gt.<gtFile>.ivecs(.gz)`, 'unfiltered' for gt.ivecs; absent = brute force. */
  gtFile?: string;
}

export interface FilteredDatasetDef {
  /** Integer attribute columns (from base.<column>.ivecs), in table order. */
  columns: string[];
  filters: FilterDef[];
}

/** A filter ready to measure. */
export interface ResolvedFilter {
  target: string;
  where: string;
  /** Per query value for $2, or undefined. */
  params?: Int32Array;
  /** Mean fraction of base rows that pass (over the measured queries). */
  selectivity: number;
  /** Mean number of base rows that pass. */
  rows: number;
  /** 'gt file' | 'brute force' | 'gt.ivecs'. */
  gtSource: string;
  /** Int32Array, nq * gtD true neighbour ids (-1 past counts[q]). */
  gt: Int32Array;
  gtD: number;
  /** Per query: how many true neighbours exist (min(gtD, matching rows)). */
  counts: Int32Array;
}

function attr(dir: string, name: string): Int32Array {
  for (const p of [join(dir, `${name}.ivecs.gz`), join(dir, `${name}.ivecs`)]) if (existsSync(p)) return readAttribute(p);
  throw new Error(`dataset directory ${dir} has no ${name}.ivecs(.gz), needed by the filtered benchmark`);
}

function hasAttr(dir: string, name: string): boolean {
  return existsSync(join(dir, `${name}.ivecs.gz`)) || existsSync(join(dir, `${name}.ivecs`));
}

/** Attribute columns and filters for `ds`; throws when the dataset has no attributes. */
export function filteredDatasetDef(ds: Pick<AnnDataset, 'name' | 'dir'>): { def: FilteredDatasetDef; attrs: Int32Array[] } {
  const { name, dir } = ds;
  if (name.startsWith('fashion-mnist-784-euclidean') && hasAttr(dir, 'base.bucket') && hasAttr(dir, 'query.filter_label')) {
    const label = attr(dir, 'base.label');
    const bucket = attr(dir, 'base.bucket');
    const fl = attr(dir, 'query.filter_label');
    const p = (q: number) => fl[q]!;
    return {
      attrs: [label, bucket],
      def: {
        columns: ['label', 'bucket'],
        filters: [
          { target: '0 %', where: 'label = -1', matches: () => false },
          { target: '~0.1 %', where: 'label = $2 AND bucket = 0', param: p, matches: (i, q) => label[i] === fl[q] && bucket[i] === 0 },
          { target: '~1 %', where: 'label = $2 AND bucket < 10', param: p, matches: (i, q) => label[i] === fl[q] && bucket[i]! < 10, gtFile: 'filter-label-bucket' },
          { target: '10 %', where: 'label = $2', param: p, matches: (i, q) => label[i] === fl[q], gtFile: 'filter-label' },
          { target: '50 %', where: 'label < 5', matches: (i) => label[i]! < 5 },
          { target: '100 %', where: 'label >= 0', matches: () => true, gtFile: 'unfiltered' },
        ],
      },
    };
  }
  if (name.startsWith('glove-100-angular') && hasAttr(dir, 'base.rank')) {
    const rank = attr(dir, 'base.rank');
    const lt = (v: number, gtFile?: string, target = ''): FilterDef => ({ target, where: `rank < ${v}`, matches: (i) => rank[i]! < v, ...(gtFile ? { gtFile } : {}) });
    return {
      attrs: [rank],
      def: {
        columns: ['rank'],
        filters: [
          lt(0, undefined, '0 %'),
          lt(101, undefined, '~0.1 %'),
          lt(1010, 'filter-rank-lt-1010', '~1 %'),
          lt(10100, 'filter-rank-lt-10100', '~10 %'),
          lt(50500, undefined, '~50 %'),
          { target: '100 %', where: 'rank >= 0', matches: () => true, gtFile: 'unfiltered' },
        ],
      },
    };
  }
  if (hasAttr(dir, 'base.label')) {
    const label = attr(dir, 'base.label');
    const eq = (v: number, target: string, gtFile?: string): FilterDef => ({ target, where: `label = ${v}`, matches: (i) => label[i] === v, ...(gtFile ? { gtFile } : {}) });
    const filters: FilterDef[] = name.startsWith('fiori-docs')
      ? [eq(-1, '0 %'), eq(8, '~0.1 %'), eq(5, '~3 %', 'filter-category-5'), eq(2, '~10 %', 'filter-category-2'), eq(0, '~50 %')]
      : [eq(-1, '0 %'), eq(label[0]!, `label = ${label[0]}`)];
    filters.push({ target: '100 %', where: 'label >= 0', matches: () => true, gtFile: 'unfiltered' });
    return { attrs: [label], def: { columns: ['label'], filters } };
  }
  throw new Error(`dataset '${name}' has no attribute columns (base.label / base.rank / base.bucket) for --filtered`);
}

/** Default brute-force budget: multiply-adds (matching rows x dim x queries) per filter. */
export const BRUTE_FORCE_BUDGET = 3e9;

/**
 * The ground truth of each filter for the first ds.nq queries (files, or brute force within
 * `budget`); filters whose GT is too expensive are dropped with a log line.
 */
export function resolveFilters(
  ds: AnnDataset,
  filters: readonly FilterDef[],
  k: number,
  log: (s: string) => void = () => undefined,
  budget = BRUTE_FORCE_BUDGET,
): ResolvedFilter[] {
  const out: ResolvedFilter[] = [];
  for (const f of filters) {
    const params = f.param ? Int32Array.from({ length: ds.nq }, (_, q) => f.param!(q)) : undefined;
    // Matching ids per distinct parameter value (one list when the filter has no parameter).
    const idsByKey = new Map<number, Int32Array>();
    const idsOf = (q: number): Int32Array => {
      const key = params ? params[q]! : 0;
      let ids = idsByKey.get(key);
      if (!ids) {
        const list: number[] = [];
        for (let i = 0; i < ds.n; i++) if (f.matches(i, q)) list.push(i);
        ids = Int32Array.from(list);
        idsByKey.set(key, ids);
      }
      return ids;
    };
    let rowSum = 0;
    for (let q = 0; q < ds.nq; q++) rowSum += idsOf(q).length;
    const rows = ds.nq > 0 ? rowSum / ds.nq : 0;
    const base = { target: f.target, where: f.where, ...(params ? { params } : {}), selectivity: rows / ds.n, rows };
    if (f.gtFile !== undefined) {
      const stem = f.gtFile === 'unfiltered' ? 'gt' : `gt.${f.gtFile}`;
      const gtFile = [join(ds.dir, `${stem}.ivecs.gz`), join(ds.dir, `${stem}.ivecs`)].find((p) => existsSync(p));
      if (gtFile) {
        const g = readIvecs(gtFile);
        if (g.d < k) throw new Error(`${gtFile} has ${g.d} neighbours per query, fewer than k=${k}`);
        const gt = g.data.subarray(0, ds.nq * g.d);
        const counts = Int32Array.from({ length: ds.nq }, (_, q) => Math.min(g.d, idsOf(q).length));
        out.push({ ...base, gtSource: f.gtFile === 'unfiltered' ? 'gt.ivecs' : `${stem}.ivecs`, gt, gtD: g.d, counts });
        continue;
      }
    }
    const cost = rowSum * ds.dim;
    if (cost > budget) {
      log(`filtered: skipping '${f.where}' (${(100 * base.selectivity).toFixed(2)} %): brute-force GT would take ${cost.toExponential(1)} multiply-adds`);
      continue;
    }
    const gt = new Int32Array(ds.nq * k).fill(-1);
    const counts = new Int32Array(ds.nq);
    const metric = ds.metric === 'cosine' ? 'cosine' : 'l2sq';
    for (let q = 0; q < ds.nq; q++) {
      const ids = idsOf(q);
      if (ids.length === 0) continue;
      const r = exactKnn({ metric, dim: ds.dim, base: ds.base, nBase: ds.n, queries: ds.queries.subarray(q * ds.dim, (q + 1) * ds.dim), nq: 1, k, ids });
      gt.set(r.ids, q * k);
      counts[q] = r.counts[0]!;
    }
    out.push({ ...base, gtSource: 'brute force', gt, gtD: k, counts });
  }
  return out;
}

/**
 * recall@k of one filtered answer: |found[0..k) ∩ truth[0..c)| / c with c = min(k, count), the
 * true neighbours that exist; 1 for an empty answer when nothing matches (0 otherwise).
 * truth: Int32Array row of the filter's GT, nearest first.
 */
export function filteredRecall(found: ArrayLike<number>, truth: ArrayLike<number>, count: number, k: number): number {
  const c = Math.min(k, count);
  if (c === 0) return found.length === 0 ? 1 : 0;
  const want = new Set<number>();
  for (let i = 0; i < c; i++) want.add(truth[i]!);
  const seen = new Set<number>();
  let hit = 0;
  for (let i = 0; i < Math.min(k, found.length); i++) {
    const id = found[i]!;
    if (want.has(id) && !seen.has(id)) hit++;
    seen.add(id);
  }
  return hit / c;
}

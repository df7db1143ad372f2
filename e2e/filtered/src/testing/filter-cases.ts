// The filters of the selectivity sweep, each as SQL and as the same predicate over the model.
// Together they cover 0 % (nothing matches), ~0.1 %, ~1 %, ~10 %, ~50 % and 100 % on both
// fixture tables, and every filter shape of issue #7's acceptance: one indexed int column with
// =, IN and a range; two indexed columns ANDed; an OR; jsonb containment; a range on the
// (unindexed) id; a text equality; an unindexed predicate mixed with an indexed one.
import type { ModelRow } from './oracle';

export interface FilterCase {
  /** Short name for test titles and failure messages. */
  name: string;
  /** The WHERE clause (without WHERE). */
  where: string;
  matches: (r: ModelRow) => boolean;
  /**
   * Every leaf is served by a payload index (btree on label / bucket / tag, gin on meta), so
   * the engine can count the matching rows exactly.
   */
  fullyIndexed: boolean;
}

/** hot: a label with ~10 % of the rows; pair: two labels for the IN list. */
export function sweepCases(hot: number, pair: readonly [number, number]): FilterCase[] {
  return [
    { name: 'int = (0 %)', where: 'label = -1', matches: (r) => r.label === -1, fullyIndexed: true },
    { name: 'jsonb @> (0 %)', where: `meta @> '{"group": "none"}'`, matches: (r) => r.meta.group === 'none', fullyIndexed: true },
    { name: 'text = (~0.1 %)', where: "tag = 't7'", matches: (r) => r.tag === 't7', fullyIndexed: true },
    { name: 'id range (~0.1 %)', where: 'id BETWEEN 100 AND 101', matches: (r) => r.id >= 100 && r.id <= 101, fullyIndexed: false },
    { name: 'int = (~1 %)', where: 'bucket = 7', matches: (r) => r.bucket === 7, fullyIndexed: true },
    {
      name: 'two indexed columns AND (~1 %)',
      where: `label = ${hot} AND bucket < 10`,
      matches: (r) => r.label === hot && r.bucket < 10,
      fullyIndexed: true,
    },
    {
      name: 'indexed AND unindexed (~5 %)',
      where: `label = ${hot} AND (id % 2) = 0`,
      matches: (r) => r.label === hot && r.id % 2 === 0,
      fullyIndexed: false,
    },
    { name: 'int = (~10 %)', where: `label = ${hot}`, matches: (r) => r.label === hot, fullyIndexed: true },
    {
      name: 'int IN (~10 %)',
      where: `label IN (${pair[0]}, ${pair[1]})`,
      matches: (r) => r.label === pair[0] || r.label === pair[1],
      fullyIndexed: true,
    },
    { name: 'int range (~10 %)', where: 'bucket < 10', matches: (r) => r.bucket < 10, fullyIndexed: true },
    {
      name: 'jsonb @> (~10 %)',
      where: `meta @> '{"group": "g3"}'`,
      matches: (r) => r.meta.group === 'g3',
      fullyIndexed: true,
    },
    {
      name: 'jsonb @> two keys (~5 %)',
      where: `meta @> '{"label": ${hot}, "parity": "even"}'`,
      matches: (r) => r.meta.label === hot && r.meta.parity === 'even',
      fullyIndexed: true,
    },
    { name: 'int range (~50 %)', where: 'bucket BETWEEN 25 AND 74', matches: (r) => r.bucket >= 25 && r.bucket <= 74, fullyIndexed: true },
    {
      name: 'OR of indexed columns (~50 %)',
      where: `label = ${hot} OR bucket >= 55`,
      matches: (r) => r.label === hot || r.bucket >= 55,
      fullyIndexed: true,
    },
    { name: 'id range (~50 %)', where: 'id >= 10 AND id % 2 = 1', matches: (r) => r.id >= 10 && r.id % 2 === 1, fullyIndexed: false },
    { name: 'int range (100 %)', where: 'bucket >= 0', matches: (r) => r.bucket >= 0, fullyIndexed: true },
    { name: 'text range, unindexed (100 %)', where: "tag >= 't'", matches: (r) => r.tag >= 't', fullyIndexed: false },
  ];
}

// Per-row constraint checks in PostgreSQL's order (ExecConstraints, then the index insertions):
// NOT NULL by attnum, CHECK constraints by name (NULL passes: only false fails), then unique
// keys by index OID. Each uses PostgreSQL's message and DETAIL texts exactly.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import type { ConstrainedTable, ScanColumn, TypeRef, UniqueKeySpec } from '@vecgres/planner';
import type { ExecContext, Row } from '../exec/exec-context';
import { compileExpr, type Compiled } from '../expr/compile-expr';
import { describeKey, keyString, positionsOf } from './key-codec';
import { scanKeyLookup, type KeyLookup, type KeyMatches, type KeySource } from './key-index';

/** `(1, null, x)`: the Failing row DETAIL (values through their output functions). */
export function formatRow(ctx: ExecContext, columns: readonly ScanColumn[], row: Row): string {
  return `(${row.slice(0, columns.length).map((v, i) => {
    if (v === null || v === undefined) return 'null';
    const codec = ctx.codecs.get(columns[i].type.oid);
    return codec ? codec.toText(v) : String(v);
  }).join(', ')})`;
}

/** Lookups through the transaction's key maps, or by scanning when it has none. */
export function keyLookupOf(ctx: ExecContext): KeyLookup {
  return ctx.tables.keys ?? scanKeyLookup((t, cols) => ctx.tables.scan(t, cols));
}

/** A visible row by id, through TableAccess.get or a scan. */
export function rowById(ctx: ExecContext, table: number, rowId: number, columns: readonly ScanColumn[]): Row | null {
  if (ctx.tables.get) return ctx.tables.get(table, rowId, columns);
  for (const r of ctx.tables.scan(table, columns)) if (r.rowId === rowId) return r.row;
  return null;
}

/** The unique key of `row` under `spec` and what holds it (null key: NULLs never conflict). */
export interface UniqueProbe { key: string; values: unknown[]; names: string[]; types: TypeRef[]; source: KeySource; matches: KeyMatches }

/** How one unique index's key is read from a row (plain columns or expressions). */
interface KeyLayout { names: string[]; types: TypeRef[]; extract: (row: Row) => unknown[]; source: KeySource }

/** Compiled checks of one table (CHECK expressions compile once per statement). */
export class TableChecks {
  private readonly checks: Array<{ name: string; pred: Compiled }>;
  private readonly keyColumns = new Map<number, KeyLayout>();

  constructor(private readonly ctx: ExecContext, readonly t: ConstrainedTable, private readonly lookup: KeyLookup) {
    this.checks = t.checks.map((c) => ({ name: c.name, pred: compileExpr(ctx, c.expr) }));
  }

  /** NOT NULL (23502) then CHECK (23514) over a full row in `t.columns` order. */
  async checkRow(row: Row): Promise<void> {
    const { t, ctx } = this;
    for (const attnum of t.notNull) {
      const i = t.columns.findIndex((c) => c.attnum === attnum);
      if (i >= 0 && (row[i] === null || row[i] === undefined)) {
        throw new SqlError(SQLSTATE.NOT_NULL_VIOLATION,
          `null value in column "${t.columns[i].name}" of relation "${t.tableName}" violates not-null constraint`,
          { detail: `Failing row contains ${formatRow(ctx, t.columns, row)}.`, table: t.tableName, column: t.columns[i].name });
      }
    }
    for (const c of this.checks) {
      if (c.pred.prepare) await c.pred.prepare(row);
      if (c.pred.fn(row) === false) {
        throw new SqlError(SQLSTATE.CHECK_VIOLATION, `new row for relation "${t.tableName}" violates check constraint "${c.name}"`,
          { detail: `Failing row contains ${formatRow(ctx, t.columns, row)}.`, table: t.tableName, constraint: c.name });
      }
    }
  }

  private keyLayout(spec: UniqueKeySpec): KeyLayout {
    let k = this.keyColumns.get(spec.index);
    if (!k) {
      const positions = positionsOf(this.t.columns, spec.attnums);
      const exprs = spec.exprs?.map((e) => (e ? compileExpr(this.ctx, e) : null));
      const names = positions.map((p, i) => (p >= 0 ? this.t.columns[p].name : spec.exprTexts?.[i] ?? '?'));
      const types = positions.map((p, i) => (p >= 0 ? this.t.columns[p].type : spec.exprs![i]!.type));
      const extract = (row: Row) => positions.map((p, i) => (exprs?.[i] ? exprs[i]!.fn(row) : row[p]));
      const source: KeySource = exprs
        ? { id: `ix${spec.index}:${this.t.columns.map((c) => `${c.attnum}:${c.type.oid}`).join(',')}`, columns: this.t.columns, extract, types }
        : positions.map((p) => this.t.columns[p]);
      k = { names, types, extract, source };
      this.keyColumns.set(spec.index, k);
    }
    return k;
  }

  /** `row`'s key under `spec` (null when a NULL excludes it) and its DETAIL text. */
  keyOf(spec: UniqueKeySpec, row: Row): { key: string; describe: () => string } | null {
    const { names, types, extract } = this.keyLayout(spec);
    const values = extract(row);
    const key = keyString(values, types, spec.nullsNotDistinct);
    return key === null ? null : { key, describe: () => describeKey(this.ctx.codecs, names, values, types) };
  }

  /** Looks `row`'s key up in `spec`'s index; null when a NULL (NULLS DISTINCT) excludes it. */
  probe(spec: UniqueKeySpec, row: Row): UniqueProbe | null {
    const { names, types, extract, source } = this.keyLayout(spec);
    const values = extract(row);
    const key = keyString(values, types, spec.nullsNotDistinct);
    if (key === null) return null;
    const matches = this.lookup.find(this.t.table, source, key);
    if (!matches.concurrent && this.lookup.claimedByOther?.(this.t.table, source, key)) matches.concurrent = true;
    return { key, values, names, types, source, matches };
  }

  /** 23505 when another live row holds one of `row`'s unique keys (`self`: the row's own id). */
  checkUnique(row: Row, self: number | undefined): void {
    for (const spec of this.t.unique) {
      const p = this.probe(spec, row);
      if (!p) continue;
      if (p.matches.concurrent || p.matches.rowIds.some((id) => id !== self)) throw this.duplicate(spec, p);
      this.lookup.claim?.(this.t.table, p.source, p.key);
    }
  }

  duplicate(spec: UniqueKeySpec, p: UniqueProbe): SqlError {
    return new SqlError(SQLSTATE.UNIQUE_VIOLATION, `duplicate key value violates unique constraint "${spec.name}"`, {
      detail: `Key ${describeKey(this.ctx.codecs, p.names, p.values, p.types)} already exists.`,
      table: this.t.tableName, constraint: spec.name,
    });
  }
}

// SELECT in the bootstrap handler: a target list of constant expressions (optionally with
// one set-returning generate_series()), or `FROM generate_series(...)`, or `FROM <scratch
// table>`. Every other clause is refused with 0A000 rather than silently ignored.
import { TYPE_OID } from '@vecgres/pg-types';
import { type AstBody, type AstNode, asNode, nodeKind, unsupported } from '../ast';
import { compileExpr, type CompiledExpr } from '../expressions';
import {
  type AnalyzeContext,
  type BoundStatement,
  type ExecContext,
  type Row,
  type RowCursor,
  exprColumn,
} from '../statement';
import { selectFromSeries, selectFromTable } from './select-from';

const UNSUPPORTED_CLAUSES: ReadonlyArray<[string, string]> = [
  ['intoClause', 'SELECT INTO'], ['whereClause', 'WHERE'], ['groupClause', 'GROUP BY'],
  ['havingClause', 'HAVING'], ['windowClause', 'WINDOW'], ['valuesLists', 'VALUES'],
  ['sortClause', 'ORDER BY'], ['limitOffset', 'OFFSET'], ['limitCount', 'LIMIT'],
  ['lockingClause', 'FOR UPDATE/SHARE'], ['withClause', 'WITH'], ['distinctClause', 'DISTINCT'],
];

/** An output column's type: untyped literals come out as text, like PostgreSQL 10+. */
export function outputType(expr: CompiledExpr): number {
  return expr.typeOid === TYPE_OID.unknown ? TYPE_OID.text : expr.typeOid;
}

/** The target list entries as [ResTarget name (if any), value node]. */
export function targets(select: AstBody): Array<{ name: string | undefined; val: AstNode }> {
  return ((select.targetList ?? []) as AstNode[]).map((t) => {
    const rt = asNode(t, 'ResTarget')!;
    return { name: rt.name as string | undefined, val: rt.val as AstNode };
  });
}

/** Evaluates a row of expressions; async only if one of them is (pg_sleep). */
export function evaluateRow(exprs: readonly CompiledExpr[], ex: ExecContext, override?: Map<number, unknown>): Row | Promise<Row> {
  const values = exprs.map((e, i) => (override?.has(i) ? override.get(i) : e.evaluate(ex)));
  return values.some((v) => v instanceof Promise) ? Promise.all(values) : values;
}

function selectExpressions(select: AstBody, ctx: AnalyzeContext): BoundStatement {
  const list = targets(select);
  const exprs = list.map((t) => compileExpr(t.val, ctx));
  const srfs = exprs.flatMap((e, i) => (e.setReturning ? [i] : []));
  if (srfs.length > 1) throw unsupported('SelectStmt', 'more than one set-returning function');
  const columns = exprs.map((e, i) => exprColumn(list[i]!.name ?? e.name, outputType(e)));
  return {
    kind: 'SelectStmt',
    columns,
    open(ex): RowCursor {
      if (srfs.length === 0) {
        let done = false;
        return {
          next() {
            if (done) return null;
            done = true;
            return evaluateRow(exprs, ex);
          },
        };
      }
      const srf = srfs[0]!;
      const values = exprs[srf]!.setReturning!(ex);
      return {
        next() {
          const v = values.next();
          return v.done ? null : evaluateRow(exprs, ex, new Map([[srf, v.value]]));
        },
      };
    },
  };
}

/** Analyzes a SelectStmt node. */
export function analyzeSelect(select: AstBody, ctx: AnalyzeContext): BoundStatement {
  if (select.op && select.op !== 'SETOP_NONE') throw unsupported('SelectStmt', `set operation ${select.op}`);
  for (const [field, what] of UNSUPPORTED_CLAUSES) {
    const v = select[field];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) throw unsupported('SelectStmt', `${what} clause`);
  }
  const from = (select.fromClause ?? []) as AstNode[];
  if (from.length === 0) return selectExpressions(select, ctx);
  if (from.length > 1) throw unsupported('SelectStmt', 'more than one FROM item');
  const item = from[0]!;
  const rangeVar = asNode(item, 'RangeVar');
  if (rangeVar) return selectFromTable(select, rangeVar, ctx);
  const rangeFunction = asNode(item, 'RangeFunction');
  if (rangeFunction) return selectFromSeries(select, rangeFunction, ctx);
  throw unsupported('SelectStmt', `FROM ${nodeKind(item)}`);
}

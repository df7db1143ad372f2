// `SELECT ... FROM generate_series(a, b [, step]) [AS x(col)]` and `SELECT ... FROM t` over a
// scratch table: `*`, column references, constants and count(*).
import { SqlError, SQLSTATE, undefinedColumn } from '@vecgres/errors';
import { TYPE_OID } from '@vecgres/pg-types';
import { type AstBody, type AstNode, asNode, locationOf, positionOf, stringList, unsupported } from '../ast';
import { compileExpr, type CompiledExpr } from '../expressions';
import type { ScratchTable } from '../table-store';
import {
  type AnalyzeContext,
  type BoundStatement,
  type Column,
  type ExecContext,
  type Row,
  exprColumn,
} from '../statement';
import { evaluateRow, outputType, targets } from './select';

/** One output column of a FROM query: either a FROM column (by index) or an expression. */
type Output = { column: number } | { expr: CompiledExpr } | { count: true };

function columnRef(node: AstNode): string[] | '*' | undefined {
  const ref = asNode(node, 'ColumnRef');
  if (!ref) return undefined;
  const fields = ref.fields as AstNode[];
  if (fields.some((f) => asNode(f, 'A_Star'))) return '*';
  return stringList(fields);
}

function isCountStar(node: AstNode): boolean {
  const fc = asNode(node, 'FuncCall');
  if (!fc) return false;
  const names = stringList(fc.funcname);
  return names[names.length - 1] === 'count' && fc.agg_star === true && !fc.over && !fc.agg_filter;
}

/**
 * Resolves the target list against the FROM item's columns. `qualifier` is the alias (or table
 * name) that `x.col` may use.
 */
function resolveTargets(
  select: AstBody,
  fromColumns: readonly Column[],
  qualifier: string,
  ctx: AnalyzeContext,
): { outputs: Output[]; columns: Column[] } {
  const outputs: Output[] = [];
  const columns: Column[] = [];
  for (const t of targets(select)) {
    const ref = columnRef(t.val);
    if (ref === '*') {
      fromColumns.forEach((c, i) => {
        outputs.push({ column: i });
        columns.push(c);
      });
    } else if (ref) {
      const name = ref[ref.length - 1]!;
      const index = ref.length <= 2 && (ref.length === 1 || ref[0] === qualifier) ? fromColumns.findIndex((c) => c.name === name) : -1;
      if (index < 0) {
        const position = positionOf(ctx.sql, locationOf(t.val));
        throw undefinedColumn(`column "${ref.join('.')}" does not exist`, position === undefined ? {} : { position });
      }
      outputs.push({ column: index });
      columns.push({ ...fromColumns[index]!, name: t.name ?? name });
    } else if (isCountStar(t.val)) {
      outputs.push({ count: true });
      columns.push(exprColumn(t.name ?? 'count', TYPE_OID.int8));
    } else {
      const expr = compileExpr(t.val, ctx);
      if (expr.setReturning) throw unsupported('SelectStmt', 'set-returning function in a SELECT list with FROM');
      outputs.push({ expr });
      columns.push(exprColumn(t.name ?? expr.name, outputType(expr)));
    }
  }
  const hasCount = outputs.some((o) => 'count' in o);
  const colOut = outputs.find((o) => 'column' in o) as { column: number } | undefined;
  if (hasCount && colOut) {
    throw new SqlError(
      SQLSTATE.GROUPING_ERROR,
      `column "${qualifier}.${fromColumns[colOut.column]!.name}" must appear in the GROUP BY clause or be used in an aggregate function`,
    );
  }
  return { outputs, columns };
}

/** Projects FROM rows through the outputs; an aggregate list yields one row. */
function project(outputs: Output[], source: () => Iterator<Row>, countRows: () => bigint, ex: ExecContext) {
  const exprs = outputs.map((o) => ('expr' in o ? o.expr : null));
  const values = (from: Row | null, count: bigint): Row | Promise<Row> => {
    const override = new Map<number, unknown>();
    outputs.forEach((o, i) => {
      if ('column' in o) override.set(i, from![o.column]);
      else if ('count' in o) override.set(i, count);
    });
    return evaluateRow(exprs.map((e) => e ?? ({ evaluate: () => null } as unknown as CompiledExpr)), ex, override);
  };
  if (outputs.some((o) => 'count' in o)) {
    let done = false;
    return {
      next: () => {
        if (done) return null;
        done = true;
        return values(null, countRows());
      },
    };
  }
  const it = source();
  return {
    next: () => {
      const r = it.next();
      return r.done ? null : values(r.value, 0n);
    },
  };
}

export function selectFromTable(select: AstBody, rv: AstBody, ctx: AnalyzeContext): BoundStatement {
  if (rv.schemaname && rv.schemaname !== 'public') throw unsupported('SelectStmt', `schema ${rv.schemaname}`);
  const name = rv.relname as string;
  const table: ScratchTable = ctx.session.store.require(name, positionOf(ctx.sql, rv.location));
  const fromColumns = table.columns.map((c, i) => ({ name: c.name, typeOid: c.typeOid, tableOid: table.oid, columnAttr: i + 1 }));
  const qualifier = (rv.alias?.aliasname as string | undefined) ?? name;
  const { outputs, columns } = resolveTargets(select, fromColumns, qualifier, ctx);
  return {
    kind: 'SelectStmt',
    columns,
    open(ex) {
      // A snapshot of the row list: rows appended while the cursor runs are not seen.
      const rows = table.rows.slice();
      return project(outputs, () => rows[Symbol.iterator](), () => BigInt(rows.length), ex);
    },
  };
}

export function selectFromSeries(select: AstBody, rf: AstBody, ctx: AnalyzeContext): BoundStatement {
  if (rf.lateral || rf.ordinality || rf.is_rowsfrom) throw unsupported('SelectStmt', 'ROWS FROM / WITH ORDINALITY / LATERAL');
  const fns = rf.functions as AstNode[];
  const call = asNode((asNode(fns[0], 'List')?.items as AstNode[] | undefined)?.[0], 'FuncCall');
  if (fns.length !== 1 || !call) throw unsupported('RangeFunction');
  const fn = compileExpr({ FuncCall: call }, ctx);
  if (!fn.setReturning) throw unsupported('RangeFunction', `function ${fn.name} in FROM`);
  const alias = rf.alias as AstBody | undefined;
  const colName = (stringList(alias?.colnames)[0] ?? alias?.aliasname ?? fn.name) as string;
  const fromColumns = [exprColumn(colName, fn.typeOid)];
  const { outputs, columns } = resolveTargets(select, fromColumns, (alias?.aliasname as string | undefined) ?? fn.name, ctx);
  return {
    kind: 'SelectStmt',
    columns,
    open(ex) {
      const values = (): Iterator<Row> => {
        const it = fn.setReturning!(ex);
        return {
          next: () => {
            const r = it.next();
            return r.done ? { done: true, value: undefined } : { done: false, value: [r.value] };
          },
        };
      };
      return project(outputs, values, () => fn.setCount!(ex), ex);
    },
  };
}

// INSERT INTO t [(cols)] VALUES (...), (...) with constants, casts, $n and DEFAULT (NULL: the
// scratch tables have no defaults). Assignment casts as PostgreSQL applies them; all rows go
// in at once at the end, so a failing row leaves nothing behind.
import { SqlError, SQLSTATE, datatypeMismatch, duplicateColumn, isSqlError, syntaxError, undefinedColumn } from '@vecgres/errors';
import { builtinCodecRegistry } from '@vecgres/pg-types';
import { type AstBody, type AstNode, asNode, locationOf, positionOf, unsupported } from '../ast';
import { canAssign, castValue } from '../cast';
import { compileExpr, type CompiledExpr } from '../expressions';
import { typeDisplayName } from '../sql-types';
import type { AnalyzeContext, BoundStatement, ExecContext } from '../statement';
import type { ScratchTable } from '../table-store';

const CODECS = builtinCodecRegistry();

function at(ctx: AnalyzeContext, node: AstNode | undefined): { position?: number } {
  const position = positionOf(ctx.sql, locationOf(node));
  return position === undefined ? {} : { position };
}

function targetColumns(stmt: AstBody, table: ScratchTable, ctx: AnalyzeContext): number[] {
  const cols = (stmt.cols ?? []) as AstNode[];
  if (cols.length === 0) return table.columns.map((_, i) => i);
  const out: number[] = [];
  for (const c of cols) {
    const rt = asNode(c, 'ResTarget')!;
    const name = String(rt.name);
    if (rt.indirection) throw unsupported('InsertStmt', 'column subscripts or fields');
    const i = table.columnIndex(name);
    if (i < 0) throw undefinedColumn(`column "${name}" of relation "${table.name}" does not exist`, at(ctx, c));
    if (out.includes(i)) throw duplicateColumn(`column "${name}" specified more than once`, at(ctx, c));
    out.push(i);
  }
  return out;
}

/** Compiles one VALUES item for column `col` (parameters take the column's type). */
function compileValue(node: AstNode, typeOid: number, colName: string, ctx: AnalyzeContext): CompiledExpr {
  if (asNode(node, 'SetToDefault')) return { typeOid, name: '', nameStrength: 0, evaluate: () => null, constant: true };
  const param = asNode(node, 'ParamRef');
  if (param && ctx.params) {
    ctx.params.reference(Number(param.number));
    ctx.params.infer(Number(param.number), typeOid);
  }
  const expr = compileExpr(node, ctx);
  if (!canAssign(expr.typeOid, typeOid)) {
    throw datatypeMismatch(
      `column "${colName}" is of type ${typeDisplayName(typeOid)} but expression is of type ${typeDisplayName(expr.typeOid)}`,
      { hint: 'You will need to rewrite or cast the expression.', ...at(ctx, node) },
    );
  }
  if (expr.constant) {
    try {
      const v = expr.evaluate(undefined as unknown as ExecContext);
      const folded = v === null ? null : castValue(v, expr.typeOid, typeOid, 'assignment');
      return { typeOid, name: '', nameStrength: 0, evaluate: () => folded, constant: true };
    } catch (err) {
      throw isSqlError(err) && err.position === undefined ? err.with(at(ctx, node)) : err;
    }
  }
  return {
    typeOid,
    name: '',
    nameStrength: 0,
    evaluate: (ex) => {
      const v = expr.evaluate(ex);
      if (v instanceof Promise) throw unsupported('InsertStmt', 'pg_sleep() in VALUES');
      return v === null ? null : castValue(v, expr.typeOid, typeOid, 'assignment');
    },
  };
}

function notNullViolation(table: ScratchTable, col: number, row: unknown[]): SqlError {
  const shown = row.map((v, i) => (v === null ? 'null' : CODECS.require(table.columns[i]!.typeOid).toText(v)));
  return new SqlError(
    SQLSTATE.NOT_NULL_VIOLATION,
    `null value in column "${table.columns[col]!.name}" of relation "${table.name}" violates not-null constraint`,
    { detail: `Failing row contains (${shown.join(', ')}).`, table: table.name, column: table.columns[col]!.name },
  );
}

export function analyzeInsert(stmt: AstBody, ctx: AnalyzeContext): BoundStatement {
  for (const f of ['onConflictClause', 'returningList', 'withClause']) {
    if (stmt[f] !== undefined && !(Array.isArray(stmt[f]) && stmt[f].length === 0)) throw unsupported('InsertStmt', f);
  }
  const rv = stmt.relation as AstBody;
  const table = ctx.session.store.require(String(rv.relname), positionOf(ctx.sql, rv.location));
  const select = asNode(stmt.selectStmt, 'SelectStmt');
  if (!select?.valuesLists) throw unsupported('InsertStmt', select ? 'INSERT ... SELECT' : 'DEFAULT VALUES');
  const lists = (select.valuesLists as AstNode[]).map((list) => (asNode(list, 'List')!.items ?? []) as AstNode[]);
  const width = lists[0]!.length;
  const ragged = lists.find((l) => l.length !== width);
  if (ragged) throw syntaxError('VALUES lists must all be the same length', positionOf(ctx.sql, locationOf(ragged[0])));
  // Without a column list the values fill the first columns; the rest get their default (NULL).
  const cols = stmt.cols?.length ? targetColumns(stmt, table, ctx) : table.columns.map((_, i) => i).slice(0, Math.max(width, 0));
  if (!stmt.cols?.length && width > table.columns.length) {
    throw syntaxError('INSERT has more expressions than target columns', positionOf(ctx.sql, locationOf(lists[0]![table.columns.length])));
  }
  const rows = lists.map((items) => {
    if (items.length > cols.length) throw syntaxError('INSERT has more expressions than target columns', positionOf(ctx.sql, locationOf(items[cols.length])));
    if (items.length < cols.length) {
      const missing = ((stmt.cols ?? []) as AstNode[])[items.length];
      throw syntaxError('INSERT has more target columns than expressions', positionOf(ctx.sql, locationOf(missing ?? items[0])));
    }
    return items.map((item, i) => {
      const col = table.columns[cols[i]!]!;
      return compileValue(item, col.typeOid, col.name, ctx);
    });
  });
  return {
    kind: 'InsertStmt',
    columns: null,
    async run(ex) {
      const out: unknown[][] = [];
      for (const exprs of rows) {
        const row: unknown[] = table.columns.map(() => null);
        exprs.forEach((e, i) => {
          row[cols[i]!] = e.evaluate(ex);
        });
        const bad = table.columns.findIndex((c, i) => c.notNull && row[i] === null);
        if (bad >= 0) throw notNullViolation(table, bad, row);
        out.push(row);
      }
      ctx.session.store.require(table.name);
      table.append(out, ex.session.tx);
      return `INSERT 0 ${out.length}`;
    },
  };
}

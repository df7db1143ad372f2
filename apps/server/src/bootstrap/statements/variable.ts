// SHOW name | SHOW ALL, SET [SESSION | LOCAL] name {= | TO} value | DEFAULT, RESET name | ALL.
// SET is transactional like PostgreSQL's: rolled back with its transaction; SET LOCAL lasts
// until the end of the current transaction (outside a block that is this statement, with the
// same WARNING PostgreSQL gives). ParameterStatus for reported parameters is sent by the
// session after the statement, from the values then in force.
import { SQLSTATE } from '@vecgres/errors';
import { TYPE_OID } from '@vecgres/pg-types';
import { type AstBody, type AstNode, asNode, nodeKind, unsupported } from '../ast';
import type { AnalyzeContext, BoundStatement, ExecContext } from '../statement';
import { exprColumn, iterCursor } from '../statement';

export function analyzeShow(stmt: AstBody, ctx: AnalyzeContext): BoundStatement {
  const name = String(stmt.name);
  if (name.toLowerCase() === 'all') {
    return {
      kind: 'VariableShowStmt',
      columns: [exprColumn('name', TYPE_OID.text), exprColumn('setting', TYPE_OID.text), exprColumn('description', TYPE_OID.text)],
      open: (ex) => iterCursor(ex.session.settings.all()),
      rowTag: () => 'SHOW',
    };
  }
  const canonical = ctx.session.settings.canonicalName(name);
  return {
    kind: 'VariableShowStmt',
    columns: [exprColumn(canonical, TYPE_OID.text)],
    open: (ex) => iterCursor([[ex.session.settings.get(name)]]),
    rowTag: () => 'SHOW',
  };
}

/** The text of SET's argument list: constants joined by ', ' (search_path takes a list). */
function argText(args: AstNode[]): string {
  return args
    .map((a) => {
      const c = asNode(a, 'A_Const');
      if (!c) throw unsupported('VariableSetStmt', `value of kind ${nodeKind(a)}`);
      if (c.sval !== undefined) return String(c.sval.sval ?? '');
      if (c.ival !== undefined) return String(c.ival.ival ?? 0);
      if (c.fval !== undefined) return String(c.fval.fval);
      if (c.boolval !== undefined) return c.boolval.boolval ? 'on' : 'off';
      throw unsupported('VariableSetStmt', 'NULL value');
    })
    .join(', ');
}

interface GucChange {
  /** Value before the transaction (undefined: a custom parameter that did not exist). */
  original: string | undefined;
  /** Last value set by a plain (session) SET in this transaction. */
  sessionValue?: string | undefined;
  hasLocal: boolean;
}

/**
 * Applies one SET/RESET inside the running transaction, with guc.c's end-of-transaction rules:
 * rollback restores the value from before the transaction; commit keeps it, except that a
 * parameter touched by SET LOCAL goes back to its last session-level SET (or the original).
 */
function apply(ex: ExecContext, name: string, value: string | null, local: boolean): void {
  const { settings, tx } = ex.session;
  const prepared = settings.prepare(name, value);
  const changes = tx.perTransaction('guc', () => new Map<string, GucChange>());
  let change = changes.get(prepared.key);
  const old = settings.store(prepared.key, prepared.value);
  if (!change) {
    const c: GucChange = { original: old, hasLocal: false };
    changes.set(prepared.key, c);
    tx.onEnd((committed) => {
      if (!committed) settings.store(prepared.key, c.original);
      else if (c.hasLocal) settings.store(prepared.key, 'sessionValue' in c ? c.sessionValue : c.original);
    });
    change = c;
  }
  if (local) change.hasLocal = true;
  else change.sessionValue = prepared.value;
}

export function analyzeSet(stmt: AstBody, ctx: AnalyzeContext): BoundStatement {
  const kind = String(stmt.kind);
  const name = String(stmt.name ?? '');
  const local = stmt.is_local === true;
  const tag = kind === 'VAR_RESET' || kind === 'VAR_RESET_ALL' ? 'RESET' : 'SET';
  let action: (ex: ExecContext) => void;
  switch (kind) {
    case 'VAR_SET_VALUE': {
      ctx.session.settings.prepare(name, argText(stmt.args ?? []));
      const value = argText(stmt.args ?? []);
      action = (ex) => apply(ex, name, value, local);
      break;
    }
    case 'VAR_SET_DEFAULT':
    case 'VAR_RESET':
      ctx.session.settings.prepare(name, null);
      action = (ex) => apply(ex, name, null, local);
      break;
    case 'VAR_RESET_ALL':
      action = (ex) => {
        for (const key of ex.session.settings.resettableKeys()) apply(ex, key, null, false);
      };
      break;
    case 'VAR_SET_MULTI':
      // SET TRANSACTION ... / SET SESSION CHARACTERISTICS: one isolation level exists here.
      if (name === 'TRANSACTION' || name === 'SESSION CHARACTERISTICS') {
        action = () => undefined;
        break;
      }
      throw unsupported('VariableSetStmt', name);
    default:
      throw unsupported('VariableSetStmt', kind);
  }
  return {
    kind: 'VariableSetStmt',
    columns: null,
    async run(ex) {
      if (local && !ex.session.tx.inBlock()) {
        ex.sink.notice({
          severity: 'WARNING',
          sqlstate: SQLSTATE.NO_ACTIVE_SQL_TRANSACTION,
          message: 'SET LOCAL can only be used in transaction blocks',
        });
      }
      action(ex);
      return tag;
    },
  };
}

// SQLValueFunction nodes (CURRENT_DATE, CURRENT_TIMESTAMP(3), LOCALTIME, CURRENT_USER, ...):
// keywords, not pg_proc rows, so they bind straight to a call of a fixed executor impl.
// The datetime ones read the transaction start in the session zone (the executor's
// SQL_VALUE_FUNCTIONS); the user/catalog ones reuse the session functions of the same name.
// Stable in PostgreSQL; marked volatile here so no plan-time folding freezes the clock into a
// prepared statement.
import type { SqlValueFunctionExpr } from '@vecgres/sql';
import type { BoundExpr, TypeRef } from '../types/bound-expr';

const DATE = 1082;
const TIME = 1083;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const TIMETZ = 1266;
const NAME = 19;
const INT4 = 23;

/** op -> executor impl and result type OID. */
const SQL_VALUE: Record<SqlValueFunctionExpr['op'], { impl: string; type: number }> = {
  current_date: { impl: 'current_date', type: DATE },
  current_time: { impl: 'current_time', type: TIMETZ },
  current_timestamp: { impl: 'current_timestamp', type: TIMESTAMPTZ },
  localtime: { impl: 'localtime', type: TIME },
  localtimestamp: { impl: 'localtimestamp', type: TIMESTAMP },
  current_role: { impl: 'current_user', type: NAME },
  current_user: { impl: 'current_user', type: NAME },
  user: { impl: 'current_user', type: NAME },
  session_user: { impl: 'session_user', type: NAME },
  current_catalog: { impl: 'current_database', type: NAME },
  current_schema: { impl: 'current_schema', type: NAME },
};

/** Binds a SQLValueFunction; a precision (CURRENT_TIMESTAMP(2)) is the typmod and the one argument. */
export function bindSqlValueFunction(e: SqlValueFunctionExpr): BoundExpr {
  const { impl, type } = SQL_VALUE[e.op];
  const precision = e.precision;
  const ref: TypeRef = { oid: type, typmod: precision ?? -1 };
  const args: BoundExpr[] = precision === undefined ? [] : [{ kind: 'const', type: { oid: INT4, typmod: -1 }, value: precision, location: -1 }];
  return { kind: 'call', impl, name: e.op, form: 'func', args, type: ref, strict: false, volatile: true, location: e.location };
}

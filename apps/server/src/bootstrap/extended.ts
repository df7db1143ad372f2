// The extended protocol's objects: a prepared statement (parsed once, parameter types
// inferred, re-analysed at every Bind so a table dropped and re-created in between is seen
// fresh) and a portal (bound parameter values, result formats, and the open row cursor that
// survives PortalSuspended).
import { SqlError, SQLSTATE, invalidBinary, isSqlError, notSupported, protocolViolation } from '@vecgres/errors';
import { decodeValue, type CodecRegistry } from '@vecgres/pg-types';
import type { BindArgs, FieldDescription, Portal, PreparedStatement, ResultSink } from '@vecgres/pg-wire';
import type { AstNode } from './ast';
import { fieldsOf } from './executor';
import type { BoundStatement, ExecContext, RowCursor, SessionServices } from './statement';
import type { StatementControl } from './statement-control';

export class BootstrapStatement implements PreparedStatement {
  constructor(
    /** null for an empty query string. */
    readonly node: AstNode | null,
    readonly sql: string,
    readonly paramTypeOids: number[],
    readonly fields: FieldDescription[] | null,
  ) {}
}

export class BootstrapPortal implements Portal {
  cursor: RowCursor | null = null;
  done = false;
  /** Set per Execute: the control and sink of the call now running. */
  control!: StatementControl;
  sink!: ResultSink;
  readonly exec: ExecContext;

  constructor(
    readonly statement: BootstrapStatement,
    readonly bound: BoundStatement | null,
    readonly fields: FieldDescription[] | null,
    readonly formats: Array<0 | 1>,
    params: unknown[],
    session: SessionServices,
  ) {
    const portal = this;
    this.exec = {
      session,
      params,
      get control() {
        return portal.control;
      },
      get sink() {
        return portal.sink;
      },
    };
  }
}

/** Checks the declared parameter types are ones we can decode. */
export function checkParamTypes(oids: readonly number[], codecs: CodecRegistry): void {
  for (const oid of oids) {
    if (!codecs.has(oid)) throw notSupported(`vecgres: parameter type OID ${oid} is not supported yet`);
  }
}

/** Decodes Bind's parameter values per the statement's types and the per-parameter formats. */
export function decodeParams(stmt: BootstrapStatement, args: BindArgs, codecs: CodecRegistry): unknown[] {
  const want = stmt.paramTypeOids.length;
  if (args.params.length !== want) {
    throw protocolViolation(`bind message supplies ${args.params.length} parameters, but prepared statement "" requires ${want}`);
  }
  return args.params.map((raw, i) => {
    if (raw === null) return null;
    const codec = codecs.require(stmt.paramTypeOids[i]!);
    const format = args.paramFormats[i] ?? 0;
    try {
      return decodeValue(codec, raw, format);
    } catch (err) {
      if (!isSqlError(err)) throw err;
      if (format === 1) throw invalidBinary(`incorrect binary data format in bind parameter ${i + 1}`);
      const shown = raw.toString('utf8');
      return rethrow(err, `unnamed portal parameter $${i + 1} = '${shown.length > 64 ? shown.slice(0, 64) + '...' : shown}'`);
    }
  });
}

function rethrow(err: SqlError, where: string): never {
  throw err.with({ where });
}

/** Bind's result format codes (none / one for all / one per column) expanded per column. */
export function resultFormats(codes: ReadonlyArray<0 | 1>, columns: number): Array<0 | 1> {
  if (codes.length === 0) return new Array<0 | 1>(columns).fill(0);
  if (codes.length === 1) return new Array<0 | 1>(columns).fill(codes[0]!);
  if (codes.length !== columns) {
    throw protocolViolation(`bind message has ${codes.length} result formats but query has ${columns} columns`);
  }
  return [...codes];
}

/** The re-analysed statement must still produce the columns Describe promised. */
export function checkSameShape(stmt: BootstrapStatement, bound: BoundStatement): FieldDescription[] | null {
  const fields = bound.columns ? fieldsOf(bound.columns, []) : null;
  const before = stmt.fields?.map((f) => f.typeOid).join(',') ?? null;
  const now = fields?.map((f) => f.typeOid).join(',') ?? null;
  if (before !== now) throw new SqlError(SQLSTATE.FEATURE_NOT_SUPPORTED, 'cached plan must not change result type');
  return fields;
}

import {
  SQLSTATE,
  SQLSTATE_CONDITION,
  SqlError,
  adminShutdown,
  canceled,
  internal,
  invalidParameter,
  invalidText,
  isKnownSqlstate,
  isSqlError,
  notSupported,
  outOfMemory,
  protocolViolation,
  sqlstateClass,
  syntaxError,
  toSqlError,
  undefinedColumn,
  undefinedTable,
} from './index';

describe('SqlError', () => {
  it('carries a SQLSTATE, ERROR severity by default, and only the fields that were set', () => {
    const e = new SqlError(SQLSTATE.UNDEFINED_TABLE, 'relation "t" does not exist', { position: 15 });
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe('relation "t" does not exist');
    expect(e.sqlstate).toBe('42P01');
    expect(e.severity).toBe('ERROR');
    expect(e.position).toBe(15);
    expect(Object.keys(e)).not.toContain('hint');
    expect(e.name).toBe('SqlError');
  });

  it('with() copies and overrides', () => {
    const e = undefinedColumn('column "x" does not exist', { hint: 'h' });
    const fatal = e.with({ severity: 'FATAL', position: 3 });
    expect(fatal).toMatchObject({ sqlstate: '42703', severity: 'FATAL', position: 3, hint: 'h', message: e.message });
    expect(e.severity).toBe('ERROR');
    expect(e.with({ message: 'other' }).message).toBe('other');
  });

  it('isSqlError recognises instances and branded look-alikes, rejects plain errors', () => {
    expect(isSqlError(invalidText('x'))).toBe(true);
    expect(isSqlError({ isSqlError: true, sqlstate: '42601', message: 'm' })).toBe(true);
    expect(isSqlError(Object.assign(new Error('x'), { code: '42601' }))).toBe(false);
    expect(isSqlError(null)).toBe(false);
  });

  it('stage helpers use the documented SQLSTATEs', () => {
    const table: Array<[SqlError, string]> = [
      [syntaxError('syntax error at or near "x"', 8), '42601'],
      [undefinedTable('m'), '42P01'],
      [undefinedColumn('m'), '42703'],
      [invalidText('m'), '22P02'],
      [invalidParameter('m'), '22023'],
      [notSupported('m'), '0A000'],
      [protocolViolation('m'), '08P01'],
      [canceled('m'), '57014'],
      [outOfMemory('m'), '53200'],
      [internal('m'), 'XX000'],
      [adminShutdown('m', { severity: 'FATAL' }), '57P01'],
    ];
    for (const [err, code] of table) expect(err.sqlstate).toBe(code);
    expect(syntaxError('m', 8).position).toBe(8);
    expect(syntaxError('m').position).toBeUndefined();
  });

  it('toSqlError passes SqlErrors through and wraps anything else as XX000 with the cause kept', () => {
    const own = canceled('canceling statement due to user request');
    expect(toSqlError(own)).toBe(own);
    const boom = new TypeError('boom');
    const wrapped = toSqlError(boom);
    expect(wrapped).toMatchObject({ sqlstate: 'XX000', message: 'internal error' });
    expect(wrapped.cause).toBe(boom);
  });

  it('lookups over the generated table', () => {
    expect(isKnownSqlstate('42601')).toBe(true);
    expect(isKnownSqlstate('42XYZ')).toBe(false);
    expect(sqlstateClass('57P01')).toBe('Operator Intervention');
    expect(SQLSTATE_CONDITION['42P05']).toBe('duplicate_prepared_statement');
    expect(SQLSTATE_CONDITION['26000']).toBe('invalid_sql_statement_name');
  });
});

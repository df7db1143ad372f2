import { parse } from '../parse';
import { int4, param, parseOne, setupParser, str, stripLocations } from '../testing/parse-helpers';

beforeAll(setupParser);

const tx = (sql: string) => stripLocations(parseOne(sql));

describe('transactions', () => {
  it('BEGIN / START TRANSACTION with isolation level and access mode', () => {
    expect(tx('BEGIN')).toEqual({ kind: 'transaction', action: 'begin', modes: {}, chain: false });
    expect(tx('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY')).toMatchObject({ action: 'begin', modes: { isolationLevel: 'repeatable read', readOnly: true } });
    expect(tx('START TRANSACTION ISOLATION LEVEL SERIALIZABLE READ WRITE NOT DEFERRABLE')).toMatchObject({
      action: 'begin', modes: { isolationLevel: 'serializable', readOnly: false, deferrable: false },
    });
    expect(tx('BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED')).toMatchObject({ modes: { isolationLevel: 'read committed' } });
  });

  it('COMMIT / END / ROLLBACK / ABORT, AND CHAIN', () => {
    expect(tx('COMMIT')).toMatchObject({ action: 'commit', chain: false });
    expect(tx('END')).toMatchObject({ action: 'commit' });
    expect(tx('COMMIT AND CHAIN')).toMatchObject({ action: 'commit', chain: true });
    expect(tx('ROLLBACK')).toMatchObject({ action: 'rollback' });
    expect(tx('ABORT')).toMatchObject({ action: 'rollback' });
  });

  it('SAVEPOINT / ROLLBACK TO / RELEASE, two-phase commands', () => {
    expect(tx('SAVEPOINT sp1')).toEqual({ kind: 'transaction', action: 'savepoint', name: 'sp1', modes: {}, chain: false });
    expect(tx('ROLLBACK TO SAVEPOINT sp1')).toMatchObject({ action: 'rollbackTo', name: 'sp1' });
    expect(tx('ROLLBACK TO sp1')).toMatchObject({ action: 'rollbackTo', name: 'sp1' });
    expect(tx('RELEASE SAVEPOINT sp1')).toMatchObject({ action: 'release', name: 'sp1' });
    expect(tx("PREPARE TRANSACTION 'g'")).toMatchObject({ action: 'prepareTransaction', name: 'g' });
    expect(tx("COMMIT PREPARED 'g'")).toMatchObject({ action: 'commitPrepared', name: 'g' });
  });
});

describe('SET / RESET / SHOW', () => {
  it('SET [LOCAL] name TO / = values', () => {
    expect(tx("SET LOCAL search_path TO public, 'x'")).toEqual({ kind: 'set', action: 'value', name: 'search_path', values: [str('public'), str('x')], local: true });
    expect(tx('SET hnsw.ef_search = 100')).toEqual({ kind: 'set', action: 'value', name: 'hnsw.ef_search', values: [int4(100)], local: false });
    expect(tx('SET SESSION enable_seqscan = off')).toMatchObject({ name: 'enable_seqscan', values: [str('off')], local: false });
    expect(tx("SET statement_timeout = '5s'")).toMatchObject({ values: [str('5s')] });
  });

  it('SET x TO DEFAULT, FROM CURRENT, RESET x, RESET ALL', () => {
    expect(tx('SET work_mem TO DEFAULT')).toEqual({ kind: 'set', action: 'default', name: 'work_mem', values: [], local: false });
    expect(tx('SET work_mem FROM CURRENT')).toMatchObject({ action: 'fromCurrent', name: 'work_mem' });
    expect(tx('RESET work_mem')).toMatchObject({ action: 'reset', name: 'work_mem' });
    expect(tx('RESET ALL')).toMatchObject({ action: 'resetAll', name: 'all' });
  });

  it('SET TIME ZONE forms map to timezone', () => {
    expect(tx("SET TIME ZONE 'UTC'")).toMatchObject({ action: 'value', name: 'timezone', values: [str('UTC')] });
    expect(tx('SET TIME ZONE LOCAL')).toMatchObject({ action: 'default', name: 'timezone' });
    expect(tx('SET TIME ZONE DEFAULT')).toMatchObject({ action: 'default', name: 'timezone' });
    expect(tx("SET TIME ZONE INTERVAL '+02:00' HOUR TO MINUTE")).toMatchObject({ name: 'timezone', values: [{ kind: 'cast', type: { name: 'interval' } }] });
  });

  it('SET TRANSACTION / SESSION CHARACTERISTICS', () => {
    expect(tx('SET TRANSACTION ISOLATION LEVEL SERIALIZABLE')).toMatchObject({
      action: 'transaction', name: 'transaction', transactionModes: { isolationLevel: 'serializable' }, sessionCharacteristics: false,
    });
    expect(tx('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY')).toMatchObject({ transactionModes: { readOnly: true }, sessionCharacteristics: true });
  });

  it('SHOW name / SHOW ALL', () => {
    expect(tx('SHOW search_path')).toEqual({ kind: 'show', name: 'search_path' });
    expect(tx('SHOW ALL')).toEqual({ kind: 'show', name: 'all' });
    expect(tx('SHOW TIME ZONE')).toEqual({ kind: 'show', name: 'timezone' });
    expect(tx('SHOW TRANSACTION ISOLATION LEVEL')).toEqual({ kind: 'show', name: 'transaction_isolation' });
  });
});

describe('COPY', () => {
  it('COPY t (cols) FROM STDIN WITH (options) WHERE', () => {
    expect(tx("COPY s.t (a, b) FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ',') WHERE a > 1")).toEqual({
      kind: 'copy', table: { schema: 's', name: 't' }, columns: ['a', 'b'], direction: 'from', target: 'stdio',
      options: [
        { name: 'format', value: { type: 'string', value: 'csv' } },
        { name: 'header', value: { type: 'string', value: 'true' } },
        { name: 'delimiter', value: { type: 'string', value: ',' } },
      ],
      where: { kind: 'op', op: '>', left: { kind: 'columnRef', names: ['a'], star: false }, right: int4(1) },
    });
  });

  it('pgvector bulk load: COPY ... FROM STDIN WITH (FORMAT BINARY)', () => {
    expect(tx('COPY items (embedding) FROM STDIN WITH (FORMAT BINARY)')).toMatchObject({ direction: 'from', target: 'stdio', options: [{ name: 'format', value: { type: 'string', value: 'binary' } }] });
  });

  it('COPY (query) TO STDOUT with old-style options, files and programs', () => {
    expect(tx('COPY (SELECT 1) TO STDOUT CSV HEADER')).toMatchObject({
      direction: 'to', target: 'stdio', query: { kind: 'select' },
      options: [{ name: 'format', value: { type: 'string', value: 'csv' } }, { name: 'header', value: { type: 'bool', value: true } }],
    });
    expect(tx("COPY t TO '/tmp/x'")).toMatchObject({ direction: 'to', target: 'file', filename: '/tmp/x' });
    expect(tx("COPY t FROM PROGRAM 'cat'")).toMatchObject({ direction: 'from', target: 'program', filename: 'cat' });
  });
});

describe('EXPLAIN, PREPARE / EXECUTE / DEALLOCATE', () => {
  it('EXPLAIN [ANALYZE] [VERBOSE] and EXPLAIN (options)', () => {
    expect(tx("EXPLAIN ANALYZE SELECT * FROM items ORDER BY embedding <-> '[1]' LIMIT 5")).toMatchObject({
      kind: 'explain', options: [{ name: 'analyze' }], statement: { kind: 'select', limit: int4(5) },
    });
    expect(tx('EXPLAIN (ANALYZE, FORMAT JSON, COSTS off) INSERT INTO t VALUES (1)')).toMatchObject({
      options: [{ name: 'analyze' }, { name: 'format', value: { type: 'string', value: 'json' } }, { name: 'costs', value: { type: 'string', value: 'off' } }],
      statement: { kind: 'insert' },
    });
    expect(tx('EXPLAIN SELECT 1')).toMatchObject({ options: [] });
  });

  it('PREPARE with parameter types, EXECUTE with arguments, DEALLOCATE [ALL]', () => {
    expect(tx('PREPARE p (int, vector(3)) AS SELECT $1')).toMatchObject({
      kind: 'prepare', name: 'p', paramTypes: [{ name: 'int4' }, { name: 'vector', typmods: [int4(3)] }], statement: { kind: 'select', targets: [{ expr: param(1) }] },
    });
    expect(tx("EXECUTE p(1, '[1,2,3]')")).toEqual({ kind: 'execute', name: 'p', params: [int4(1), str('[1,2,3]')] });
    expect(tx('DEALLOCATE PREPARE p')).toEqual({ kind: 'deallocate', name: 'p' });
    expect(tx('DEALLOCATE ALL')).toEqual({ kind: 'deallocate' });
  });
});

describe('maintenance and notifications', () => {
  it('VACUUM / ANALYZE / CHECKPOINT', () => {
    expect(tx('VACUUM (FULL, ANALYZE) t (a), u')).toEqual({
      kind: 'vacuum', isVacuum: true, options: [{ name: 'full' }, { name: 'analyze' }],
      relations: [{ table: { name: 't' }, columns: ['a'] }, { table: { name: 'u' }, columns: [] }],
    });
    expect(tx('VACUUM')).toEqual({ kind: 'vacuum', isVacuum: true, options: [], relations: [] });
    expect(tx('ANALYZE VERBOSE items')).toMatchObject({ isVacuum: false, options: [{ name: 'verbose' }], relations: [{ table: { name: 'items' } }] });
    expect(tx('CHECKPOINT')).toEqual({ kind: 'checkpoint' });
  });

  it('DISCARD, LISTEN / UNLISTEN / NOTIFY', () => {
    expect(tx('DISCARD ALL')).toEqual({ kind: 'discard', target: 'all' });
    expect(tx('DISCARD TEMP')).toEqual({ kind: 'discard', target: 'temp' });
    expect(tx('DISCARD PLANS')).toEqual({ kind: 'discard', target: 'plans' });
    expect(tx('LISTEN chan')).toEqual({ kind: 'listen', channel: 'chan' });
    expect(tx('UNLISTEN chan')).toEqual({ kind: 'unlisten', channel: 'chan' });
    expect(tx('UNLISTEN *')).toEqual({ kind: 'unlisten' });
    expect(tx("NOTIFY chan, 'hi'")).toEqual({ kind: 'notify', channel: 'chan', payload: 'hi' });
    expect(tx('NOTIFY chan')).toEqual({ kind: 'notify', channel: 'chan' });
  });
});

describe('statement locations', () => {
  it('statements without their own location get the statement start (characters)', () => {
    const stmts = parse("SELECT 'ü'; DROP TABLE t; SHOW x");
    expect(stmts.map((s) => s.stmt.location)).toEqual([7, 12, 26]);
  });
});

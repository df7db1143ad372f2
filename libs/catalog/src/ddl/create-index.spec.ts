import { TestDb, setupParser } from '../testing/ddl-helpers';

beforeAll(setupParser);

describe('CREATE INDEX', () => {
  const db = () => new TestDb().run('CREATE TABLE ci (a int, b text, v int[], j jsonb)');

  it('chooses PostgreSQL\'s default names', () => {
    const d = db().run(`CREATE INDEX ON ci (a, b); CREATE INDEX ON ci ((lower(b))); CREATE INDEX ON ci ((a + 1));
      CREATE INDEX ON ci (a); CREATE INDEX ON ci (a); CREATE INDEX ON ci (a) INCLUDE (b); CREATE INDEX ON ci ((b::varchar))`);
    expect(d.relationNames()).toEqual(['ci', 'ci_a_b_idx', 'ci_a_b_idx1', 'ci_a_idx', 'ci_a_idx1', 'ci_b_idx', 'ci_expr_idx', 'ci_lower_idx']);
    const lower = d.rel('ci_lower_idx')!;
    expect(lower.kind === 'i' && [lower.keys[0].attnum, lower.keys[0].expr!.text, lower.columnNames]).toEqual([0, 'lower(b)', ['lower']]);
  });

  it('records keys, opclasses, order options, predicates and AM options', () => {
    const d = db().run("CREATE UNIQUE INDEX ci_u ON ci (a DESC NULLS LAST, b text_pattern_ops) WITH (fillfactor = 70) WHERE b <> 'x'");
    const ix = d.rel('ci_u')!;
    if (ix.kind !== 'i') throw new Error('not an index');
    expect(ix.unique).toBe(true);
    expect(ix.keys.map((k) => [k.attnum, d.catalog.opclass(k.opclass)!.name, k.desc, k.nullsFirst])).toEqual([
      [1, 'int4_ops', true, false], [2, 'text_pattern_ops', false, false],
    ]);
    expect([ix.options, ix.predicate!.text]).toEqual([['fillfactor=70'], "b <> 'x'"]);
    d.run('CREATE INDEX ON ci USING gin (v); CREATE INDEX ON ci USING gin (j)');
    expect(d.relationNames()).toEqual(expect.arrayContaining(['ci_v_idx', 'ci_j_idx']));
  });

  it('reports PostgreSQL\'s errors', () => {
    const d = db().run('CREATE SEQUENCE sq9; CREATE INDEX ci_a_idx ON ci (a)');
    const seq = d.error('CREATE INDEX ON sq9 (last_value)');
    expect([seq.message, seq.detail]).toEqual(['cannot create index on relation "sq9"', 'This operation is not supported for sequences.']);
    expect(d.fail('CREATE INDEX ON nope (a)')).toEqual({ sqlstate: '42P01', message: 'relation "nope" does not exist' });
    expect(d.fail('CREATE INDEX ON ci (zz)')).toEqual({ sqlstate: '42703', message: 'column "zz" does not exist' });
    expect(d.fail('CREATE INDEX i ON ci USING foo (a)')).toEqual({ sqlstate: '42704', message: 'access method "foo" does not exist' });
    expect(d.fail('CREATE INDEX ON ci USING hash (a, b)')).toEqual({ sqlstate: '0A000', message: 'access method "hash" does not support multicolumn indexes' });
    expect(d.fail('CREATE UNIQUE INDEX ON ci USING hash (a)')).toEqual({ sqlstate: '0A000', message: 'access method "hash" does not support unique indexes' });
    expect(d.fail('CREATE INDEX ON ci USING hash (a) INCLUDE (b)')).toEqual({ sqlstate: '0A000', message: 'access method "hash" does not support included columns' });
    expect(d.fail('CREATE INDEX ON ci USING gin (a)')).toEqual({ sqlstate: '42704', message: 'data type integer has no default operator class for access method "gin"' });
    expect(d.fail('CREATE INDEX ON ci (a text_ops)')).toEqual({ sqlstate: '42804', message: 'operator class "text_ops" does not accept data type integer' });
    expect(d.fail('CREATE INDEX ON ci (a nope_ops)')).toEqual({ sqlstate: '42704', message: 'operator class "nope_ops" does not exist for access method "btree"' });
    const ff = d.error('CREATE INDEX ON ci (a) WITH (fillfactor = 5)');
    expect([ff.sqlstate, ff.message, ff.detail]).toEqual(['22023', 'value 5 out of bounds for option "fillfactor"', 'Valid values are between "10" and "100".']);
    expect(d.fail('CREATE INDEX ON ci (a) WITH (foo = 5)')).toEqual({ sqlstate: '22023', message: 'unrecognized parameter "foo"' });
    expect(d.fail("CREATE INDEX ON ci (a) WITH (fillfactor = 'x')")).toEqual({ sqlstate: '22023', message: 'invalid value for integer option "fillfactor": x' });
    expect(d.fail('CREATE INDEX ci_a_idx ON ci (a)')).toEqual({ sqlstate: '42P07', message: 'relation "ci_a_idx" already exists' });
    d.run('CREATE INDEX IF NOT EXISTS ci_a_idx ON ci (a)');
    expect(d.takeNotices()).toEqual(['NOTICE: relation "ci_a_idx" already exists, skipping']);
  });

  it('uses binary-coercible and array default opclasses', () => {
    const d = new TestDb().run('CREATE TABLE t (v varchar(5), a int[]); CREATE INDEX ON t (v); CREATE INDEX ON t (a)');
    const cls = (n: string) => { const r = d.rel(n)!; return r.kind === 'i' ? d.catalog.opclass(r.keys[0].opclass)!.name : ''; };
    expect([cls('t_v_idx'), cls('t_a_idx')]).toEqual(['text_ops', 'array_ops']);
  });
});

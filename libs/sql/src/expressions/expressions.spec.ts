import type { Expr } from '../types';
import { col, exprOf, int4, op, param, parseSelect, setupParser, str, stripLocations } from '../testing/parse-helpers';

beforeAll(setupParser);

const subquery1 = { kind: 'select', targets: [{ expr: int4(1) }] };

describe('operators', () => {
  it('pgvector distance operators are plain binary operators by name', () => {
    for (const name of ['<->', '<=>', '<#>', '<+>', '<~>', '<%>']) {
      expect(exprOf(`embedding ${name} '[3,1,2]'`)).toEqual(op(name, col('embedding'), str('[3,1,2]')));
    }
  });

  it('keeps the schema of OPERATOR(schema.op) and prefix operators', () => {
    expect(exprOf("c.relname OPERATOR(pg_catalog.~) '^(t)$'")).toEqual({
      kind: 'op', op: '~', schema: 'pg_catalog', left: col('c', 'relname'), right: str('^(t)$'),
    });
    expect(exprOf('~ x')).toEqual(op('~', undefined, col('x')));
    expect(exprOf('1 + 2 * 3')).toEqual(op('+', int4(1), op('*', int4(2), int4(3))));
  });

  it('AND / OR / NOT and comparisons', () => {
    expect(exprOf('a = 1 AND (b < 2 OR NOT c)')).toEqual({
      kind: 'bool', op: 'and', args: [
        op('=', col('a'), int4(1)),
        { kind: 'bool', op: 'or', args: [op('<', col('b'), int4(2)), { kind: 'bool', op: 'not', args: [col('c')] }] },
      ],
    });
  });

  it('IS [NOT] NULL / TRUE / FALSE / UNKNOWN / DISTINCT FROM', () => {
    expect(exprOf('a IS NULL')).toEqual({ kind: 'nullTest', arg: col('a'), negated: false });
    expect(exprOf('a NOTNULL')).toEqual({ kind: 'nullTest', arg: col('a'), negated: true });
    expect(exprOf('a IS NOT TRUE')).toEqual({ kind: 'booleanTest', arg: col('a'), test: 'notTrue' });
    expect(exprOf('a IS FALSE')).toEqual({ kind: 'booleanTest', arg: col('a'), test: 'false' });
    expect(exprOf('a IS UNKNOWN')).toEqual({ kind: 'booleanTest', arg: col('a'), test: 'unknown' });
    expect(exprOf('a IS DISTINCT FROM b')).toEqual({ kind: 'distinct', left: col('a'), right: col('b'), negated: false });
    expect(exprOf('a IS NOT DISTINCT FROM b')).toEqual({ kind: 'distinct', left: col('a'), right: col('b'), negated: true });
  });

  it('BETWEEN [SYMMETRIC] and NOT BETWEEN', () => {
    expect(exprOf('a BETWEEN 1 AND 2')).toEqual({ kind: 'between', arg: col('a'), low: int4(1), high: int4(2), negated: false, symmetric: false });
    expect(exprOf('a NOT BETWEEN SYMMETRIC 2 AND 1')).toEqual({ kind: 'between', arg: col('a'), low: int4(2), high: int4(1), negated: true, symmetric: true });
  });

  it('IN lists, IN / NOT IN subqueries, op ANY/ALL/SOME', () => {
    expect(exprOf('a IN (1, 2)')).toEqual({ kind: 'inList', arg: col('a'), list: [int4(1), int4(2)], negated: false });
    expect(exprOf('a NOT IN (1)')).toEqual({ kind: 'inList', arg: col('a'), list: [int4(1)], negated: true });
    expect(exprOf('a IN (SELECT 1)')).toMatchObject({ kind: 'subqueryCompare', op: '=', quantifier: 'any', left: col('a'), query: subquery1 });
    expect(exprOf('a NOT IN (SELECT 1)')).toMatchObject({ kind: 'bool', op: 'not', args: [{ kind: 'subqueryCompare', op: '=' }] });
    expect(exprOf('a < ALL (SELECT 1)')).toMatchObject({ kind: 'subqueryCompare', op: '<', quantifier: 'all' });
    expect(exprOf('a = ANY ($1)')).toEqual({ kind: 'quantified', op: '=', quantifier: 'any', left: col('a'), right: param(1) });
    expect(exprOf('a <> SOME (ARRAY[1])')).toEqual({
      kind: 'quantified', op: '<>', quantifier: 'any', left: col('a'), right: { kind: 'array', elements: [int4(1)] },
    });
    expect(exprOf('a >= ALL (b)')).toEqual({ kind: 'quantified', op: '>=', quantifier: 'all', left: col('a'), right: col('b') });
  });

  it('LIKE / ILIKE / SIMILAR TO become PostgreSQL\'s operators', () => {
    expect(exprOf("a LIKE 'x%'")).toEqual(op('~~', col('a'), str('x%')));
    expect(exprOf("a NOT LIKE 'x%'")).toEqual(op('!~~', col('a'), str('x%')));
    expect(exprOf("a ILIKE 'x%'")).toEqual(op('~~*', col('a'), str('x%')));
    expect(exprOf("a NOT ILIKE 'x%'")).toEqual(op('!~~*', col('a'), str('x%')));
    expect(exprOf("a LIKE 'x!%' ESCAPE '!'")).toMatchObject({
      op: '~~', right: { kind: 'func', schema: 'pg_catalog', name: 'like_escape', args: [str('x!%'), str('!')] },
    });
    expect(exprOf("a SIMILAR TO 'x|y'")).toMatchObject({
      op: '~', right: { kind: 'func', schema: 'pg_catalog', name: 'similar_to_escape', args: [str('x|y')] },
    });
    expect(exprOf("a NOT SIMILAR TO 'x'")).toMatchObject({ op: '!~' });
  });
});

describe('subqueries, arrays, rows, indirection', () => {
  it('EXISTS, scalar subquery, ARRAY(subquery)', () => {
    expect(exprOf('EXISTS (SELECT 1)')).toMatchObject({ kind: 'exists', query: subquery1 });
    expect(exprOf('(SELECT 1)')).toMatchObject({ kind: 'scalarSubquery', query: subquery1 });
    expect(exprOf('ARRAY(SELECT 1)')).toMatchObject({ kind: 'arraySubquery', query: subquery1 });
  });

  it('ARRAY[...] including nested dimensions', () => {
    expect(exprOf('ARRAY[[1,2],[3]]')).toEqual({
      kind: 'array',
      elements: [{ kind: 'array', elements: [int4(1), int4(2)] }, { kind: 'array', elements: [int4(3)] }],
    });
    expect(exprOf('ARRAY[]::int[]')).toMatchObject({ kind: 'cast', arg: { kind: 'array', elements: [] }, type: { name: 'int4', arrayBounds: [-1] } });
  });

  it('subscripts, slices, field selection and (row).*', () => {
    expect(exprOf('a[1]')).toEqual({ kind: 'indirection', arg: col('a'), steps: [{ kind: 'subscript', upper: int4(1), slice: false }] });
    expect(exprOf('a[1:2][3]')).toEqual({
      kind: 'indirection', arg: col('a'),
      steps: [{ kind: 'subscript', lower: int4(1), upper: int4(2), slice: true }, { kind: 'subscript', upper: int4(3), slice: false }],
    });
    expect(exprOf('a[:]')).toEqual({ kind: 'indirection', arg: col('a'), steps: [{ kind: 'subscript', slice: true }] });
    expect(exprOf('(r).f')).toEqual({ kind: 'indirection', arg: col('r'), steps: [{ kind: 'field', name: 'f' }] });
    expect(exprOf('(r).*')).toEqual({ kind: 'indirection', arg: col('r'), steps: [{ kind: 'star' }] });
    expect(exprOf('(f(x)).y')).toMatchObject({ kind: 'indirection', arg: { kind: 'func', name: 'f' }, steps: [{ kind: 'field', name: 'y' }] });
  });

  it('column references: qualified, star, quoted case kept', () => {
    expect(exprOf('s.t.c')).toEqual(col('s', 't', 'c'));
    expect(exprOf('"MyCol"')).toEqual(col('MyCol'));
    expect(exprOf('MyCol')).toEqual(col('mycol'));
    expect(exprOf('t.*')).toEqual({ kind: 'columnRef', names: ['t'], star: true });
    expect(exprOf('*')).toEqual({ kind: 'columnRef', names: [], star: true });
  });

  it('row constructors with and without ROW', () => {
    expect(exprOf('ROW(1, 2)')).toEqual({ kind: 'row', args: [int4(1), int4(2)], explicit: true });
    expect(exprOf('(1, 2)')).toEqual({ kind: 'row', args: [int4(1), int4(2)], explicit: false });
  });
});

describe('CASE, COALESCE, NULLIF, GREATEST/LEAST, COLLATE, parameters, value functions', () => {
  it('simple and searched CASE', () => {
    expect(exprOf("CASE x WHEN 1 THEN 'a' ELSE 'b' END")).toEqual({
      kind: 'case', arg: col('x'), whens: [{ when: int4(1), then: str('a') }], else: str('b'),
    });
    expect(exprOf('CASE WHEN a THEN 1 WHEN b THEN 2 END')).toEqual({
      kind: 'case', whens: [{ when: col('a'), then: int4(1) }, { when: col('b'), then: int4(2) }],
    });
  });

  it('COALESCE / NULLIF / GREATEST / LEAST are their own nodes', () => {
    expect(exprOf('COALESCE(a, 0)')).toEqual({ kind: 'coalesce', args: [col('a'), int4(0)] });
    expect(exprOf('NULLIF(a, 0)')).toEqual({ kind: 'nullIf', left: col('a'), right: int4(0) });
    expect(exprOf('GREATEST(a, 1)')).toEqual({ kind: 'minMax', op: 'greatest', args: [col('a'), int4(1)] });
    expect(exprOf('LEAST(a, 1)')).toEqual({ kind: 'minMax', op: 'least', args: [col('a'), int4(1)] });
  });

  it('COLLATE keeps the (possibly qualified) collation name', () => {
    expect(exprOf('a COLLATE "C"')).toEqual({ kind: 'collate', arg: col('a'), collation: ['C'] });
    expect(exprOf("'x' COLLATE pg_catalog.default")).toEqual({ kind: 'collate', arg: str('x'), collation: ['pg_catalog', 'default'] });
  });

  it('$n parameters and DEFAULT', () => {
    expect(exprOf('$1 + $12')).toEqual(op('+', param(1), param(12)));
  });

  it('SQL value functions with and without precision', () => {
    expect(exprOf('CURRENT_DATE')).toEqual({ kind: 'sqlValueFunction', op: 'current_date' });
    expect(exprOf('CURRENT_TIMESTAMP')).toEqual({ kind: 'sqlValueFunction', op: 'current_timestamp' });
    expect(exprOf('CURRENT_TIMESTAMP(3)')).toEqual({ kind: 'sqlValueFunction', op: 'current_timestamp', precision: 3 });
    expect(exprOf('LOCALTIME(0)')).toEqual({ kind: 'sqlValueFunction', op: 'localtime', precision: 0 });
    expect(exprOf('current_user')).toEqual({ kind: 'sqlValueFunction', op: 'current_user' });
    expect(exprOf('session_user')).toEqual({ kind: 'sqlValueFunction', op: 'session_user' });
    expect(exprOf('current_schema')).toEqual({ kind: 'sqlValueFunction', op: 'current_schema' });
  });
});

describe('casts and type names', () => {
  const typeOf = (sql: string) => {
    const e = exprOf(sql);
    if (e.kind !== 'cast') throw new Error(`expected a cast, got ${e.kind}`);
    return e.type;
  };

  it(':: , CAST and type-literal forms are all casts', () => {
    expect(exprOf("'1'::int")).toMatchObject({ kind: 'cast', arg: str('1'), type: { name: 'int4', schema: 'pg_catalog' } });
    expect(exprOf('CAST(a AS text)')).toMatchObject({ kind: 'cast', arg: col('a'), type: { name: 'text' } });
    expect(exprOf("int4 '5'")).toMatchObject({ kind: 'cast', arg: str('5'), type: { name: 'int4' } });
    expect(exprOf("'[1,2]'::vector(2)")).toMatchObject({ kind: 'cast', type: { name: 'vector', typmods: [int4(2)] } });
  });

  it('SQL keyword types map to internal names under pg_catalog; user names stay as written', () => {
    expect(typeOf('a::integer')).toEqual({ name: 'int4', schema: 'pg_catalog', typmods: [], arrayBounds: [], setof: false, written: 'pg_catalog.int4' });
    expect(typeOf('a::bigint')).toMatchObject({ name: 'int8', schema: 'pg_catalog' });
    expect(typeOf('a::double precision')).toMatchObject({ name: 'float8', schema: 'pg_catalog' });
    expect(typeOf('a::real')).toMatchObject({ name: 'float4' });
    expect(typeOf('a::boolean')).toMatchObject({ name: 'bool' });
    expect(typeOf('a::character varying(10)')).toMatchObject({ name: 'varchar', typmods: [int4(10)] });
    expect(typeOf('a::char(3)')).toMatchObject({ name: 'bpchar', typmods: [int4(3)] });
    expect(typeOf('a::numeric(10, 2)')).toMatchObject({ name: 'numeric', typmods: [int4(10), int4(2)] });
    expect(typeOf('a::timestamp with time zone')).toMatchObject({ name: 'timestamptz', schema: 'pg_catalog' });
    expect(typeOf('a::int4')).toEqual({ name: 'int4', typmods: [], arrayBounds: [], setof: false, written: 'int4' });
    expect(typeOf('a::pg_catalog.regclass')).toMatchObject({ name: 'regclass', schema: 'pg_catalog', written: 'pg_catalog.regclass' });
    expect(typeOf('a::"MyType"')).toMatchObject({ name: 'MyType', written: 'MyType' });
  });

  it('array bounds, one entry per dimension', () => {
    expect(typeOf('a::text[]')).toMatchObject({ name: 'text', arrayBounds: [-1], written: 'text[]' });
    expect(typeOf('a::int[3][]')).toMatchObject({ name: 'int4', arrayBounds: [3, -1] });
    expect(typeOf('a::int ARRAY')).toMatchObject({ arrayBounds: [-1] });
  });

  it('regclass chains used by psql stay nested casts', () => {
    expect(exprOf("'t'::regclass::oid")).toMatchObject({
      kind: 'cast', type: { name: 'oid' }, arg: { kind: 'cast', type: { name: 'regclass' }, arg: str('t') },
    });
  });
});

describe('function calls', () => {
  it('plain, schema-qualified, count(*), DISTINCT, VARIADIC, named arguments', () => {
    expect(exprOf('lower(a)')).toEqual({
      kind: 'func', name: 'lower', args: [col('a')], star: false, distinct: false, variadic: false, orderBy: [], withinGroup: false,
    });
    expect(exprOf('pg_catalog.pg_table_is_visible(c.oid)')).toMatchObject({ name: 'pg_table_is_visible', schema: 'pg_catalog', args: [col('c', 'oid')] });
    expect(exprOf('count(*)')).toMatchObject({ name: 'count', star: true, args: [] });
    expect(exprOf('count(DISTINCT a)')).toMatchObject({ distinct: true, args: [col('a')] });
    expect(exprOf('concat_ws(VARIADIC arr)')).toMatchObject({ variadic: true, args: [col('arr')] });
    expect(exprOf('make_interval(days => 1, hours := 2)')).toMatchObject({
      args: [{ kind: 'namedArg', name: 'days', arg: int4(1) }, { kind: 'namedArg', name: 'hours', arg: int4(2) }],
    });
  });

  it('aggregate ORDER BY, FILTER and WITHIN GROUP', () => {
    expect(exprOf('string_agg(a, \',\' ORDER BY b DESC NULLS LAST) FILTER (WHERE c)')).toMatchObject({
      name: 'string_agg',
      orderBy: [{ expr: col('b'), direction: 'desc', nulls: 'last' }],
      filter: col('c'),
    });
    expect(exprOf('percentile_cont(0.5) WITHIN GROUP (ORDER BY x)')).toMatchObject({ withinGroup: true, orderBy: [{ expr: col('x') }] });
  });

  it('OVER with PARTITION BY / ORDER BY / frames; named windows', () => {
    const f = exprOf('sum(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE TIES)');
    expect(f).toMatchObject({
      over: {
        partitionBy: [col('a')],
        orderBy: [{ expr: col('b'), direction: 'default' }],
        frame: { mode: 'rows', start: { type: 'preceding', offset: int4(1) }, end: { type: 'currentRow' }, exclude: 'ties' },
      },
    });
    expect(exprOf('rank() OVER ()')).toEqual({
      kind: 'func', name: 'rank', args: [], star: false, distinct: false, variadic: false, orderBy: [], withinGroup: false,
      over: { partitionBy: [], orderBy: [] },
    });
    expect(exprOf('rank() OVER w')).toMatchObject({ over: { name: 'w', partitionBy: [] } });
    expect(exprOf('rank() OVER (w ORDER BY a)')).toMatchObject({ over: { refName: 'w', orderBy: [{ expr: col('a') }] } });
    expect((exprOf('sum(x) OVER (ORDER BY a RANGE UNBOUNDED PRECEDING)') as Extract<Expr, { kind: 'func' }>).over?.frame).toEqual({
      mode: 'range', start: { type: 'unboundedPreceding' }, end: { type: 'currentRow' }, exclude: 'noOthers',
    });
    expect((exprOf('sum(x) OVER (GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW)') as Extract<Expr, { kind: 'func' }>).over?.frame).toEqual({
      mode: 'groups', start: { type: 'currentRow' }, end: { type: 'unboundedFollowing' }, exclude: 'currentRow',
    });
    expect((exprOf("sum(x) OVER (ORDER BY t RANGE BETWEEN '1 day' PRECEDING AND '2 days' FOLLOWING EXCLUDE GROUP)") as Extract<Expr, { kind: 'func' }>).over?.frame).toEqual({
      mode: 'range', start: { type: 'preceding', offset: str('1 day') }, end: { type: 'following', offset: str('2 days') }, exclude: 'group',
    });
  });
});

describe('locations', () => {
  it('every node keeps the 0-based character offset of its token in the whole string', () => {
    const sql = "SELECT 'é' || a[1], CAST(b AS int)";
    const e = parseSelect(sql).targets;
    expect(e[0].expr).toMatchObject({ kind: 'op', op: '||', location: 11, left: { location: 7 }, right: { kind: 'indirection', location: 14 } });
    expect(e[1].expr).toMatchObject({ kind: 'cast', location: 20, arg: { location: 25 }, type: { location: 30 } });
    expect([...sql][30]).toBe('i');
  });

  it('stripLocations removes them all (helper sanity)', () => {
    expect(JSON.stringify(stripLocations(parseSelect('SELECT a + 1 FROM t')))).not.toContain('location');
  });
});

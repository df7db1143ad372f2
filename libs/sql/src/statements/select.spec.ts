import { parse } from '../parse';
import type { Query } from '../types';
import { col, int4, op, param, parseOne, parseSelect, setupParser, str, stripLocations } from '../testing/parse-helpers';

beforeAll(setupParser);

const numeric = (value: string) => ({ kind: 'const', value: { type: 'numeric', value } }) as never;

describe('SELECT: pgvector queries', () => {
  it('nearest neighbours: ORDER BY embedding <-> literal LIMIT 5', () => {
    const q = stripLocations(parseSelect("SELECT * FROM items ORDER BY embedding <-> '[3,1,2]' LIMIT 5"));
    expect(q).toEqual({
      kind: 'select',
      targets: [{ expr: { kind: 'columnRef', names: [], star: true } }],
      from: [{ kind: 'table', table: { name: 'items' }, inherit: true }],
      groupBy: [],
      groupByDistinct: false,
      windows: [],
      orderBy: [{ expr: op('<->', col('embedding'), str('[3,1,2]')), direction: 'default', nulls: 'default' }],
      withTies: false,
      locking: [],
      limit: int4(5),
    });
  });

  it('filtered search with a parameter and a distance in the target list', () => {
    const q = stripLocations(parseSelect(
      'SELECT id, 1 - (embedding <=> $1) AS cosine_similarity FROM items WHERE category_id = 123 ORDER BY embedding <=> $1 LIMIT 5',
    ));
    expect(q.targets).toEqual([
      { expr: col('id') },
      { expr: op('-', int4(1), op('<=>', col('embedding'), param(1))), alias: 'cosine_similarity' },
    ]);
    expect(q.where).toEqual(op('=', col('category_id'), int4(123)));
    expect(q.orderBy[0].expr).toEqual(op('<=>', col('embedding'), param(1)));
  });

  it('negative inner product, distance filter, aggregate over vectors', () => {
    expect(stripLocations(parseSelect("SELECT (embedding <#> '[3,1,2]') * -1 AS inner_product FROM items")).targets[0].expr)
      .toEqual(op('*', op('<#>', col('embedding'), str('[3,1,2]')), int4(-1)));
    expect(stripLocations(parseSelect("SELECT * FROM items WHERE embedding <-> '[3,1,2]' < 5")).where)
      .toEqual(op('<', op('<->', col('embedding'), str('[3,1,2]')), int4(5)));
    expect(stripLocations(parseSelect('SELECT category_id, AVG(embedding) FROM items GROUP BY category_id'))).toMatchObject({
      targets: [{ expr: col('category_id') }, { expr: { kind: 'func', name: 'avg', args: [col('embedding')] } }],
      groupBy: [col('category_id')],
    });
  });

  it('the hybrid-search CTE with window functions (pgvector README, RRF)', () => {
    const sql = `
WITH semantic_search AS (
    SELECT id, RANK () OVER (ORDER BY embedding <=> $1) AS rank
    FROM documents
    ORDER BY embedding <=> $1
    LIMIT 20
),
keyword_search AS (
    SELECT id, RANK () OVER (ORDER BY ts_rank_cd(to_tsvector('english', content), query) DESC)
    FROM documents, plainto_tsquery('english', $2) query
    WHERE to_tsvector('english', content) @@ query
    ORDER BY ts_rank_cd(to_tsvector('english', content), query) DESC
    LIMIT 20
)
SELECT
    COALESCE(semantic_search.id, keyword_search.id) AS id,
    COALESCE(1.0 / ($3 + semantic_search.rank), 0.0) +
    COALESCE(1.0 / ($3 + keyword_search.rank), 0.0) AS score
FROM semantic_search
FULL OUTER JOIN keyword_search ON semantic_search.id = keyword_search.id
ORDER BY score DESC
LIMIT 5`;
    const q = stripLocations(parseSelect(sql));
    expect(q.with?.recursive).toBe(false);
    expect(q.with?.ctes.map((c) => [c.name, c.materialized])).toEqual([['semantic_search', 'default'], ['keyword_search', 'default']]);
    const semantic = q.with!.ctes[0].query as Query;
    expect(semantic).toMatchObject({
      kind: 'select',
      targets: [{ expr: col('id') }, { alias: 'rank', expr: { kind: 'func', name: 'rank', args: [], over: { orderBy: [{ expr: op('<=>', col('embedding'), param(1)) }] } } }],
      limit: int4(20),
    });
    const keyword = q.with!.ctes[1].query as Query;
    expect(keyword).toMatchObject({
      from: [
        { kind: 'table', table: { name: 'documents' } },
        { kind: 'function', functions: [{ call: { name: 'plainto_tsquery', args: [str('english'), param(2)] } }], alias: { name: 'query' }, ordinality: false },
      ],
      where: { kind: 'op', op: '@@' },
      orderBy: [{ direction: 'desc', expr: { name: 'ts_rank_cd' } }],
    });
    expect(q.from).toEqual([{
      kind: 'join', joinType: 'full', natural: false,
      left: { kind: 'table', table: { name: 'semantic_search' }, inherit: true },
      right: { kind: 'table', table: { name: 'keyword_search' }, inherit: true },
      on: op('=', col('semantic_search', 'id'), col('keyword_search', 'id')),
    }]);
    expect(q.targets[1]).toMatchObject({
      alias: 'score',
      expr: {
        kind: 'op', op: '+',
        left: { kind: 'coalesce', args: [op('/', numeric('1.0'), op('+', param(3), col('semantic_search', 'rank'))), numeric('0.0')] },
      },
    });
    expect(q.orderBy).toEqual([{ expr: col('score'), direction: 'desc', nulls: 'default' }]);
  });
});

describe('SELECT: FROM clause', () => {
  it('schema-qualified tables, ONLY, aliases with column aliases', () => {
    expect(stripLocations(parseSelect('SELECT 1 FROM s.t AS x(a, b), ONLY u, db.s.v')).from).toEqual([
      { kind: 'table', table: { schema: 's', name: 't' }, inherit: true, alias: { name: 'x', columns: ['a', 'b'] } },
      { kind: 'table', table: { name: 'u' }, inherit: false },
      { kind: 'table', table: { catalog: 'db', schema: 's', name: 'v' }, inherit: true },
    ]);
  });

  it('join kinds: INNER/LEFT/RIGHT/FULL/CROSS, ON/USING/NATURAL, USING alias', () => {
    const from = stripLocations(parseSelect(
      'SELECT 1 FROM a JOIN b ON a.x = b.x LEFT JOIN c USING (x, y) AS j RIGHT OUTER JOIN d ON true NATURAL FULL JOIN e CROSS JOIN f',
    )).from;
    const kinds: string[] = [];
    let node = from[0];
    while (node.kind === 'join') {
      kinds.push(`${node.natural ? 'natural ' : ''}${node.joinType}${node.using ? ` using(${node.using.join(',')})` : ''}${node.on ? ' on' : ''}${node.usingAlias ? ` as ${node.usingAlias}` : ''}`);
      node = node.left;
    }
    expect(kinds).toEqual(['cross', 'natural full', 'right on', 'left using(x,y) as j', 'inner on']);
  });

  it('LATERAL subqueries and subqueries with aliases', () => {
    expect(stripLocations(parseSelect('SELECT 1 FROM t, LATERAL (SELECT t.a) AS s(x)')).from[1]).toMatchObject({
      kind: 'subquery', lateral: true, alias: { name: 's', columns: ['x'] }, query: { kind: 'select', targets: [{ expr: col('t', 'a') }] },
    });
    expect(stripLocations(parseSelect('SELECT 1 FROM (VALUES (1)) v')).from[0]).toMatchObject({ kind: 'subquery', lateral: false, query: { kind: 'values' } });
  });

  it('functions in FROM: generate_series, unnest / jsonb_each WITH ORDINALITY, ROWS FROM, column definition lists', () => {
    const from = stripLocations(parseSelect(
      "SELECT 1 FROM generate_series(1, 10) g, unnest(ARRAY[1,2]) WITH ORDINALITY AS u(v, n), LATERAL jsonb_each('{}') e, ROWS FROM (f(1), g(2) AS (a int)) WITH ORDINALITY z, json_to_record('{}') AS r(a int, b text)",
    )).from;
    expect(from[0]).toEqual({
      kind: 'function', rowsFrom: false, ordinality: false, lateral: false, alias: { name: 'g' },
      functions: [{ call: { kind: 'func', name: 'generate_series', args: [int4(1), int4(10)], star: false, distinct: false, variadic: false, orderBy: [], withinGroup: false } }],
    });
    expect(from[1]).toMatchObject({ ordinality: true, alias: { name: 'u', columns: ['v', 'n'] } });
    expect(from[2]).toMatchObject({ lateral: true, functions: [{ call: { name: 'jsonb_each' } }] });
    expect(from[3]).toMatchObject({
      rowsFrom: true, ordinality: true,
      functions: [{ call: { name: 'f' } }, { call: { name: 'g' }, columnDefinitions: [{ name: 'a', type: { name: 'int4' } }] }],
    });
    expect(from[4]).toMatchObject({ columnDefinitions: [{ name: 'a', type: { name: 'int4' } }, { name: 'b', type: { name: 'text' } }] });
  });
});

describe('SELECT: clauses', () => {
  it('GROUP BY, HAVING, WINDOW, DISTINCT, DISTINCT ON', () => {
    const q = stripLocations(parseSelect('SELECT DISTINCT ON (a) a, count(*) OVER w FROM t GROUP BY a, 2 HAVING count(*) > 1 WINDOW w AS (PARTITION BY b)'));
    expect(q.distinct).toEqual({ on: [col('a')] });
    expect(q.groupBy).toEqual([col('a'), int4(2)]);
    expect(q.having).toMatchObject({ op: '>', left: { name: 'count', star: true } });
    expect(q.windows).toEqual([{ name: 'w', partitionBy: [col('b')], orderBy: [] }]);
    expect(parseSelect('SELECT DISTINCT a FROM t').distinct).toEqual({ on: [] });
    expect(parseSelect('SELECT a FROM t').distinct).toBeUndefined();
  });

  it('ORDER BY ASC/DESC, NULLS FIRST/LAST, USING', () => {
    expect(stripLocations(parseSelect('SELECT 1 FROM t ORDER BY a ASC NULLS FIRST, b DESC, c USING >, d NULLS LAST')).orderBy).toEqual([
      { expr: col('a'), direction: 'asc', nulls: 'first' },
      { expr: col('b'), direction: 'desc', nulls: 'default' },
      { expr: col('c'), direction: 'default', nulls: 'default', using: '>' },
      { expr: col('d'), direction: 'default', nulls: 'last' },
    ]);
  });

  it('LIMIT / OFFSET / FETCH FIRST [WITH TIES] / LIMIT ALL', () => {
    expect(stripLocations(parseSelect('SELECT 1 FROM t LIMIT $1 OFFSET 10'))).toMatchObject({ limit: param(1), offset: int4(10), withTies: false });
    expect(stripLocations(parseSelect('SELECT 1 FROM t ORDER BY a OFFSET 2 ROWS FETCH FIRST 3 ROWS WITH TIES'))).toMatchObject({ limit: int4(3), offset: int4(2), withTies: true });
    expect(stripLocations(parseSelect('SELECT 1 FROM t FETCH NEXT ROW ONLY'))).toMatchObject({ limit: int4(1) });
    // LIMIT ALL is LIMIT NULL in PostgreSQL.
    expect(stripLocations(parseSelect('SELECT 1 FROM t LIMIT ALL')).limit).toEqual({ kind: 'const', value: { type: 'null' } });
  });

  it('FOR UPDATE / SHARE are parsed and flagged', () => {
    expect(stripLocations(parseSelect('SELECT 1 FROM t, u FOR UPDATE OF t SKIP LOCKED FOR SHARE NOWAIT')).locking).toEqual([
      { strength: 'update', of: [{ name: 't' }], wait: 'skipLocked' },
      { strength: 'share', of: [], wait: 'noWait' },
    ]);
    expect(parseSelect('SELECT 1 FROM t FOR NO KEY UPDATE').locking[0].strength).toBe('noKeyUpdate');
    expect(parseSelect('SELECT 1 FROM t FOR KEY SHARE').locking[0].strength).toBe('keyShare');
  });

  it('SELECT INTO', () => {
    expect(stripLocations(parseSelect('SELECT * INTO TEMP x FROM t')).into).toEqual({ table: { name: 'x' }, temporary: true, unlogged: false });
  });
});

describe('VALUES, set operations, WITH', () => {
  it('VALUES lists with DEFAULT, ORDER BY and LIMIT', () => {
    expect(stripLocations(parseOne('VALUES (1, DEFAULT), (2, $1) ORDER BY 1 LIMIT 1'))).toEqual({
      kind: 'values', rows: [[int4(1), { kind: 'default' }], [int4(2), param(1)]],
      orderBy: [{ expr: int4(1), direction: 'default', nulls: 'default' }], withTies: false, locking: [], limit: int4(1),
    });
  });

  it('UNION / INTERSECT / EXCEPT [ALL] with precedence and a trailing ORDER BY', () => {
    const q = stripLocations(parseOne('SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4 ORDER BY 1 LIMIT 2'));
    expect(q).toMatchObject({
      kind: 'setOp', op: 'except', all: false,
      left: { kind: 'setOp', op: 'union', all: true, left: { kind: 'select' }, right: { kind: 'setOp', op: 'intersect', all: false } },
      right: { kind: 'select', targets: [{ expr: int4(4) }] },
      orderBy: [{ expr: int4(1) }], limit: int4(2),
    });
  });

  it('WITH RECURSIVE, column lists, [NOT] MATERIALIZED, data-modifying CTEs', () => {
    const q = stripLocations(parseOne(
      'WITH RECURSIVE r(n) AS NOT MATERIALIZED (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5), m AS MATERIALIZED (SELECT 2), d AS (DELETE FROM t RETURNING *) SELECT * FROM r',
    ));
    expect(q.kind).toBe('select');
    if (q.kind !== 'select') return;
    expect(q.with).toMatchObject({
      recursive: true,
      ctes: [
        { name: 'r', columns: ['n'], materialized: 'notMaterialized', query: { kind: 'setOp', op: 'union', all: true } },
        { name: 'm', materialized: 'materialized', query: { kind: 'select' } },
        { name: 'd', materialized: 'default', query: { kind: 'delete', returning: [{ expr: { star: true } }] } },
      ],
    });
  });
});

describe('ORM and psql catalog queries (verbatim)', () => {
  it('psql \\d pattern lookup: OPERATOR(pg_catalog.~), COLLATE, schema-qualified function', () => {
    const sql = `SELECT c.oid,
  n.nspname,
  c.relname
FROM pg_catalog.pg_class c
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relname OPERATOR(pg_catalog.~) '^(items)$' COLLATE pg_catalog.default
  AND pg_catalog.pg_table_is_visible(c.oid)
ORDER BY 2, 3;`;
    const q = stripLocations(parseSelect(sql));
    expect(q.from[0]).toMatchObject({
      kind: 'join', joinType: 'left',
      left: { table: { schema: 'pg_catalog', name: 'pg_class' }, alias: { name: 'c' } },
      right: { table: { schema: 'pg_catalog', name: 'pg_namespace' }, alias: { name: 'n' } },
    });
    expect(q.where).toEqual({
      kind: 'bool', op: 'and', args: [
        { kind: 'op', op: '~', schema: 'pg_catalog', left: col('c', 'relname'), right: { kind: 'collate', arg: str('^(items)$'), collation: ['pg_catalog', 'default'] } },
        { kind: 'func', name: 'pg_table_is_visible', schema: 'pg_catalog', args: [col('c', 'oid')], star: false, distinct: false, variadic: false, orderBy: [], withinGroup: false },
      ],
    });
    expect(q.orderBy.map((o) => o.expr)).toEqual([int4(2), int4(3)]);
  });

  it('psql \\d: the table-details query with regtype casts, CASE and an ARRAY subquery', () => {
    const sql = `SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, false AS relhasoids, c.relispartition, pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')
, c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, c.relpersistence, c.relreplident, am.amname
FROM pg_catalog.pg_class c
 LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)
WHERE c.oid = '16384';`;
    const q = stripLocations(parseSelect(sql));
    expect(q.targets).toHaveLength(15);
    expect(q.targets[9].expr).toMatchObject({
      kind: 'func', schema: 'pg_catalog', name: 'array_to_string',
      args: [{ kind: 'op', op: '||', right: { kind: 'arraySubquery', query: { from: [{ kind: 'function', alias: { name: 'x' }, functions: [{ call: { schema: 'pg_catalog', name: 'unnest' } }] }] } } }, str(', ')],
    });
    expect(q.targets[11].expr).toMatchObject({
      kind: 'case',
      whens: [{ when: op('=', col('c', 'reloftype'), int4(0)), then: str('') }],
      else: { kind: 'cast', type: { schema: 'pg_catalog', name: 'text' }, arg: { kind: 'cast', type: { schema: 'pg_catalog', name: 'regtype' } } },
    });
    expect(q.where).toEqual(op('=', col('c', 'oid'), str('16384')));
  });

  it('psql \\d: the column query with correlated scalar subqueries', () => {
    const sql = `SELECT a.attname,
  pg_catalog.format_type(a.atttypid, a.atttypmod),
  (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)
   FROM pg_catalog.pg_attrdef d
   WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),
  a.attnotnull,
  (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t
   WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation,
  a.attidentity,
  a.attgenerated
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = '16384' AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum;`;
    const q = stripLocations(parseSelect(sql));
    expect(q.targets.map((t) => t.expr.kind)).toEqual(['columnRef', 'func', 'scalarSubquery', 'columnRef', 'scalarSubquery', 'columnRef', 'columnRef']);
    expect(q.targets[4].alias).toBe('attcollation');
    expect(q.where).toMatchObject({ kind: 'bool', op: 'and', args: [{}, {}, { kind: 'bool', op: 'not', args: [col('a', 'attisdropped')] }] });
  });

  it('psql \\d listing with CASE over relkind and !~', () => {
    const sql = `SELECT n.nspname as "Schema",
  c.relname as "Name",
  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as "Type",
  pg_catalog.pg_get_userbyid(c.relowner) as "Owner"
FROM pg_catalog.pg_class c
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r','p','v','m','S','f','')
      AND n.nspname <> 'pg_catalog'
      AND n.nspname !~ '^pg_toast'
      AND n.nspname <> 'information_schema'
  AND pg_catalog.pg_table_is_visible(c.oid)
ORDER BY 1,2;`;
    const q = stripLocations(parseSelect(sql));
    expect(q.targets.map((t) => t.alias)).toEqual(['Schema', 'Name', 'Type', 'Owner']);
    expect(q.targets[2].expr).toMatchObject({ kind: 'case', arg: col('c', 'relkind') });
    expect((q.targets[2].expr as { whens: unknown[] }).whens).toHaveLength(9);
    expect(q.where).toMatchObject({ kind: 'bool', op: 'and', args: [{ kind: 'inList', list: [str('r'), str('p'), str('v'), str('m'), str('S'), str('f'), str('')] }, {}, { op: '!~' }, {}, { kind: 'func' }] });
  });

  it('a driver-style information_schema query with $n parameters', () => {
    const q = stripLocations(parseSelect(
      'SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
    ));
    expect(q.from[0]).toMatchObject({ table: { schema: 'information_schema', name: 'columns' } });
    expect(q.where).toEqual({ kind: 'bool', op: 'and', args: [op('=', col('table_schema'), param(1)), op('=', col('table_name'), param(2))] });
  });
});

describe('statement tree is plain data', () => {
  it('round-trips through JSON unchanged', () => {
    const sql = "WITH x AS (SELECT 1) SELECT a::int8[], 9223372036854775807, B'1', $1, ARRAY(SELECT 1), CURRENT_DATE FROM x WHERE a IN (1,2) ORDER BY a <-> '[1]' LIMIT 3";
    const tree = parse(sql);
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });
});

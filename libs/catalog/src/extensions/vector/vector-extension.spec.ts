import { createCatalogRegistry } from '../../registry/registry';
import { TestDb, setupParser, testContext } from '../../testing/ddl-helpers';
import { records } from '../../system-views/testing/oracle-schema';
import type { SystemViewContext } from '../../system-views/system-view';
import { formatType } from '../../types/format-type';
import { registerVectorExtension } from './vector-extension';
import { VECTOR_FUNCTIONS } from './vector-functions';

beforeAll(setupParser);

const registry = () => registerVectorExtension(createCatalogRegistry());
const vectorDb = () => new TestDb(testContext({}, registry())).run('CREATE EXTENSION vector');
const views = (db: TestDb): SystemViewContext => ({
  catalog: db.catalog, registry: db.ctx.registry, session: { user: 'postgres', database: 'postgres', searchPath: ['public'] },
});

describe('CREATE EXTENSION vector', () => {
  it('reports pgvector 0.8.7 in pg_extension and pg_available_extensions', () => {
    const db = vectorDb();
    const ext = db.catalog.extensionByName('vector')!;
    expect([ext.version, ext.relocatable]).toEqual(['0.8.7', true]);
    expect(db.ctx.registry.availableExtensions().map((e) => [e.name, e.version, e.comment]))
      .toEqual([['vector', '0.8.7', 'vector data type and ivfflat and hnsw access methods']]);
  });

  it('creates the three types and their array types with pgvector I/O functions', () => {
    const db = vectorDb();
    const rows = records(views(db), 'pg_catalog', 'pg_type').filter((t) => t.typnamespace === 2200);
    expect(rows.map((t) => t.typname).sort()).toEqual(['_halfvec', '_sparsevec', '_vector', 'halfvec', 'sparsevec', 'vector']);
    const vector = db.catalog.typeByName(2200, 'vector')!;
    expect([vector.input, vector.output, vector.receive, vector.send, vector.modin, vector.storage, vector.align, vector.category])
      .toEqual(['vector_in', 'vector_out', 'vector_recv', 'vector_send', 'vector_typmod_in', 'e', 'i', 'U']);
    const arr = db.catalog.type(vector.array)!;
    expect([arr.name, arr.elem, arr.input]).toEqual(['_vector', vector.oid, 'array_in']);
    // typinput is a real regproc (the I/O functions are pg_proc rows).
    const row = rows.find((t) => t.typname === 'vector')!;
    expect(row.typinput).not.toBe(0);
  });

  it('creates every function of vector.sql with its C symbol as impl, plus avg/sum aggregates', () => {
    const db = vectorDb();
    const procs = Object.values(db.state.procs);
    expect(VECTOR_FUNCTIONS).toHaveLength(114);
    expect(procs.filter((p) => p.kind === 'f')).toHaveLength(114);
    const name = (oid: number) => db.catalog.type(oid)!.name;
    const sig = (p: { name: string; args: number[] }) => `${p.name}(${p.args.map(name).join(',')})`;
    const byName = new Map(procs.map((p) => [sig(p), p]));
    expect(byName.get('l2_distance(vector,vector)')!.impl).toBe('l2_distance');
    expect(byName.get('l2_distance(halfvec,halfvec)')!.impl).toBe('halfvec_l2_distance');
    expect(byName.get('l2_norm(sparsevec)')!.impl).toBe('sparsevec_l2_norm');
    expect(byName.get('halfvec_combine(_float8,_float8)')!.impl).toBe('vector_combine');
    expect(byName.get('binary_quantize(halfvec)')!.ret).toBe(1560);
    expect(byName.get('array_to_sparsevec(_numeric,int4,bool)')!.impl).toBe('array_to_sparsevec');
    expect([byName.get('hnswhandler(internal)')!.strict, byName.get('hnswhandler(internal)')!.vol]).toEqual([false, 'v']);
    const aggs = procs.filter((p) => p.kind === 'a').map((p) => [sig(p), p.impl, p.agg]);
    expect(aggs).toEqual([
      ['avg(vector)', 'vector_accum+vector_avg', { transfn: 'vector_accum', transtype: 1022, finalfn: 'vector_avg', combinefn: 'vector_combine', initval: '{0}' }],
      ['sum(vector)', 'vector_add', { transfn: 'vector_add', transtype: db.catalog.typeByName(2200, 'vector')!.oid, combinefn: 'vector_add' }],
      ['avg(halfvec)', 'halfvec_accum+halfvec_avg', { transfn: 'halfvec_accum', transtype: 1022, finalfn: 'halfvec_avg', combinefn: 'vector_combine', initval: '{0}' }],
      ['sum(halfvec)', 'halfvec_add', { transfn: 'halfvec_add', transtype: db.catalog.typeByName(2200, 'halfvec')!.oid, combinefn: 'halfvec_add' }],
    ]);
  });

  it('creates the operators with commutators and negators', () => {
    const db = vectorDb();
    const ops = Object.values(db.state.operators);
    const tname = (oid: number) => db.catalog.type(oid)!.name;
    const find = (name: string, type: string) => ops.find((o) => o.name === name && tname(o.left) === type)!;
    expect(ops).toHaveLength(14 + 14 + 2 + 10);
    const l2 = find('<->', 'vector');
    expect([l2.impl, l2.commutator, tname(l2.result)]).toEqual(['l2_distance', l2.oid, 'float8']);
    expect(find('<#>', 'halfvec').impl).toBe('halfvec_negative_inner_product');
    expect(find('<=>', 'sparsevec').impl).toBe('sparsevec_cosine_distance');
    expect(find('<~>', 'bit').impl).toBe('hamming_distance');
    expect(find('<%>', 'bit').impl).toBe('jaccard_distance');
    expect(find('-', 'vector').commutator).toBe(0);
    expect(find('||', 'halfvec').impl).toBe('halfvec_concat');
    const lt = find('<', 'vector');
    expect([lt.commutator, lt.negator]).toEqual([find('>', 'vector').oid, find('>=', 'vector').oid]);
    expect(ops.some((o) => o.name === '+' && tname(o.left) === 'sparsevec')).toBe(false);
  });

  it('creates the casts with vector.sql contexts', () => {
    const db = vectorDb();
    const tname = (oid: number) => db.catalog.type(oid)!.name;
    const casts = Object.values(db.state.casts).map((c) => `${tname(c.source)}->${tname(c.target)}:${c.context}:${db.catalog.proc(c.func)!.impl}`);
    expect(casts).toHaveLength(23);
    expect(casts).toEqual(expect.arrayContaining([
      'vector->vector:i:vector', 'vector->_float4:i:vector_to_float4', '_int4->vector:a:array_to_vector',
      'vector->halfvec:i:vector_to_halfvec', 'halfvec->vector:a:halfvec_to_vector', 'halfvec->_float4:a:halfvec_to_float4',
      'vector->sparsevec:i:vector_to_sparsevec', 'sparsevec->vector:a:sparsevec_to_vector', '_numeric->sparsevec:a:array_to_sparsevec',
      'halfvec->sparsevec:i:halfvec_to_sparsevec', 'sparsevec->halfvec:a:sparsevec_to_halfvec',
    ]));
  });

  it('creates hnsw/ivfflat in pg_am and every opclass in pg_opclass', () => {
    const db = vectorDb();
    const ctx = views(db);
    const ams = records(ctx, 'pg_catalog', 'pg_am');
    expect(ams.filter((a) => a.amname === 'hnsw' || a.amname === 'ivfflat').map((a) => [a.amname, a.amtype])).toEqual([['ivfflat', 'i'], ['hnsw', 'i']]);
    const amName = new Map(ams.map((a) => [a.oid, a.amname]));
    const classes = records(ctx, 'pg_catalog', 'pg_opclass').filter((c) => c.opcnamespace === 2200)
      .map((c) => `${amName.get(c.opcmethod)}:${c.opcname}${c.opcdefault ? '*' : ''}`);
    expect(classes).toEqual([
      'btree:vector_ops*', 'ivfflat:vector_l2_ops*', 'ivfflat:vector_ip_ops', 'ivfflat:vector_cosine_ops',
      'hnsw:vector_l2_ops', 'hnsw:vector_ip_ops', 'hnsw:vector_cosine_ops', 'hnsw:vector_l1_ops',
      'btree:halfvec_ops*', 'ivfflat:halfvec_l2_ops', 'ivfflat:halfvec_ip_ops', 'ivfflat:halfvec_cosine_ops',
      'hnsw:halfvec_l2_ops', 'hnsw:halfvec_ip_ops', 'hnsw:halfvec_cosine_ops', 'hnsw:halfvec_l1_ops',
      'ivfflat:bit_hamming_ops', 'hnsw:bit_hamming_ops', 'hnsw:bit_jaccard_ops',
      'btree:sparsevec_ops*', 'hnsw:sparsevec_l2_ops', 'hnsw:sparsevec_ip_ops', 'hnsw:sparsevec_cosine_ops', 'hnsw:sparsevec_l1_ops',
    ]);
  });
});

describe('vector typmods and index options', () => {
  it('accepts vector(n)/halfvec(n)/sparsevec(n) and rejects bad dimensions with pgvector messages', () => {
    const db = vectorDb().run('CREATE TABLE items (a vector(3), b halfvec(16000), c sparsevec(1000000000), d vector)');
    const cols = db.table('items').columns;
    expect(cols.map((c) => formatType(db.catalog, c.type, c.typmod, { registry: db.ctx.registry })))
      .toEqual(['vector(3)', 'halfvec(16000)', 'sparsevec(1000000000)', 'vector']);
    expect(db.fail('CREATE TABLE t1 (v vector(0))')).toEqual({ sqlstate: '22023', message: 'dimensions for type vector must be at least 1' });
    expect(db.fail('CREATE TABLE t1 (v vector(16001))')).toEqual({ sqlstate: '22023', message: 'dimensions for type vector cannot exceed 16000' });
    expect(db.fail('CREATE TABLE t1 (v halfvec(16001))')).toEqual({ sqlstate: '22023', message: 'dimensions for type halfvec cannot exceed 16000' });
    expect(db.fail('CREATE TABLE t1 (v sparsevec(0))')).toEqual({ sqlstate: '22023', message: 'dimensions for type sparsevec must be at least 1' });
    expect(db.fail('CREATE TABLE t1 (v sparsevec(1000000001))')).toEqual({ sqlstate: '22023', message: 'dimensions for type sparsevec cannot exceed 1000000000' });
    expect(db.fail('CREATE TABLE t1 (v vector(3, 4))')).toEqual({ sqlstate: '22023', message: 'invalid type modifier' });
  });

  it('validates hnsw and ivfflat WITH options', () => {
    const db = vectorDb().run('CREATE TABLE items (id int, emb vector(3), b bit(8))');
    db.run('CREATE INDEX i1 ON items USING hnsw (emb vector_l2_ops) WITH (m = 8, ef_construction = 16)');
    db.run('CREATE INDEX i2 ON items USING ivfflat (emb) WITH (lists = 10)');
    db.run('CREATE INDEX i3 ON items USING hnsw (b bit_hamming_ops)');
    expect(db.rel('i1')!.kind === 'i' && db.rel('i1')!.options).toEqual(['m=8', 'ef_construction=16']);
    expect(db.fail('CREATE INDEX ON items USING hnsw (emb vector_l2_ops) WITH (m = 101)')).toEqual({ sqlstate: '22023', message: 'value 101 out of bounds for option "m"' });
    expect(db.fail('CREATE INDEX ON items USING hnsw (emb vector_l2_ops) WITH (ef_construction = 3)')).toEqual({ sqlstate: '22023', message: 'value 3 out of bounds for option "ef_construction"' });
    expect(db.fail('CREATE INDEX ON items USING hnsw (emb vector_l2_ops) WITH (m = 16, ef_construction = 16)')).toEqual({ sqlstate: '22023', message: 'ef_construction must be greater than or equal to 2 * m' });
    expect(db.fail('CREATE INDEX ON items USING ivfflat (emb) WITH (lists = 0)')).toEqual({ sqlstate: '22023', message: 'value 0 out of bounds for option "lists"' });
    expect(db.fail('CREATE INDEX ON items USING ivfflat (emb) WITH (lists = 32769)')).toEqual({ sqlstate: '22023', message: 'value 32769 out of bounds for option "lists"' });
    expect(db.fail('CREATE INDEX ON items USING ivfflat (emb) WITH (m = 4)')).toEqual({ sqlstate: '22023', message: 'unrecognized parameter "m"' });
    expect(db.fail('CREATE INDEX ON items USING hnsw (emb)').message).toBe('data type vector has no default operator class for access method "hnsw"');
  });
});

describe('DROP / ALTER EXTENSION vector', () => {
  it('refuses to drop while columns use the types unless CASCADE, then removes every member', () => {
    const db = vectorDb().run('CREATE TABLE items (id int, emb vector(3)); CREATE INDEX ON items USING hnsw (emb vector_l2_ops)');
    const e = db.error('DROP EXTENSION vector');
    expect([e.sqlstate, e.message]).toEqual(['2BP01', 'cannot drop extension vector because other objects depend on it']);
    db.run('DROP EXTENSION vector CASCADE');
    const s = db.state;
    expect([s.types, s.procs, s.operators, s.casts, s.accessMethods, s.opclasses].map((m) => Object.keys(m).length)).toEqual([0, 0, 0, 0, 0, 0]);
    db.run('CREATE EXTENSION vector');
    expect(db.catalog.extensionByName('vector')!.version).toBe('0.8.7');
  });

  it('ALTER EXTENSION vector UPDATE says the version is already installed', () => {
    const db = vectorDb().run('ALTER EXTENSION vector UPDATE');
    expect(db.takeNotices()).toEqual(['NOTICE: version "0.8.7" of extension "vector" is already installed']);
    expect(db.fail("ALTER EXTENSION vector UPDATE TO '0.9.0'")).toEqual({
      sqlstate: '22023', message: 'extension "vector" has no update path from version "0.8.7" to version "0.9.0"',
    });
  });
});

import { createCatalogRegistry } from '../registry/registry';
import { validateReloptions } from '../registry/reloptions';
import { TestDb, setupParser, testContext } from '../testing/ddl-helpers';
import { HNSW_OPTIONS, registerFakeVector } from '../testing/fake-vector-extension';
import { formatType } from '../types/format-type';

beforeAll(setupParser);

const vectorDb = () => new TestDb(testContext({}, registerFakeVector(createCatalogRegistry())));

describe('extensions', () => {
  it('refuses unknown extensions with PostgreSQL\'s message', () => {
    const e = new TestDb().error('CREATE EXTENSION nope');
    expect([e.sqlstate, e.message, e.hint]).toEqual(['0A000', 'extension "nope" is not available',
      'The extension must first be installed on the system where PostgreSQL is running.']);
  });

  it('installs member objects, with typmods and access methods usable in DDL', () => {
    const db = vectorDb().run('CREATE EXTENSION vector');
    const cat = db.catalog;
    const ext = cat.extensionByName('vector')!;
    expect([ext.version, ext.namespace]).toEqual(['0.8.0', 2200]);
    const vector = cat.typeByName(2200, 'vector')!;
    expect(vector.oid).toBeGreaterThanOrEqual(16384);
    expect(cat.type(vector.array)!.name).toBe('_vector');
    db.run('CREATE TABLE items (id serial PRIMARY KEY, emb vector(3), embs vector(3)[])');
    const [, emb, embs] = db.table('items').columns;
    expect(formatType(cat, emb.type, emb.typmod, { registry: db.ctx.registry })).toBe('vector(3)');
    expect(formatType(cat, embs.type, embs.typmod, { registry: db.ctx.registry })).toBe('vector(3)[]');
    expect(db.fail('CREATE TABLE bad (v vector(0))')).toEqual({ sqlstate: '22023', message: 'dimensions for type vector must be at least 1' });

    db.run('CREATE INDEX ON items USING hnsw (emb vector_l2_ops) WITH (m = 8)');
    const ix = db.rel('items_emb_idx')!;
    expect(ix.kind === 'i' && [ix.options, db.catalog.accessMethod(ix.am)!.name]).toEqual([['m=8'], 'hnsw']);
    expect(db.fail('CREATE INDEX ON items USING hnsw (emb vector_l2_ops) WITH (m = 1)')).toEqual({
      sqlstate: '22023', message: 'value 1 out of bounds for option "m"',
    });
    expect(db.fail('CREATE INDEX ON items USING hnsw (emb)').message).toBe('data type vector has no default operator class for access method "hnsw"');
    expect(db.fail('CREATE EXTENSION vector')).toEqual({ sqlstate: '42710', message: 'extension "vector" already exists' });
    db.run('CREATE EXTENSION IF NOT EXISTS vector');
    expect(db.takeNotices()).toEqual(['NOTICE: extension "vector" already exists, skipping']);
  });

  it('drops member objects with the extension, refusing while user objects depend on them', () => {
    const db = vectorDb().run('CREATE EXTENSION vector; CREATE TABLE items (id int, emb vector(3)); CREATE INDEX ON items USING hnsw (emb vector_l2_ops)');
    const e = db.error('DROP EXTENSION vector');
    expect([e.sqlstate, e.message, e.detail]).toEqual(['2BP01', 'cannot drop extension vector because other objects depend on it',
      'column emb of table items depends on type vector']);
    db.run('DROP EXTENSION vector CASCADE');
    expect(db.takeNotices()).toEqual(['NOTICE: drop cascades to column emb of table items']);
    const cat = db.catalog;
    expect(cat.extensions()).toEqual([]);
    expect([cat.typeByName(2200, 'vector'), cat.accessMethodByName('hnsw'), cat.procsNamed('l2_distance')]).toEqual([undefined, undefined, []]);
    expect(Object.keys(db.state.types)).toEqual([]);
    expect(db.relationNames()).toEqual(['items']);
    expect(db.table('items').columns.map((c) => c.dropped)).toEqual([false, true]);
    expect(db.last!.effects).toEqual(expect.arrayContaining([{ type: 'dropColumn', table: db.table('items').oid, attnum: 2 }]));
    expect(db.fail('DROP EXTENSION vector')).toEqual({ sqlstate: '42704', message: 'extension "vector" does not exist' });
  });

  it('validates WITH options into a typed config', () => {
    const opt = (name: string, value: number) => ({ name, value: { type: 'int' as const, value }, location: -1 });
    expect(validateReloptions(HNSW_OPTIONS, [opt('m', 24)]).config).toEqual({ m: 24, ef_construction: 64 });
    expect(() => validateReloptions(HNSW_OPTIONS, [opt('lists', 1)])).toThrow('unrecognized parameter "lists"');
  });
});

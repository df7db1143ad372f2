import { TestDb, setupParser, testContext } from '../testing/ddl-helpers';
import { isRelationVisible, lookupRelation, requireRelation, visibleProcs } from './resolve';
import { currentSchema, currentSchemas, formatSearchPath, parseSearchPath, resolveSearchPath } from './search-path';

beforeAll(setupParser);

describe('search_path', () => {
  it('parses and prints the setting', () => {
    expect(parseSearchPath('"$user", public')).toEqual(['$user', 'public']);
    expect(parseSearchPath('S1,"My Schema" ,  pg_catalog')).toEqual(['s1', 'My Schema', 'pg_catalog']);
    expect(formatSearchPath(['$user', 'public', 'My Schema'])).toBe('"$user", public, "My Schema"');
  });

  it('searches pg_catalog first unless listed, and resolves $user', () => {
    const db = new TestDb().run('CREATE SCHEMA alice; CREATE SCHEMA s');
    const cat = db.catalog;
    const ns = (n: string) => cat.namespaceByName(n)!.oid;
    const ctx = { path: ['$user', 'public'], user: 'alice' };
    expect(resolveSearchPath(cat, ctx).relations).toEqual([11, ns('alice'), 2200]);
    expect(resolveSearchPath(cat, { path: ['s', 'pg_catalog', 'public'], user: 'bob' }).relations).toEqual([ns('s'), 11, 2200]);
    expect(currentSchema(cat, ctx)).toBe('alice');
    expect(currentSchema(cat, { path: ['$user', 'public'], user: 'bob' })).toBe('public');
    expect(currentSchema(cat, { path: ['nope'], user: 'bob' })).toBeNull();
    expect(currentSchemas(cat, { path: ['$user', 'public'], user: 'bob' }, true)).toEqual(['pg_catalog', 'public']);
    expect(currentSchemas(cat, { path: ['$user', 'public'], user: 'bob' }, false)).toEqual(['public']);
  });

  it('finds the first relation along the path; temp schema first, never for functions', () => {
    const db = new TestDb().run('CREATE SCHEMA s; CREATE TABLE s.t (x int); CREATE TABLE public.t (y int)');
    const cat = db.catalog;
    const name = { name: 't', location: -1 };
    expect(lookupRelation(cat, { path: ['s', 'public'], user: 'u' }, name)!.namespace).toBe(cat.namespaceByName('s')!.oid);
    expect(lookupRelation(cat, { path: ['public', 's'], user: 'u' }, name)!.namespace).toBe(2200);
    expect(lookupRelation(cat, { path: ['public'], user: 'u' }, { schema: 's', name: 't', location: -1 })!.namespace).toBe(cat.namespaceByName('s')!.oid);
    expect(lookupRelation(cat, { path: [], user: 'u' }, name)).toBeUndefined();
    const sTable = lookupRelation(cat, { path: ['s'], user: 'u' }, name)!;
    expect(isRelationVisible(cat, { path: ['public', 's'], user: 'u' }, sTable.oid)).toBe(false);
    expect(isRelationVisible(cat, { path: ['s', 'public'], user: 'u' }, sTable.oid)).toBe(true);
    db.run('CREATE TEMP TABLE t (z int)');
    const withTemp = { path: ['public'], user: 'u', tempSchema: 'pg_temp_3' };
    expect(lookupRelation(db.catalog, withTemp, name)!.persistence).toBe('t');
    expect(resolveSearchPath(db.catalog, withTemp).functions).toEqual([11, 2200]);
    expect(currentSchemas(db.catalog, withTemp, true)).toEqual(['pg_temp_3', 'pg_catalog', 'public']);
  });

  it('raises 42P01 with the name as written', () => {
    const db = new TestDb();
    const ctx = testContext();
    expect(() => requireRelation(db.catalog, ctx, { name: 'nope', location: -1 })).toThrow('relation "nope" does not exist');
    db.run('CREATE SCHEMA s');
    expect(() => requireRelation(db.catalog, ctx, { schema: 's', name: 'nope', location: -1 })).toThrow('relation "s.nope" does not exist');
    expect(() => requireRelation(db.catalog, ctx, { catalog: 'other', schema: 's', name: 'x', location: -1 }))
      .toThrow('cross-database references are not implemented: other.s.x');
  });

  it('lists visible function overloads with their path position', () => {
    const db = new TestDb();
    const lower = visibleProcs(db.catalog, testContext(), 'lower');
    expect(lower.map((c) => [c.proc.oid, c.proc.args, c.pathPos])).toContainEqual([870, [25], 0]);
    expect(visibleProcs(db.catalog, testContext(), 'lower', 'public')).toEqual([]);
  });
});

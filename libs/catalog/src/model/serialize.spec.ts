import { TestDb, setupParser } from '../testing/ddl-helpers';
import { catalogFromJson, catalogToJson, deserializeCatalog, serializeCatalog } from './serialize';
import { createCatalogState } from './state';

beforeAll(setupParser);

describe('catalog serialisation', () => {
  it('round-trips a catalog with tables, indexes, constraints, sequences and schemas', () => {
    const db = new TestDb().run(`CREATE SCHEMA s; CREATE TABLE s.p (id bigserial PRIMARY KEY, name varchar(20) NOT NULL DEFAULT 'x');
      CREATE TABLE c (pid bigint REFERENCES s.p ON DELETE CASCADE, v numeric(10,2) CHECK (v > 0));
      CREATE INDEX c_v_idx ON c (v DESC) WHERE v > 10; ALTER TABLE c DROP COLUMN v`);
    const text = serializeCatalog(db.state);
    const back = deserializeCatalog(text);
    expect(back).toEqual(db.state);
    expect(serializeCatalog(back)).toBe(text);
    expect(catalogFromJson(JSON.parse(JSON.stringify(catalogToJson(db.state))))).toEqual(db.state);
    // OIDs keep counting from where they were.
    expect(back.nextOid).toBe(db.state.nextOid);
  });

  it('starts fresh from no blob and refuses foreign or newer blobs', () => {
    expect(catalogFromJson(null)).toEqual(createCatalogState());
    expect(() => deserializeCatalog('{"tables":[]}')).toThrow('catalog blob is not a vecgres catalog');
    expect(() => deserializeCatalog('{"format":"vecgres-catalog","formatVersion":99,"state":{}}')).toThrow('unsupported catalog format version 99');
    expect(() => deserializeCatalog('not json')).toThrow('catalog blob is not valid JSON');
  });
});

// CREATE EXTENSION vector through the engine: the types resolve, literals and columns use
// pgvector's codecs (OIDs assigned at CREATE EXTENSION), casts resolve with vector.sql's
// contexts, the codecs follow the catalog (transaction-local DDL, DROP EXTENSION), and the
// drivers' type discovery queries find the types.
import { CollectingSink } from './result-sink';
import { openHarness, failure, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';

let h: Harness;
let s: Session;
beforeAll(async () => {
  h = await openHarness();
  s = h.session();
  await run(s, 'CREATE EXTENSION vector');
});
afterAll(async () => { await h.close(); });

/** Parse + Bind + Execute with parameters of the given types (what drivers send). */
async function extended(sql: string, paramTypes: number[], params: unknown[]): Promise<unknown[][]> {
  const sink = new CollectingSink();
  await s.execute(s.prepare(sql, paramTypes), params, sink);
  return sink.rowsOut;
}

const oidOf = async (name: string) => (await rows(s, `SELECT oid FROM pg_type WHERE typname = '${name}'`))[0][0] as number;

describe('vector types through the engine', () => {
  it('casts literals with pgvector text I/O', async () => {
    const [[v, hv, sv]] = await rows(s, "SELECT '[1,2,3]'::vector, '[1.1, 2]'::halfvec, '{1:1,3:2}/5'::sparsevec");
    expect(Array.from(v as Float32Array)).toEqual([1, 2, 3]);
    expect(s.codecs.require(await oidOf('halfvec')).toText(hv)).toBe('[1.0996094,2]');
    expect(s.codecs.require(await oidOf('sparsevec')).toText(sv)).toBe('{1:1,3:2}/5');
    expect(await rows(s, "SELECT '[1,2,3]'::vector::text, '[1, 2]'::vector(2)::text")).toEqual([['[1,2,3]', '[1,2]']]);
  });

  it('reports pgvector input errors', async () => {
    expect(await failure(s, "SELECT '[1,2'::vector")).toMatchObject({ sqlstate: '22P02', message: 'invalid input syntax for type vector: "[1,2"' });
    expect(await failure(s, "SELECT '[]'::vector")).toMatchObject({ sqlstate: '22000', message: 'vector must have at least 1 dimension' });
    expect(await failure(s, "SELECT '[NaN]'::vector")).toMatchObject({ sqlstate: '22000', message: 'NaN not allowed in vector' });
    expect(await failure(s, "SELECT '{1:1}/0'::sparsevec")).toMatchObject({ sqlstate: '22000', message: 'sparsevec must have at least 1 dimension' });
    expect(await failure(s, 'SELECT NULL::vector(0)')).toMatchObject({ sqlstate: '22023', message: 'dimensions for type vector must be at least 1' });
  });

  it('stores and returns vector columns', async () => {
    await run(s, 'CREATE TABLE items (id int, embedding vector(3), h halfvec, sp sparsevec(5), b bit(3))');
    await run(s, "INSERT INTO items VALUES (1, '[1,2,3]', '[0.5]', '{2:4}/5', '101'), (2, '[4,5,6]', NULL, NULL, '011')");
    const out = await rows(s, 'SELECT id, embedding::text, h::text, sp::text, b::text FROM items ORDER BY id');
    expect(out).toEqual([[1, '[1,2,3]', '[0.5]', '{2:4}/5', '101'], [2, '[4,5,6]', null, null, '011']]);
    expect(await rows(s, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'items'::regclass AND attnum > 0 ORDER BY attnum"))
      .toEqual([['integer'], ['vector(3)'], ['halfvec'], ['sparsevec(5)'], ['bit(3)']]);
  });

  it('has codecs for the column types in text and binary', async () => {
    const oid = await oidOf('vector');
    const c = s.codecs.require(oid);
    expect(c.toBinary(c.fromText('[1,2]')).toString('hex')).toBe('000200003f80000040000000');
    const arr = s.codecs.require(await oidOf('_vector'));
    expect(arr.toText(arr.fromText('{"[1,2]","[3,4]"}'))).toBe('{"[1,2]","[3,4]"}');
  });
});

describe('casts with vector.sql contexts', () => {
  it('applies assignment casts from arrays and implicit casts between vector types', async () => {
    await run(s, 'CREATE TABLE cast_t (v vector(3), h halfvec(3), sp sparsevec(3))');
    await run(s, "INSERT INTO cast_t VALUES (ARRAY[1,2,3], '[1,2,3]'::vector, '[0,2,0]'::vector)");
    expect(await rows(s, 'SELECT v::text, h::text, sp::text FROM cast_t')).toEqual([['[1,2,3]', '[1,2,3]', '{2:2}/3']]);
    // halfvec -> vector is ASSIGNMENT only, vector -> halfvec IMPLICIT: mixed operands resolve to halfvec.
    expect(await rows(s, "SELECT pg_typeof('[1,2]'::halfvec + '[1,2]'::vector)::text")).toEqual([['halfvec']]);
    expect(await failure(s, "SELECT '[1,2]'::vector(3)")).toMatchObject({ sqlstate: '22000', message: 'expected 3 dimensions, not 2' });
    expect(await failure(s, "INSERT INTO cast_t (v) VALUES ('[1,2]')")).toMatchObject({ sqlstate: '22000', message: 'expected 3 dimensions, not 2' });
  });
});

describe('codecs follow the catalog', () => {
  it('sees a transaction\'s own CREATE EXTENSION, and drops codecs with DROP EXTENSION', async () => {
    const h2 = await openHarness();
    try {
      const s2 = h2.session();
      await run(s2, 'BEGIN');
      await run(s2, 'CREATE EXTENSION vector');
      expect(await rows(s2, "SELECT '[1,2]'::vector::text")).toEqual([['[1,2]']]);
      const oid = (await rows(s2, "SELECT oid FROM pg_type WHERE typname = 'vector'"))[0][0] as number;
      expect(s2.codecs.has(oid)).toBe(true);
      expect(h2.db.codecs.has(oid)).toBe(false); // not committed yet
      await run(s2, 'COMMIT');
      expect(h2.db.codecs.has(oid)).toBe(true);
      await run(s2, 'DROP EXTENSION vector');
      expect([s2.codecs.has(oid), h2.db.codecs.has(oid)]).toEqual([false, false]);
    } finally {
      await h2.close();
    }
  });
});

describe('driver type discovery', () => {
  it('lists vector in pg_available_extensions and pg_extension', async () => {
    expect(await rows(s, "SELECT name, default_version, installed_version, comment FROM pg_available_extensions WHERE name = 'vector'"))
      .toEqual([['vector', '0.8.7', '0.8.7', 'vector data type and ivfflat and hnsw access methods']]);
    expect(await rows(s, "SELECT extname, extversion FROM pg_extension")).toEqual([['vector', '0.8.7']]);
  });

  it('answers pgvector-node\'s pg_type query', async () => {
    const names = s.codecs.require(1009).fromText('{vector,halfvec,sparsevec}');
    const out = await extended('SELECT typname, oid FROM pg_type WHERE typname = ANY($1::text[]) ORDER BY typname', [1009], [names]);
    expect(out.map((r) => r[0])).toEqual(['halfvec', 'sparsevec', 'vector']);
    expect(out.every((r) => typeof r[1] === 'number' && (r[1] as number) >= 16384)).toBe(true);
  });

  it('answers psycopg\'s TypeInfo.fetch query', async () => {
    // psycopg/_typeinfo.py TypeInfo._get_info_query (server version >= 14).
    const q = `SELECT
    typname AS name, oid, typarray AS array_oid,
    oid::regtype::text AS regtype, typdelim AS delimiter
FROM pg_type t
WHERE t.oid = to_regtype($1)
ORDER BY t.oid`;
    for (const name of ['vector', 'halfvec', 'sparsevec', 'bit']) {
      const out = await extended(q, [25], [name]);
      expect(out).toHaveLength(1);
      const [tname, oid, arrayOid, regtype, delim] = out[0];
      expect([tname, regtype, delim]).toEqual([name, name, ',']);
      expect(arrayOid).toBe(await oidOf(`_${name}`));
      expect(oid).toBe(await oidOf(name));
    }
  });
});

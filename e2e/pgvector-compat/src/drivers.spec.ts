// Issue #6 acceptance, drivers: the `pgvector` npm package (0.3.0) with `pg` (registerTypes,
// toSql, fromSql, SparseVector), postgres.js text round trips with custom types, and the
// binary wire formats of vector / halfvec / sparsevec / bit byte for byte. Every check runs
// against vecgres AND the real pgvector (PostgreSQL 18 + pgvector 0.8.7 in WASM) and the two
// must agree; a few layouts are also spelled out so the test cannot pass on a shared mistake.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import postgres from 'postgres';
import { startOracle, startVecgres, type ChildServer } from './testing/child-server';
import { loadPgvector, type SparseVectorLike } from './testing/pgvector-node';
import { runPsqlFile } from './testing/run-psql';
import { WireClient, type WireResult } from './testing/wire-client';

const { pgvector, pgvectorPg } = loadPgvector();
let vecgres: ChildServer | undefined;
let oracle: ChildServer | undefined;

beforeAll(async () => {
  [vecgres, oracle] = await Promise.all([startVecgres(), startOracle()]);
  for (const s of [vecgres, oracle]) {
    const c = new Client({ host: s.host, port: s.port, user: 'postgres', database: 'postgres' });
    await c.connect();
    await c.query('CREATE EXTENSION IF NOT EXISTS vector');
    await c.end();
  }
}, 180_000);

afterAll(async () => {
  await Promise.all([vecgres?.stop(), oracle?.stop()]);
});

/** Runs `fn` against vecgres and the oracle (one after the other: the oracle has one backend). */
async function both<T>(fn: (server: ChildServer) => Promise<T>): Promise<{ vecgres: T; pgvector: T }> {
  const v = await fn(vecgres!);
  const o = await fn(oracle!);
  return { vecgres: v, pgvector: o };
}

async function withPg<T>(server: ChildServer, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ host: server.host, port: server.port, user: 'postgres', database: 'postgres' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const plain = (v: SparseVectorLike) => ({ dimensions: v.dimensions, indices: v.indices, values: v.values });

describe('pgvector (npm) with pg', () => {
  it('registerTypes finds vector/halfvec/sparsevec; toSql values go in, typed values come out', async () => {
    const result = await both((server) => withPg(server, async (client) => {
      await pgvectorPg.registerTypes(client);
      await client.query('DROP TABLE IF EXISTS drv');
      await client.query('CREATE TABLE drv (id int PRIMARY KEY, embedding vector(3), half halfvec(3), sparse sparsevec(5))');
      const rows: [number, number[], number[], SparseVectorLike][] = [
        [1, [1, 2, 3], [0.5, -1, 2], new pgvector.SparseVector([1, 0, 2, 0, 3])],
        [2, [0.1, -0.2, 1e-7], [65504, 0.1, 0], new pgvector.SparseVector(new Map([[1, 0.25], [4, -8]]), 5)],
        [3, [4, 5, 6], [1, 1, 1], new pgvector.SparseVector('{5:1}/5')],
      ];
      for (const [id, e, h, s] of rows) {
        await client.query('INSERT INTO drv VALUES ($1, $2, $3, $4)', [id, pgvector.toSql(e), pgvectorPg.toSql(h), pgvector.toSql(s)]);
      }
      const all = await client.query('SELECT id, embedding, half, sparse FROM drv ORDER BY id');
      const nearest = await client.query('SELECT id FROM drv ORDER BY embedding <-> $1 LIMIT 2', [pgvector.toSql([3, 1, 2])]);
      const sparseNearest = await client.query('SELECT id FROM drv ORDER BY sparse <#> $1 LIMIT 1', [pgvector.toSql(new pgvector.SparseVector([0, 0, 0, 0, 1]))]);
      return {
        rows: all.rows.map((r) => ({ ...r, sparse: plain(r.sparse as SparseVectorLike) })),
        nearest: nearest.rows.map((r) => r.id),
        sparseNearest: sparseNearest.rows.map((r) => r.id),
      };
    }));
    expect(result.vecgres).toEqual(result.pgvector);
    expect(result.vecgres.rows[0]).toEqual({ id: 1, embedding: [1, 2, 3], half: [0.5, -1, 2], sparse: { dimensions: 5, indices: [0, 2, 4], values: [1, 2, 3] } });
    expect(result.vecgres.rows[1]!.embedding).toEqual([0.1, -0.2, 1e-7]);
    // halfvec keeps 0.1 as the nearest half, 0.0999755859375, printed as the shortest float4.
    expect(result.vecgres.rows[1]!.half).toEqual([65504, 0.099975586, 0]);
    expect(result.vecgres.nearest).toEqual([1, 2]);
    expect(result.vecgres.sparseNearest).toEqual([1]);
  });

  it('fromSql parses the server text of every type the way pgvector does', async () => {
    const sql = `SELECT '[1.5,-2,3e-5]'::vector::text AS v, '[0.1,2]'::halfvec::text AS h, '{1:1,3:2.5}/4'::sparsevec::text AS s`;
    const result = await both((server) => withPg(server, async (client) => (await client.query(sql)).rows[0] as Record<string, string>));
    expect(result.vecgres).toEqual(result.pgvector);
    expect(pgvector.fromSql(result.vecgres.v!)).toEqual([1.5, -2, 3e-5]);
    expect(pgvector.fromSql(result.vecgres.h!)).toEqual([0.099975586, 2]);
    expect(plain(pgvector.fromSql(result.vecgres.s!) as SparseVectorLike)).toEqual({ dimensions: 4, indices: [0, 2], values: [1, 2.5] });
  });
});

describe('postgres.js text round trips with custom types', () => {
  it('vector / halfvec / sparsevec / bit values survive insert + select unchanged', async () => {
    const result = await both(async (server) => {
      const oids = await withPg(server, async (c) => {
        const r = await c.query(`SELECT typname, oid FROM pg_type WHERE typname IN ('vector', 'halfvec', 'sparsevec') ORDER BY typname`);
        return Object.fromEntries(r.rows.map((x) => [x.typname as string, Number(x.oid)]));
      });
      const sql = postgres({
        host: server.host, port: server.port, user: 'postgres', database: 'postgres', max: 1, onnotice: () => undefined,
        types: {
          vector: { to: oids.vector!, from: [oids.vector!], serialize: (v: number[]) => pgvector.toSql(v), parse: (s: string) => pgvector.fromSql(s) },
          halfvec: { to: oids.halfvec!, from: [oids.halfvec!], serialize: (v: number[]) => pgvector.toSql(v), parse: (s: string) => pgvector.fromSql(s) },
          sparsevec: { to: oids.sparsevec!, from: [oids.sparsevec!], serialize: (v: SparseVectorLike) => v.toPostgres(), parse: (s: string) => plain(new pgvector.SparseVector(s)) },
        },
      });
      try {
        await sql`DROP TABLE IF EXISTS pj`;
        await sql`CREATE TABLE pj (id int PRIMARY KEY, v vector(4), h halfvec(2), s sparsevec(6), b bit(5), vb varbit)`;
        const v = [0.1, -3.4028234663852886e38, 1e-45, 123456.789];
        const s = new pgvector.SparseVector([0, 1.5, 0, 0, -2, 0]);
        await sql`INSERT INTO pj VALUES (1, ${sql.typed(v as never, oids.vector!)}, ${sql.typed([0.333, 70] as never, oids.halfvec!)}, ${sql.typed(s as never, oids.sparsevec!)}, B'10110', ${'1101'}::varbit)`;
        const rows = await sql`SELECT v, h, s, b, vb, v::text AS vt FROM pj`;
        const near = await sql`SELECT id, v <-> ${sql.typed([0, 0, 0, 0] as never, oids.vector!)} AS d FROM pj`;
        return { rows: [...rows], near: [...near] };
      } finally {
        await sql.end({ timeout: 5 });
      }
    });
    expect(result.vecgres).toEqual(result.pgvector);
    const row = result.vecgres.rows[0]!;
    expect(row.v).toEqual([0.1, -3.4028235e38, 1e-45, 123456.79]);
    expect(row.h).toEqual([0.3330078, 70]);
    expect(row.s).toEqual({ dimensions: 6, indices: [1, 4], values: [1.5, -2] });
    expect([row.b, row.vb]).toEqual(['10110', '1101']);
  });
});

describe('COPY through psql (vecgres only: PGlite cannot take COPY over the wire)', () => {
  it('text COPY in, binary COPY out and back in keep every value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgvector-copy-'));
    const bin = join(dir, 'cp.bin');
    const script = [
      'CREATE TABLE cp (id int, embedding vector(3), h halfvec(2), s sparsevec(4), b bit(3), vb varbit);',
      'COPY cp FROM STDIN;',
      '1\t[1,2,3]\t[0.5,1]\t{1:1.5,4:-2}/4\t101\t1',
      '2\t[0.1,-0.2,3e+38]\t[65504,0.1]\t{}/4\t000\t\\N',
      '\\.',
      `\\copy cp TO '${bin}' (FORMAT binary)`,
      'CREATE TABLE cp2 (LIKE cp);',
      `\\copy cp2 FROM '${bin}' (FORMAT binary)`,
      'SELECT * FROM cp ORDER BY id;',
      'SELECT count(*) FROM cp JOIN cp2 USING (id) WHERE cp.embedding = cp2.embedding AND cp.h = cp2.h AND cp.s = cp2.s AND cp.b = cp2.b;',
    ].join('\n');
    try {
      const file = join(dir, 'copy.sql');
      writeFileSync(file, script + '\n');
      const r = await runPsqlFile(vecgres!.conninfo(), file);
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\n')).toEqual([
        'CREATE TABLE', 'COPY 2', 'COPY 2', 'CREATE TABLE', 'COPY 2',
        'id|embedding|h|s|b|vb',
        '1|[1,2,3]|[0.5,1]|{1:1.5,4:-2}/4|101|1',
        '2|[0.1,-0.2,3e+38]|[65504,0.099975586]|{}/4|000|',
        '(2 rows)', 'count', '2', '(1 row)', '',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Runs one extended-protocol query on a fresh raw connection. */
async function wire(server: ChildServer, sqlText: string, params: Parameters<WireClient['query']>[1], format: 0 | 1): Promise<WireResult> {
  const c = await WireClient.open(server.host, server.port);
  try {
    return await c.query(sqlText, params, format);
  } finally {
    c.close();
  }
}

const text = (s: string) => ({ oid: 0, format: 0 as const, value: Buffer.from(s, 'utf8') });
const bin = (b: Buffer) => ({ oid: 0, format: 1 as const, value: b });
const hex = (r: WireResult) => (r.error ? `${r.error.code} ${r.error.message}` : r.rows.map((row) => row.map((f) => f?.toString('hex') ?? 'null').join(',')).join(';'));

const VALUES: [string, string][] = [
  ['vector', '[1,2,3]'], ['vector', '[-0.5,1e-7,3.4028235e38]'], ['vector', '[0]'],
  ['halfvec', '[1,2,3]'], ['halfvec', '[0.1,-65504,6e-8]'],
  ['sparsevec', '{1:1,3:2,5:3}/5'], ['sparsevec', '{}/3'], ['sparsevec', '{2:-1.5}/1000000'],
  ['bit', '101'], ['varbit', '1010101010'], ['bit(12)', '111100001111'],
];

describe('binary wire formats, byte for byte', () => {
  it.each(VALUES)('%s %s: binary output equals pgvector, and binary input reads back as the same text', async (type, literal) => {
    const out = await both((s) => wire(s, `SELECT $1::${type}`, [text(literal)], 1));
    expect(hex(out.vecgres)).toBe(hex(out.pgvector));
    expect(out.pgvector.error).toBeUndefined();
    const bytes = out.pgvector.rows[0]![0]!;
    const back = await both((s) => wire(s, `SELECT $1::${type}::text`, [bin(bytes)], 0));
    expect(hex(back.vecgres)).toBe(hex(back.pgvector));
  });

  it('the layouts are pgvector\'s: int16 dim + int16 unused + float4s; sparse int32 dim/nnz/unused, 0-based indices', async () => {
    const v = await wire(vecgres!, `SELECT '[1,2,3]'::vector, '[1,2]'::halfvec, '{2:5}/4'::sparsevec, B'101'`, [], 1);
    expect(v.rows[0]!.map((f) => f!.toString('hex'))).toEqual([
      '00030000' + '3f800000' + '40000000' + '40400000',
      '00020000' + '3c00' + '4000',
      '00000004' + '00000001' + '00000000' + '00000001' + '40a00000',
      '00000003' + 'a0',
    ]);
  });

  const BAD: [string, string][] = [
    ['vector', '00010001' + '3f800000'],
    ['vector', '00010000' + '7fc00000'],
    ['vector', '00000000'],
    ['halfvec', '00010000' + '7c00'],
    ['sparsevec', '00000004' + '00000002' + '00000000' + '00000002' + '00000001' + '3f800000' + '3f800000'],
    ['sparsevec', '00000004' + '00000001' + '00000000' + '00000001' + '00000000'],
    ['sparsevec', '00000004' + '00000001' + '00000000' + '00000004' + '3f800000'],
  ];
  it.each(BAD)('invalid binary %s input %s is refused like pgvector does', async (type, hexBytes) => {
    const r = await both((s) => wire(s, `SELECT $1::${type}::text`, [bin(Buffer.from(hexBytes, 'hex'))], 0));
    expect(r.pgvector.error).toBeDefined();
    expect(hex(r.vecgres)).toBe(hex(r.pgvector));
  });
});

// The bundled server (`npm run build:server`, what `npm start` runs): it must build from the
// current sources, answer a query over the wire (the native addon, libpg-query and the other
// external packages resolved at run time), and shut down cleanly. The two Ctrl-C deliveries
// `npm start` causes (terminal process group + npm's relay) are one shutdown request.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '..', '..', '..');
// Inside the repository: the bundle resolves its external packages from ./node_modules.
const OUT_DIR = join(ROOT, 'dist', `.spec-${process.pid}`);
const OUT = join(OUT_DIR, 'server.cjs');

let tmp: string;
beforeAll(() => {
  const r = spawnSync(process.execPath, [join(ROOT, 'tools', 'scripts', 'build-server.mjs'), '--outfile', OUT], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`build-server failed: ${r.stderr}`);
  tmp = mkdtempSync(join(tmpdir(), 'vecgres-bundle-'));
});
afterAll(() => {
  rmSync(OUT_DIR, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe('bundled server (dist/server.cjs)', () => {
  it('serves a vector query and shuts down cleanly on a doubled SIGINT', async () => {
    const child = spawn(process.execPath, [OUT, 'serve', '--port', '0', '--data-dir', join(tmp, 'data'), '--log-level', 'info'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /vecgres listening on (\S+):(\d+)/.exec(out);
        if (m) resolve(m[2]!);
      });
      void exited.then((code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    const client = new Client({ host: '127.0.0.1', port: Number(address), user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      await client.query('CREATE EXTENSION vector');
      await client.query('CREATE TABLE items (id int, emb vector(3))');
      await client.query("INSERT INTO items VALUES (1, '[1,0,0]'), (2, '[0,1,0]'), (3, '[0.9,0.1,0]')");
      await client.query('CREATE INDEX ON items USING hnsw (emb vector_l2_ops)');
      const r = await client.query({ name: 'knn', text: 'SELECT id FROM items ORDER BY emb <-> $1 LIMIT 2', values: ['[1,0,0]'] });
      expect(r.rows.map((row) => row.id)).toEqual([1, 3]);
    } finally {
      await client.end();
    }
    child.kill('SIGINT');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(err).toContain('"msg":"shut down"');
    expect(err).not.toContain('second signal');
  }, 60_000);
});

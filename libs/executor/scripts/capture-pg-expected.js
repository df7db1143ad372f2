// Regenerates src/testing/pg-expected/<name>.expected by running <name>.sql against a real
// PostgreSQL (a fresh `public` schema), one statement per line, recording rows or the error.
// Usage: PGHOST=/tmp/pgsock PGPORT=5432 PGUSER=postgres node libs/executor/scripts/capture-pg-expected.js grouping
// The format is shared with src/session/pg-parity.spec.ts (numbers as strings, bigint too).
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

async function main() {
  const name = process.argv[2];
  const dir = path.join(__dirname, '..', 'src', 'testing', 'pg-expected');
  const c = new Client();
  await c.connect();
  await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  const out = [];
  for (const sql of fs.readFileSync(path.join(dir, `${name}.sql`), 'utf8').split('\n').filter(Boolean)) {
    try {
      const r = await c.query({ text: sql, rowMode: 'array' });
      out.push(`OK ${sql} => ${JSON.stringify(r.rows ?? [], (_k, v) => (typeof v === 'number' ? String(v) : v))}`);
    } catch (e) {
      out.push(`ERR ${sql} => ${e.code} | ${e.message} | ${e.position ?? ''}`);
    }
  }
  fs.writeFileSync(path.join(dir, `${name}.expected`), `${out.join('\n')}\n`);
  await c.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

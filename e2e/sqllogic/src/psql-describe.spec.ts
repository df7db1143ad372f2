// psql's describe commands against the PostgreSQL oracle and against vecgres, same schema on
// both: \d, \dt, \d+ orders, \di, \dv, \d+ <view>, \dn, \l, \dx run with `psql -X -P pager=off` and their
// outputs compared after normalising only what legitimately differs (OIDs of user objects,
// sizes, the server version banner). psql builds each command from several catalog queries
// (`psql -E` shows them), so a match means every one of them ran through vecgres' engine and
// returned PostgreSQL's rows.
//
// COMMANDS lists for each command whether vecgres currently matches. A `pending` command
// (one of psql's queries needs a feature other areas are adding) must either print exactly
// PostgreSQL's output or fail with an ERROR, never print different rows; flip it to `match`
// once it passes.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startPostgresOracle, type PostgresOracle } from './oracle/postgres';
import { startVecgres, type VecgresServer } from './vecgres/server';

const run = promisify(execFile);

const SCHEMA = `
CREATE SCHEMA app;
CREATE SEQUENCE order_seq START 100;
CREATE TABLE customers (id serial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE, name text, created_at timestamptz DEFAULT now());
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL REFERENCES customers(id), total numeric(10,2) CHECK (total >= 0), note text DEFAULT 'none');
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE TABLE app.settings (key text PRIMARY KEY, value text);
CREATE VIEW order_notes AS SELECT o.id, c.email, upper(o.note) AS note FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.note <> 'none' ORDER BY o.id;
`;

/**
 * A difference: PostgreSQL's output with it applied is what vecgres must print. `deliberate`
 * ones are by design; `known` ones are gaps to fix (then delete the entry).
 */
interface Deliberate { reason: string; adjust: (pg: string) => string }

/** Drops the rows of template0/template1 (with their continuation lines) from \l's table. */
function withoutTemplates(pg: string): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of pg.split('\n')) {
    if (/^ template[01] \|/.test(line)) skipping = true;
    else if (!(skipping && /^ \|/.test(line))) {
      skipping = false;
      out.push(line);
    }
  }
  return out.join('\n').replace('(3 rows)', '(1 row)');
}

const COMMANDS: ReadonlyArray<{ cmd: string; deliberate?: Deliberate; known?: Deliberate; pending?: string }> = [
  { cmd: '\\d' },
  { cmd: '\\dt' },
  {
    cmd: '\\d+ orders',
    known: {
      reason: 'CHECK expressions print as written, without the implicit cast PostgreSQL stores (0::numeric)',
      adjust: (pg) => pg.replace('CHECK (total >= 0::numeric)', 'CHECK (total >= 0)'),
    },
  },
  { cmd: '\\di' },
  { cmd: '\\dv' },
  { cmd: '\\d+ order_notes' },
  { cmd: '\\dn' },
  {
    cmd: '\\l',
    deliberate: { reason: 'vecgres has one database and no template0/template1', adjust: withoutTemplates },
  },
  {
    cmd: '\\dx',
    deliberate: {
      reason: 'vecgres has no PL/pgSQL, so no plpgsql extension row',
      adjust: (pg) => pg.replace(/^ plpgsql \|[^\n]*\n/m, '').replace('(1 row)', '(0 rows)'),
    },
  },
];

async function psql(url: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run('psql', ['-X', '-P', 'pager=off', '-d', url, ...args], { timeout: 30_000 });
    return stdout + stderr;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return `${e.stdout ?? ''}${e.stderr ?? e.message}`;
  }
}

/**
 * Only what may differ between two correct servers: OIDs of user objects (>= 16384), table
 * and index sizes, and the version banner. psql pads columns to the widest value, so a
 * replaced OID or size changes the padding: runs of spaces and of the header rule's dashes
 * are collapsed too.
 */
function normalise(out: string): string {
  return out
    .replace(/\b\d{5,}\b/g, '<oid>')
    .replace(/\b\d+(\.\d+)? (bytes|kB|MB|GB)\b/g, '<size>')
    .replace(/PostgreSQL \d+(\.\d+)?[^\n]*/g, 'PostgreSQL <version>')
    .split('\n')
    .map((l) => l.replace(/ +/g, ' ').replace(/-{2,}/g, '--').trimEnd())
    .join('\n');
}

let oracle: PostgresOracle;
let vecgres: VecgresServer;
const outputs = new Map<string, { pg: string; vg: string }>();

beforeAll(async () => {
  [oracle, vecgres] = await Promise.all([startPostgresOracle(), startVecgres()]);
  for (const url of [oracle.url, vecgres.url]) {
    const out = await psql(url, ['-q', '-v', 'ON_ERROR_STOP=1', '-c', SCHEMA]);
    if (out.trim() !== '') throw new Error(`schema failed on ${url}: ${out}`);
  }
  for (const { cmd } of COMMANDS) {
    const [pg, vg] = await Promise.all([psql(oracle.url, ['-c', cmd]), psql(vecgres.url, ['-c', cmd])]);
    outputs.set(cmd, { pg: normalise(pg), vg: normalise(vg) });
  }
}, 120_000);

afterAll(async () => {
  await Promise.all([oracle?.stop(), vecgres?.stop()]);
});

describe('psql describe commands: vecgres vs PostgreSQL', () => {
  it('the oracle itself describes the schema (the comparison is not vacuous)', () => {
    expect(outputs.get('\\dt')!.pg).toContain('customers');
    expect(outputs.get('\\d+ orders')!.pg).toContain('orders_customer_id_fkey');
    expect(outputs.get('\\di')!.pg).toContain('orders_customer_idx');
    expect(outputs.get('\\d+ order_notes')!.pg).toContain('View definition:');
  });

  for (const { cmd, deliberate, known, pending } of COMMANDS) {
    const label = [
      `${cmd} prints what PostgreSQL prints`,
      deliberate ? ` but for a deliberate difference (${deliberate.reason})` : '',
      known ? ` but for a known gap (${known.reason})` : '',
      pending ? ` or an ERROR (pending: ${pending})` : '',
    ].join('');
    it(label, () => {
      const { pg, vg } = outputs.get(cmd)!;
      const difference = deliberate ?? known;
      const expected = difference ? difference.adjust(pg) : pg;
      if (difference) expect(expected).not.toEqual(pg);
      if (pending && vg !== expected) expect(vg).toMatch(/^ERROR: /m);
      else expect(vg).toEqual(expected);
    });
  }
});

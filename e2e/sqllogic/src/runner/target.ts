// The servers a suite runs against. Each file gets a fresh, isolated database over one `pg`
// connection:
//   postgres  one oracle cluster per suite, CREATE DATABASE per file (dropped afterwards);
//   vecgres   a fresh server process with its own data dir per file (the engine has no
//             CREATE DATABASE yet, and its bootstrap scratch tables are shared by sessions).
import { Client } from 'pg';
import { startPostgresOracle } from '../oracle/postgres';
import type { TargetName } from '../format/types';
import { startVecgres } from '../vecgres/server';

export interface FileSession {
  readonly client: Client;
  close(): Promise<void>;
}

export interface Target {
  readonly name: TargetName;
  openFile(file: string): Promise<FileSession>;
  stop(): Promise<void>;
}

/**
 * Session settings that make output deterministic on any PostgreSQL (E2E_REAL_PG_URL may point
 * at a server with other defaults); they are vecgres' defaults too.
 */
const PG_SESSION_OPTIONS = '-c TimeZone=UTC -c DateStyle=ISO,MDY -c IntervalStyle=postgres -c extra_float_digits=1';

export async function startPostgresTarget(): Promise<Target> {
  const oracle = await startPostgresOracle();
  const admin = await connect(oracle.url);
  let seq = 0;
  return {
    name: 'postgres',
    async openFile(file) {
      const db = `sqllogic_${slug(file)}_${process.pid}_${seq++}`;
      await admin.query(`DROP DATABASE IF EXISTS ${db}`);
      // C collation whatever the server's default: text sorts by byte, like the engine.
      await admin.query(`CREATE DATABASE ${db} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
      const url = new URL(oracle.url);
      url.pathname = `/${db}`;
      const client = await connect(url.toString(), PG_SESSION_OPTIONS);
      return {
        client,
        async close() {
          await client.end().catch(() => undefined);
          await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
        },
      };
    },
    async stop() {
      await admin.end().catch(() => undefined);
      await oracle.stop();
    },
  };
}

export function vecgresTarget(): Target {
  return {
    name: 'vecgres',
    async openFile() {
      const server = await startVecgres();
      try {
        const client = await connect(server.url);
        return {
          client,
          async close() {
            await client.end().catch(() => undefined);
            await server.stop();
          },
        };
      } catch (err) {
        await server.stop();
        throw err;
      }
    },
    stop: async () => undefined,
  };
}

export function startTarget(name: TargetName): Promise<Target> {
  return name === 'postgres' ? startPostgresTarget() : Promise.resolve(vecgresTarget());
}

async function connect(url: string, options?: string): Promise<Client> {
  const client = new Client({ connectionString: url, options, connectionTimeoutMillis: 20_000 });
  // A dropped connection surfaces as failed queries; without a listener it would crash jest.
  client.on('error', () => undefined);
  client.on('notice', () => undefined);
  await client.connect();
  return client;
}

/** A database-name-safe stem of the file name (`test/joins.test` -> `joins`). */
function slug(file: string): string {
  const base = file.split('/').pop()!.replace(/\.test$/, '');
  return base.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30);
}

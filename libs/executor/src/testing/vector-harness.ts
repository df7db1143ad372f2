// Test harness with pgvector's `vector` extension registered: a StorageEngine in a temp
// directory (no background maintenance: tests seal explicitly), a Database, sessions, restart.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCatalogRegistry, registerVectorExtension } from '@vecgres/catalog';
import { loadParser } from '@vecgres/sql';
import { StorageEngine } from '@vecgres/storage';
import { Database } from '../session/database';
import { Session } from '../session/session';
import { rows } from './engine-harness';

export interface VectorHarness {
  dir: string;
  engine: StorageEngine;
  db: Database;
  session(): Session;
  /** Storage table id of catalog table `name` (committed). */
  storageId(name: string): number;
  /** Seals the mutable segment of table `name` into a memory-mapped sealed segment. */
  seal(name: string): Promise<void>;
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function openVectorHarness(): Promise<VectorHarness> {
  await loadParser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vecgres-vtopk-'));
  const registry = registerVectorExtension(createCatalogRegistry());
  const open = async () => (await StorageEngine.open(dir, { autoMaintenance: false })).engine;
  const h: VectorHarness = {
    dir,
    engine: await open(),
    db: undefined as unknown as Database,
    session: () => new Session(h.db),
    storageId(name) {
      const rel = h.db.catalog().relations().find((r) => r.name === name);
      const id = rel ? h.db.storageIds.get(rel.oid) : undefined;
      if (id === undefined) throw new Error(`no storage table for ${name}`);
      return id;
    },
    async seal(name) {
      await h.engine.seal(h.storageId(name));
    },
    async reopen() {
      await h.engine.close();
      h.engine = await open();
      h.db = new Database(h.engine, { registry });
    },
    async close() {
      await h.engine.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  h.db = new Database(h.engine, { registry });
  await rows(h.session(), 'CREATE EXTENSION vector');
  return h;
}

/** A deterministic pseudo-random generator (LCG) for test data. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** pgvector text of a random vector of `dim` elements in [-1, 1) (5 decimals). */
export function randomVectorText(rand: () => number, dim: number): string {
  return `[${Array.from({ length: dim }, () => (rand() * 2 - 1).toFixed(5)).join(',')}]`;
}

// Opens the SQL engine in the data directory: StorageEngine.open (format-version check,
// storage lock, WAL recovery; the summary is logged), the Database over it, and the periodic
// checkpoint (the catalog blob and sequence positions into the manifest, old WAL truncated).
// close() stops the timer, takes a final checkpoint and closes the engine.
import { createCatalogRegistry, registerVectorExtension } from '@vecgres/catalog';
import { Database, dropLeftoverTempSchemas } from '@vecgres/executor';
import { loadParser } from '@vecgres/sql';
import { StorageEngine } from '@vecgres/storage';
import type { Logger } from 'pino';
import { DEFAULTS, type ServerConfig } from '../config/config-types';

export interface OpenDatabase {
  db: Database;
  engine: StorageEngine;
  /** One checkpoint now (serialised with the engine's own maintenance). */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Pick<ServerConfig, 'dataDir' | 'checkpointInterval' | 'maxWalSize'>,
  logger: Logger,
): Promise<OpenDatabase> {
  await loadParser();
  const maxWalMb = config.maxWalSize ?? DEFAULTS.maxWalSize;
  const { engine, recovery } = await StorageEngine.open(config.dataDir, { maxWalBytes: maxWalMb * 1024 * 1024 });
  logger.info({ recovery }, recovery.hadCheckpoint || recovery.commitsReplayed > 0 ? 'recovered data directory' : 'initialised data directory');
  if (recovery.walStop) logger.warn({ walStop: recovery.walStop }, 'WAL ended in a torn or corrupt record; later records were discarded');
  // CREATE EXTENSION vector is available (pgvector's types, operators, functions, opclasses).
  const db = new Database(engine, { registry: registerVectorExtension(createCatalogRegistry()) });
  // Temp tables of sessions that never ended cleanly (a crash) must not survive a restart.
  const leftover = await dropLeftoverTempSchemas(db);
  if (leftover.length > 0) logger.info({ schemas: leftover }, 'dropped leftover temporary schemas');
  let closing: Promise<void> | undefined;
  const checkpoint = async (): Promise<void> => {
    const summary = await engine.checkpoint(db.checkpointBlob());
    logger.debug({ summary }, 'checkpoint');
  };
  // max_wal_size: the engine asks for a checkpoint once that much WAL was written since the
  // last one; sealing first lets the WAL behind unsealed rows go too.
  engine.onMaxWalSize = async () => {
    const summary = await engine.checkpoint(db.checkpointBlob(), { seal: true });
    logger.info({ summary, maxWalSize: `${maxWalMb}MB` }, 'checkpoint (max_wal_size reached)');
  };
  const timer =
    config.checkpointInterval > 0
      ? setInterval(() => {
          checkpoint().catch((err: unknown) => logger.error({ err }, 'periodic checkpoint failed'));
        }, config.checkpointInterval * 1000)
      : undefined;
  timer?.unref();
  return {
    db,
    engine,
    checkpoint,
    close() {
      closing ??= (async () => {
        if (timer) clearInterval(timer);
        try {
          await checkpoint();
        } finally {
          await engine.close();
        }
      })();
      return closing;
    },
  };
}

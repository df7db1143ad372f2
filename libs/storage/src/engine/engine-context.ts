// Everything maintenance operations (seal, checkpoint, merge) share with the engine.
import type { StorageNative } from '@vecgres/native-bindings';

import type { StorageFs } from '../fs/storage-fs';
import type { WalWriter } from '../wal/wal-writer';
import type { EngineState } from './engine-state';

export interface EngineContext {
  readonly fs: StorageFs;
  readonly native: StorageNative;
  readonly dataDir: string;
  readonly state: EngineState;
  readonly wal: WalWriter;
  readonly formatVersion: number;
}

/** Runs async jobs one at a time: seal, checkpoint and merge never overlap. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

// Imported first by main.ts: libuv reads UV_THREADPOOL_SIZE when the pool is first used (the
// first async fs/crypto/native call), so it must be set before anything else loads. The native
// core runs its batch searches on this pool; libuv's default of 4 is too small on big hosts.
import { availableParallelism } from 'node:os';

if (!process.env.UV_THREADPOOL_SIZE) {
  process.env.UV_THREADPOOL_SIZE = String(Math.max(4, availableParallelism()));
}

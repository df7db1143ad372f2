// @vecgres/server-process: servers as child processes for e2e suites (tools layer).
export { childEnv, startChildServer, type ChildServer, type ChildServerOptions, type ServerExit } from './child-server';
export { REPO_ROOT, SERVER_ENTRY, pgConninfo, startServer, type PgSettings, type ServerHandle, type ServerOptions } from './vecgres-server';
export { OutputBuffer } from './output-buffer';
export { makeTempDir, type TempDir } from './temp-dir';
export { peakRssMiB, rssMiB, sampleRss } from './process-stats';

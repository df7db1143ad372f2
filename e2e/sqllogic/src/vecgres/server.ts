// The vecgres server for the sqllogic runner: a fresh data directory, removed at stop()
// (@vecgres/server-process holds the child-process harness).
import { startServer } from '@vecgres/server-process';

export interface VecgresServer {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startVecgres(startTimeoutMs = 45_000): Promise<VecgresServer> {
  const s = await startServer({ startTimeoutMs });
  return {
    url: s.url(),
    stop: async () => {
      await s.stop();
    },
  };
}

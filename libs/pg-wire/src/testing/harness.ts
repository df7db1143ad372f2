// A loopback net.Server running serveConnection with a FakeHandler, plus helpers to connect
// and run the startup exchange.
import { createServer, type Server, type Socket } from 'node:net';
import type { AuthMethod, ConnectionOptions, WireConnection, WireLogger } from '../connection/options';
import { serveConnection } from '../connection/serve-connection';
import { createScramCache, type ScramCache } from '../auth/scram';
import { BufferWriter } from '../buffer/buffer-writer';
import { encodeStartup } from '../messages/frontend/startup';
import { StartupCode } from '../messages/codes';
import { FakeHandler } from './fake-handler';
import { WireClient } from './wire-client';

export interface LogEntry {
  level: string;
  obj: object;
  msg?: string;
}

export interface Harness {
  port: number;
  handlers: FakeHandler[];
  connections: WireConnection[];
  cancels: Array<[number, number]>;
  logs: LogEntry[];
  scramCache: ScramCache;
  close(): Promise<void>;
}

export interface HarnessOptions {
  method?: AuthMethod;
  passwords?: Record<string, string>;
  overrides?: Partial<ConnectionOptions>;
}

export function memoryLogger(logs: LogEntry[]): WireLogger {
  const log = (level: string) => (obj: object, msg?: string) => void logs.push({ level, obj, ...(msg ? { msg } : {}) });
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const handlers: FakeHandler[] = [];
  const connections: WireConnection[] = [];
  const cancels: Array<[number, number]> = [];
  const logs: LogEntry[] = [];
  const sockets = new Set<Socket>();
  const scramCache = createScramCache();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const conn = serveConnection(socket, {
      auth: {
        method: () => opts.method ?? 'trust',
        password: (user) => opts.passwords?.[user],
      },
      createHandler: async () => {
        const h = new FakeHandler();
        handlers.push(h);
        return h;
      },
      cancel: (pid, key) => void cancels.push([pid, key]),
      backendKey: { processId: 4242, secretKey: 777 },
      logger: memoryLogger(logs),
      scramCache,
      ...opts.overrides,
    });
    connections.push(conn);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    handlers,
    connections,
    cancels,
    logs,
    scramCache,
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all(connections.map((c) => c.closed));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function startupBytes(params: Record<string, string>, version: number = StartupCode.Protocol3): Buffer {
  const w = new BufferWriter();
  encodeStartup(w, { protocolVersion: version, params });
  return w.flush();
}

/** Connects and completes a trust startup: returns the client after the first ReadyForQuery. */
export async function connectReady(h: Harness, user = 'alice'): Promise<WireClient> {
  const c = await WireClient.connect(h.port);
  c.sendRaw(startupBytes({ user, database: 'db' }));
  await c.until('ReadyForQuery');
  return c;
}

/** Polls until cond() holds (for effects with no event to await). */
export async function waitFor(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 2));
}

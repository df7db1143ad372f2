// The pgvector oracle: PostgreSQL 18 + pgvector 0.8.7 compiled to WASM (@electric-sql/pglite +
// @electric-sql/pglite-pgvector), served over TCP so that the very same psql script can run
// against it and against vecgres. Started as its own process
// (`node --import tsx src/oracle/pglite-server.ts`) because PGlite is a single-connection WASM
// database that does not belong inside jest's module sandbox.
//
// PGlite speaks the frontend/backend protocol through `execProtocolRaw`, but it has no
// connection startup of its own, so this bridge answers SSLRequest ('N') and the
// StartupMessage (AuthenticationOk, a few ParameterStatus, BackendKeyData, ReadyForQuery)
// itself and forwards every later message unchanged. One client at a time; Terminate ('X')
// closes the socket, the database stays (the tests open one session per script).
//
// Prints `pglite oracle listening on 127.0.0.1:<port>` once ready.
import { createServer, Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

const SSL_REQUEST_CODE = 80877103;
const GSSENC_REQUEST_CODE = 80877104;
const CANCEL_REQUEST_CODE = 80877102;

async function main(): Promise<void> {
  const db = await PGlite.create({ extensions: { vector } });
  const version = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
  // Sessions are serialised: PGlite has one backend, and a second client interleaving its
  // messages would corrupt the first one's protocol state.
  let queue: Promise<void> = Promise.resolve();
  const server = createServer((socket) => {
    queue = queue.then(() => serve(db, socket, version)).catch(() => undefined);
  });
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    if (addr && typeof addr === 'object') {
      process.stdout.write(`pglite oracle listening on 127.0.0.1:${addr.port}\n`);
    }
  });
  const shutdown = (): void => {
    server.close();
    void db.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

/** Runs one client session to completion (socket closed). */
function serve(db: PGlite, socket: Socket, version: string): Promise<void> {
  return new Promise((resolve) => {
    let buf = Buffer.alloc(0);
    let started = false;
    let busy = Promise.resolve();
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (!started) {
          if (buf.length < 8) return;
          const len = buf.readInt32BE(0);
          if (buf.length < len) return;
          const code = buf.readInt32BE(4);
          buf = buf.subarray(len);
          if (code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE) {
            socket.write('N');
            continue;
          }
          if (code === CANCEL_REQUEST_CODE) {
            socket.end();
            return;
          }
          started = true;
          socket.write(startupResponse(version));
          continue;
        }
        if (buf.length < 5) return;
        const len = buf.readInt32BE(1);
        if (buf.length < len + 1) return;
        const msg = buf.subarray(0, len + 1);
        buf = buf.subarray(len + 1);
        if (msg[0] === 0x58 /* X: Terminate */) {
          busy = busy.then(() => void socket.end());
          return;
        }
        const copy = new Uint8Array(msg);
        // A message PGlite cannot handle (COPY FROM STDIN's CopyData) drops this client, not
        // the oracle.
        busy = busy.then(async () => {
          const out = await db.execProtocolRaw(copy);
          if (out.length > 0 && !socket.destroyed) socket.write(out);
        }).catch(() => void socket.destroy());
      }
    });
  });
}

function startupResponse(version: string): Buffer {
  const parts: Buffer[] = [message('R', int32(0))];
  const params: Record<string, string> = {
    server_version: version,
    server_encoding: 'UTF8',
    client_encoding: 'UTF8',
    DateStyle: 'ISO, MDY',
    integer_datetimes: 'on',
    standard_conforming_strings: 'on',
    TimeZone: 'UTC',
  };
  for (const [k, v] of Object.entries(params)) {
    parts.push(message('S', Buffer.concat([cstring(k), cstring(v)])));
  }
  parts.push(message('K', Buffer.concat([int32(process.pid), int32(1)])));
  parts.push(message('Z', Buffer.from('I')));
  return Buffer.concat(parts);
}

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n, 0);
  return b;
}

function cstring(s: string): Buffer {
  return Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from([0])]);
}

void main();

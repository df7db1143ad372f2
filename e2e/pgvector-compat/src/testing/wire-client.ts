// A minimal frontend/backend protocol client for byte-exact checks: node-postgres decodes
// binary fields as UTF-8 text and postgres.js only speaks the text format, so neither can
// show a binary DataRow as it came off the wire. Trust auth only (both test servers use it).
// @see https://www.postgresql.org/docs/16/protocol-message-formats.html
import { connect, Socket } from 'node:net';

export interface WireParam {
  /** Parameter type OID (0: let the server infer it). */
  oid: number;
  /** 0 text, 1 binary. */
  format: 0 | 1;
  /** null sends SQL NULL. */
  value: Buffer | null;
}

export interface WireResult {
  /** Raw field bytes per row (null for SQL NULL). */
  rows: (Buffer | null)[][];
  /** Type OIDs of the result columns (RowDescription). */
  types: number[];
  error?: { code: string; message: string };
}

export class WireClient {
  private buf = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  private closed = false;

  private constructor(private readonly socket: Socket) {
    const wake = (): void => {
      for (const w of this.waiters.splice(0)) w();
    };
    socket.on('data', (chunk: Buffer) => {
      this.buf = Buffer.concat([this.buf, chunk]);
      wake();
    });
    socket.on('close', () => {
      this.closed = true;
      wake();
    });
  }

  static async open(host: string, port: number): Promise<WireClient> {
    const socket = connect(port, host);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const client = new WireClient(socket);
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0', 'utf8');
    const head = Buffer.alloc(8);
    head.writeInt32BE(8 + params.length, 0);
    head.writeInt32BE(196608, 4);
    socket.write(Buffer.concat([head, params]));
    for (;;) {
      const m = await client.next();
      if (m.type === 'E') throw new Error(`startup failed: ${errorFields(m.body).message}`);
      if (m.type === 'Z') return client;
    }
  }

  /** Parse/Bind/Describe/Execute/Sync of `sql` with `params`, results in `resultFormat`. */
  async query(sql: string, params: WireParam[], resultFormat: 0 | 1): Promise<WireResult> {
    const parse = Buffer.concat([cstr(''), cstr(sql), i16(params.length), ...params.map((p) => i32(p.oid))]);
    const bind = Buffer.concat([
      cstr(''), cstr(''),
      i16(params.length), ...params.map((p) => i16(p.format)),
      i16(params.length), ...params.map((p) => (p.value === null ? i32(-1) : Buffer.concat([i32(p.value.length), p.value]))),
      i16(1), i16(resultFormat),
    ]);
    this.socket.write(Buffer.concat([
      msg('P', parse), msg('B', bind), msg('D', Buffer.concat([Buffer.from('P'), cstr('')])),
      msg('E', Buffer.concat([cstr(''), i32(0)])), msg('S', Buffer.alloc(0)),
    ]));
    const result: WireResult = { rows: [], types: [] };
    for (;;) {
      const m = await this.next();
      if (m.type === 'T') result.types = rowDescriptionTypes(m.body);
      else if (m.type === 'D') result.rows.push(dataRow(m.body));
      else if (m.type === 'E') result.error = errorFields(m.body);
      else if (m.type === 'Z') return result;
    }
  }

  close(): void {
    this.socket.end(msg('X', Buffer.alloc(0)));
  }

  private async next(): Promise<{ type: string; body: Buffer }> {
    for (;;) {
      if (this.buf.length >= 5) {
        const len = this.buf.readInt32BE(1);
        if (this.buf.length >= len + 1) {
          const type = String.fromCharCode(this.buf[0]!);
          const body = this.buf.subarray(5, len + 1);
          this.buf = this.buf.subarray(len + 1);
          return { type, body };
        }
      }
      if (this.closed) throw new Error('connection closed');
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

function dataRow(body: Buffer): (Buffer | null)[] {
  const n = body.readInt16BE(0);
  const out: (Buffer | null)[] = [];
  let pos = 2;
  for (let i = 0; i < n; i++) {
    const len = body.readInt32BE(pos);
    pos += 4;
    if (len < 0) {
      out.push(null);
    } else {
      out.push(Buffer.from(body.subarray(pos, pos + len)));
      pos += len;
    }
  }
  return out;
}

function rowDescriptionTypes(body: Buffer): number[] {
  const n = body.readInt16BE(0);
  const types: number[] = [];
  let pos = 2;
  for (let i = 0; i < n; i++) {
    pos = body.indexOf(0, pos) + 1;
    types.push(body.readUInt32BE(pos + 6));
    pos += 18;
  }
  return types;
}

function errorFields(body: Buffer): { code: string; message: string } {
  const fields: Record<string, string> = {};
  let pos = 0;
  while (pos < body.length && body[pos] !== 0) {
    const key = String.fromCharCode(body[pos]!);
    const end = body.indexOf(0, pos + 1);
    fields[key] = body.toString('utf8', pos + 1, end);
    pos = end + 1;
  }
  return { code: fields.C ?? '', message: fields.M ?? '' };
}

function msg(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

const cstr = (s: string): Buffer => Buffer.from(`${s}\0`, 'utf8');
function i16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n, 0);
  return b;
}
function i32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n, 0);
  return b;
}

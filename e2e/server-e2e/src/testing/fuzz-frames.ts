// Frontend messages for the protocol fuzz test: valid frames built with pg-protocol's
// serializer, and mutations of them (bit flips, wrong lengths, truncation, type byte swaps,
// random payloads). Deterministic from a seed so a failure can be replayed (E2E_FUZZ_SEED).
import { serialize } from 'pg-protocol';

/** mulberry32: a tiny seeded PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)]!;

// Statements that finish quickly whatever a mutation does to them (no pg_sleep, no
// generate_series whose bounds a flipped digit could make huge).
const QUERIES = [
  'SELECT 1',
  'SELECT 1; SELECT 2',
  "SELECT 'abc'::text AS t",
  'SELECT $1::int4 AS a',
  'SELECT $1::text, $2::int8',
  'SELECT version()',
  'SHOW TimeZone',
  "SET application_name = 'fuzz'",
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'SELECT 1 FROM FROM',
  '',
];

/** One valid frame of a random kind (after startup). */
export function validFrame(rng: Rng): Buffer {
  const text = pick(rng, QUERIES);
  const name = pick(rng, ['', 's1', 'p1']);
  switch (int(rng, 13)) {
    case 0:
    case 1:
      return serialize.query(text);
    case 2:
      return serialize.parse({ name, text, types: rng() < 0.5 ? [] : [23, 25] });
    case 3:
      return serialize.bind({ statement: name, portal: pick(rng, ['', 'p1']), values: rng() < 0.5 ? [] : ['7', null], binary: rng() < 0.3 });
    case 4:
      return serialize.describe({ type: pick(rng, ['S', 'P'] as const), name });
    case 5:
      return serialize.execute({ portal: pick(rng, ['', 'p1']), rows: int(rng, 3) });
    case 6:
      return serialize.sync();
    case 7:
      return serialize.flush();
    case 8:
      return serialize.close({ type: pick(rng, ['S', 'P'] as const), name });
    case 9:
      return serialize.copyData(Buffer.from('1\tabc\n'));
    case 10:
      return rng() < 0.5 ? serialize.copyDone() : serialize.copyFail('fuzz');
    case 11:
      // PasswordMessage outside authentication is fatal, so keep it rare: most connections
      // should live long enough to reach deeper protocol states.
      return rng() < 0.1 ? serialize.password('not-a-password-phase') : serialize.describe({ type: 'S', name: '' });
    default:
      return rng() < 0.5 ? serialize.end() : serialize.query('SELECT pg_sleep(0)');
  }
}

/** A mutated copy of `frame` (never the same object). */
export function mutate(rng: Rng, frame: Buffer): Buffer {
  const out = Buffer.from(frame);
  switch (int(rng, 8)) {
    case 0: {
      // flip 1..4 random bits
      for (let i = int(rng, 4) + 1; i > 0; i--) out[int(rng, out.length)]! ^= 1 << int(rng, 8);
      return out;
    }
    case 1: // length too small, too large, negative, or huge
      if (out.length >= 5) out.writeInt32BE(pick(rng, [0, 1, 3, out.length + 10, -1, 0x7fffffff, 0x40000000]), 1);
      return out;
    case 2: // truncated payload with the original length kept
      return out.subarray(0, int(rng, out.length));
    case 3: // unknown or out-of-place type byte
      out[0] = pick(rng, [0, 0x7a, 0xff, 0x41 + int(rng, 26), 0x61 + int(rng, 26)]);
      return out;
    case 4: {
      // random payload with a correct length
      const payload = randomBytes(rng, int(rng, 64));
      const msg = Buffer.alloc(5 + payload.length);
      msg[0] = out[0]!;
      msg.writeInt32BE(4 + payload.length, 1);
      payload.copy(msg, 5);
      return msg;
    }
    case 5: // counts inside the payload set to extreme values (param/format counts in Bind/Parse)
      if (out.length >= 9) out.writeInt16BE(pick(rng, [-1, 0x7fff, 1000]), 5 + int(rng, out.length - 6));
      return out;
    case 6: // missing NUL terminators
      for (let i = 5; i < out.length; i++) if (out[i] === 0) out[i] = 0x41;
      return out;
    default: // pure garbage
      return randomBytes(rng, int(rng, 200) + 1);
  }
}

/** The first bytes of a connection: a normal startup, or a broken/odd one. */
export function startupFrame(rng: Rng, valid: boolean): Buffer {
  const startup = serialize.startup({ user: 'postgres', database: 'postgres' });
  if (valid) return startup;
  switch (int(rng, 6)) {
    case 0:
      return mutate(rng, startup).subarray(0, Math.max(1, int(rng, startup.length)));
    case 1: {
      // valid framing, unsupported protocol version
      const b = Buffer.from(startup);
      b.writeInt32BE(pick(rng, [0x00020000, 0x00040000, 0x7fffffff, 0]), 4);
      return b;
    }
    case 2: {
      const b = Buffer.from(startup);
      b.writeInt32BE(pick(rng, [0, 4, 7, 0x7fffffff, -5, 100_000]), 0);
      return b;
    }
    case 3:
      return serialize.requestSsl();
    case 4:
      return serialize.cancel(int(rng, 0x7fffffff), int(rng, 0x7fffffff));
    default:
      return randomBytes(rng, int(rng, 100) + 1);
  }
}

export function randomBytes(rng: Rng, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = int(rng, 256);
  return b;
}

// Garbage in must give a SqlError (a SQLSTATE for the client), never a TypeError or a hang:
// seeded random text and bytes through every H11 codec's input functions.
import { isSqlError } from '@vecgres/errors';
import { builtinCodecRegistry } from './registry';

const OIDS = [1082, 1083, 1266, 1114, 1184, 1186, 2950, 114, 3802, 1007, 1009, 1182, 1185, 1187, 3807, 1231];
const ALPHABET = '0123456789-:./+ TtZzPpYMDHSWabcdejnorsuvwy{}[]",\\@\n\t_eE';

/** mulberry32: a tiny seeded PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function attempt(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return isSqlError(e) ? 'sql-error' : `crash: ${(e as Error).stack}`;
  }
}

describe('input functions reject garbage with SqlErrors only', () => {
  const registry = builtinCodecRegistry();

  it.each(OIDS)('text input of type %d', (oid) => {
    const codec = registry.require(oid);
    const next = rng(oid);
    for (let i = 0; i < 1500; i++) {
      const len = Math.floor(next() * 24);
      let s = '';
      for (let k = 0; k < len; k++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
      const r = attempt(() => codec.toText(codec.fromText(s, { timeZone: 'Europe/Berlin' }), { timeZone: 'Europe/Berlin' }));
      if (r.startsWith('crash')) throw new Error(`${JSON.stringify(s)}: ${r}`);
    }
  });

  it.each(OIDS)('binary input of type %d', (oid) => {
    const codec = registry.require(oid);
    const next = rng(oid * 7);
    for (let i = 0; i < 1500; i++) {
      const b = Buffer.from(Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 256)));
      const r = attempt(() => codec.fromBinary(b));
      if (r.startsWith('crash')) throw new Error(`${b.toString('hex')}: ${r}`);
    }
  });
});

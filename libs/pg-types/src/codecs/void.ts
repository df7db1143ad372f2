// void: the result type of functions like pg_sleep(); prints as the empty string and sends
// zero bytes (void_out / void_send).
import type { TypeCodec } from '../codec';
import { PG_TYPES } from '../oids';

export const voidCodec: TypeCodec<null | undefined | ''> = {
  type: PG_TYPES.void,
  toText: () => '',
  fromText: () => '',
  toBinary: () => Buffer.alloc(0),
  fromBinary: () => '',
};

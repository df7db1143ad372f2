import type { SqlError } from '@vecgres/errors';
import { BufferWriter } from '../../buffer/buffer-writer';
import { sqlErrorToFields } from './error-fields';
import { encodeErrorResponse } from './error-response';

/**
 * A complete ErrorResponse message for err, e.g. for a server that must refuse a connection
 * before pg-wire runs (53300 `sorry, too many clients already` written straight to the socket).
 */
export function errorResponseBytes(err: SqlError): Buffer {
  const w = new BufferWriter(256);
  encodeErrorResponse(w, { fields: sqlErrorToFields(err) });
  return w.flush();
}

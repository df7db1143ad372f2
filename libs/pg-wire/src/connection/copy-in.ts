// COPY FROM STDIN: after CopyInResponse the client streams CopyData until CopyDone (or
// CopyFail). The handler consumes them as an async iterable while the protocol loop is
// suspended in handler.simpleQuery/execute, so the iterator reads frames itself.
// @see https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-COPY
import { canceled, protocolViolation } from '@vecgres/errors';
import { BufferReader } from '../buffer/buffer-reader';
import { queryPhasePolicy } from '../framing/policies';
import { encodeCopyInResponse } from '../messages/backend/copy-in-response';
import { FrontendCode } from '../messages/codes';
import { decodeCopyFail } from '../messages/frontend/copy-fail';
import type { CopyInStart } from '../query-handler';
import type { WireContext } from './context';

export async function* copyInStream(ctx: WireContext, start: CopyInStart): AsyncGenerator<Buffer, void, undefined> {
  encodeCopyInResponse(ctx.outbox.writer, { format: start.format, columnFormats: start.columnFormats });
  await ctx.outbox.flush();
  const policy = queryPhasePolicy(ctx.limits.message);
  for (;;) {
    const frame = await ctx.reader.next(policy, () => ctx.outbox.flush());
    if (frame === null) {
      throw protocolViolation('unexpected EOF on client connection with an open transaction', { severity: 'FATAL' });
    }
    switch (frame.code) {
      case FrontendCode.CopyData:
        yield frame.body;
        break;
      case FrontendCode.CopyDone:
        return;
      case FrontendCode.CopyFail: {
        const { message } = decodeCopyFail(new BufferReader(frame.body));
        throw canceled(`COPY from stdin failed: ${message}`);
      }
      // libpq may send Flush/Sync without noticing the command was COPY: ignored, like copyfromparse.c.
      case FrontendCode.Flush:
      case FrontendCode.Sync:
        break;
      default:
        throw protocolViolation(
          `unexpected message type 0x${frame.code.toString(16).toUpperCase().padStart(2, '0')} during COPY from stdin`,
        );
    }
  }
}

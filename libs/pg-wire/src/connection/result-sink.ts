// ResultSink over the connection's Outbox. Rows are batched (one socket write per ~64 KB);
// row() and copy writes return the drain promise when the socket is full, which is how a
// handler streaming 10 million rows is slowed to the client's pace instead of buffering.
import { SqlError, SQLSTATE } from '@vecgres/errors';
import { encodeCommandComplete } from '../messages/backend/command-complete';
import { encodeCopyData } from '../messages/backend/copy-data';
import { encodeCopyDone } from '../messages/backend/copy-done';
import { encodeCopyOutResponse } from '../messages/backend/copy-out-response';
import { encodeDataRow } from '../messages/backend/data-row';
import { encodeEmptyQueryResponse } from '../messages/backend/empty-query-response';
import { noticeToFields } from '../messages/backend/error-fields';
import { encodeNoticeResponse } from '../messages/backend/notice-response';
import { encodeParameterStatus } from '../messages/backend/parameter-status';
import { encodeRowDescription } from '../messages/backend/row-description';
import type { CopyOutStream, ResultSink } from '../query-handler';
import type { WireContext } from './context';
import { copyInStream } from './copy-in';

function connectionLost(): SqlError {
  return new SqlError(SQLSTATE.CONNECTION_FAILURE, 'connection to client lost');
}

/** extended: RowDescription is only sent on Describe, so describe() is a no-op there. */
export function createResultSink(ctx: WireContext, extended: boolean): ResultSink {
  const outbox = ctx.outbox;
  const w = outbox.writer;
  const ensureOpen = (): void => {
    // Throwing (not returning a rejected promise) stops a streaming handler without risking
    // an unhandled rejection when it does not await row().
    if (outbox.isClosed) throw connectionLost();
  };
  return {
    describe(fields) {
      if (!extended) encodeRowDescription(w, { fields });
    },
    row(values) {
      ensureOpen();
      encodeDataRow(w, { values });
      return outbox.maybeFlush();
    },
    complete(tag) {
      encodeCommandComplete(w, { tag });
    },
    empty() {
      encodeEmptyQueryResponse(w);
    },
    notice(fields) {
      encodeNoticeResponse(w, { fields: noticeToFields(fields) });
    },
    parameterStatus(name, value) {
      encodeParameterStatus(w, { name, value });
    },
    copyIn(start) {
      ensureOpen();
      return copyInStream(ctx, start);
    },
    copyOut(start): CopyOutStream {
      ensureOpen();
      encodeCopyOutResponse(w, { format: start.format, columnFormats: start.columnFormats });
      return {
        write(chunk) {
          ensureOpen();
          encodeCopyData(w, { data: chunk });
          return Promise.resolve(outbox.maybeFlush());
        },
        end() {
          encodeCopyDone(w);
        },
      };
    },
  };
}

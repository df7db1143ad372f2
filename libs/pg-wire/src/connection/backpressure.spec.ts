// Output backpressure: a handler streaming rows is held at row() while the client does not
// read, and everything arrives once it does. Output batching: small messages share writes.
import { encodeQuery } from '../messages/frontend/query';
import { connectReady, startHarness, waitFor, type Harness } from '../testing/harness';
import type { WireClient } from '../testing/wire-client';

describe('backpressure and batching', () => {
  let h: Harness;
  let c: WireClient;
  beforeEach(async () => {
    h = await startHarness();
    c = await connectReady(h);
  });
  afterEach(async () => {
    c.close();
    await h.close();
  });

  it('row() waits for drain while the client is not reading; all rows arrive after it resumes', async () => {
    const total = 60000; // 60000 rows of ~1 KB = ~60 MB, far beyond socket buffers
    c.socket.pause();
    c.send((w) => encodeQuery(w, { sql: `rows ${total} 1000` }));
    await waitFor(() => h.handlers[0]!.rowsProduced > 0);
    const handler = h.handlers[0]!;
    // Wait until production stalls: the count stops moving across several event-loop turns.
    let last = -1;
    while (handler.rowsProduced !== last) {
      last = handler.rowsProduced;
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(handler.rowsProduced).toBeLessThan(total);
    c.socket.resume();
    let rows = 0;
    for (;;) {
      const m = await c.next();
      if (m.type === 'DataRow') rows++;
      if (m.type === 'ReadyForQuery') break;
    }
    expect(rows).toBe(total);
    expect(handler.rowsProduced).toBe(total);
  });

  it('coalesces a small result into a single socket write', async () => {
    // ~1.3 KB written at once arrives as one chunk on loopback; unbatched it would be 53 writes.
    const writes: number[] = [];
    c.socket.on('data', (chunk: Buffer) => writes.push(chunk.length));
    c.send((w) => encodeQuery(w, { sql: 'rows 50' }));
    await c.until('ReadyForQuery');
    expect(writes).toHaveLength(1);
  });
});

// A 2,000,000-row result read fully through node-postgres while the server's memory stays
// bounded: rows must be produced as the socket drains (backpressure), not buffered. The client
// also stops reading for a while mid-result, which is when a non-streaming server would grow.
//
// Bound: the whole result is ~2M x 15 B = ~30 MB on the wire. A server that materialises it
// (JS row objects, one Buffer per DataRow and a write request per row in the socket queue:
// well over 150 B a row) needs 300+ MB; a streaming one needs its write buffer plus V8 heap
// slack, tens of MB. 200 MiB of growth separates the two with margin for GC timing.
import { Client, Query } from 'pg';
import { rssMiB, sampleRss } from '@vecgres/server-process';
import { ServerHandle, startServer } from '@vecgres/server-process';

const ROWS = 2_000_000;
const MAX_GROWTH_MIB = 200;

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

test('SELECT * FROM generate_series(1, 2000000): every row arrives, server RSS growth bounded', async () => {
  const client = new Client(server.pgConfig());
  await client.connect();
  try {
    await client.query('SELECT * FROM generate_series(1, 1000)'); // warm the code paths first
    const baseline = rssMiB(server.pid);
    const sampler = sampleRss(server.pid);
    let count = 0;
    let sum = 0;
    let ordered = true;
    const query = new Query(`SELECT * FROM generate_series(1, ${ROWS})`);
    // With a 'row' listener and no callback, pg does not keep the rows.
    query.on('row', (row: { generate_series: number }) => {
      count++;
      if (row.generate_series !== count) ordered = false;
      sum += row.generate_series;
      if (count === 1000) {
        const socket = (client as any).connection.stream;
        socket.pause();
        setTimeout(() => socket.resume(), 1500);
      }
    });
    await new Promise<void>((resolve, reject) => {
      query.on('end', () => resolve());
      query.on('error', reject);
      client.query(query);
    });
    const peak = sampler.stop();
    if (process.env.E2E_VERBOSE === '1') console.log(`large result: RSS baseline ${baseline.toFixed(1)} MiB, peak ${peak.toFixed(1)} MiB`);
    expect({ count, ordered, sum }).toEqual({ count: ROWS, ordered: true, sum: (ROWS * (ROWS + 1)) / 2 });
    expect({ baseline: Math.round(baseline), peak: Math.round(peak), growthBelowBound: peak - baseline < MAX_GROWTH_MIB }).toMatchObject({
      growthBelowBound: true,
    });
    expect((await client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  } finally {
    await client.end();
  }
  server.assertAlive();
}, 120_000);

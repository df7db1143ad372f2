// Protocol details that drivers rely on, checked message by message with a raw client:
// startup ParameterStatus set, error recovery in a pipelined extended batch (skip to Sync),
// Describe, Flush, empty queries, statement lifecycle errors, ParameterStatus after SET,
// Terminate. Uses only trust startup, so it also runs against a real PostgreSQL (oracle mode).
import { serialize } from 'pg-protocol';
import { BackendMessage, parseErrorFields } from './testing/backend-messages';
import { RawConnection } from './testing/raw-connection';
import { openSqlTarget, SqlTarget } from './testing/sql-target';

let target: SqlTarget;
let raw: RawConnection;

beforeAll(async () => {
  target = await openSqlTarget();
});

afterAll(async () => {
  await target?.close();
});

beforeEach(async () => {
  const ep = target.endpoint();
  raw = await RawConnection.connect(ep.host, ep.port);
  await raw.startup(ep.user, ep.database);
});

afterEach(() => {
  raw?.destroy();
});

/** Message types, with CommandComplete tags, ReadyForQuery status and error codes spelled out. */
function summary(msgs: BackendMessage[]): string[] {
  return msgs.map((m) => {
    if (m.type === 'C') return `C:${m.payload.toString('utf8', 0, m.payload.length - 1)}`;
    if (m.type === 'Z') return `Z:${m.payload.toString('latin1')}`;
    if (m.type === 'E') return `E:${parseErrorFields(m.payload).code}`;
    return m.type;
  });
}

const cstrings = (payload: Buffer): string[] => payload.toString('utf8').split('\0').slice(0, -1);

test('startup sends BackendKeyData and the ParameterStatus values drivers depend on', async () => {
  const params = Object.fromEntries(raw.messages.filter((m) => m.type === 'S').map((m) => cstrings(m.payload)));
  expect(params).toMatchObject({
    server_encoding: 'UTF8',
    client_encoding: 'UTF8',
    DateStyle: 'ISO, MDY',
    integer_datetimes: 'on',
    standard_conforming_strings: 'on',
    IntervalStyle: 'postgres',
  });
  expect(params.server_version).toMatch(/^\d+(\.\d+)?/);
  expect(typeof params.TimeZone).toBe('string');
  const key = raw.messages.find((m) => m.type === 'K');
  expect(key?.payload.length).toBe(8);
  expect(raw.messages[raw.messages.length - 1]).toMatchObject({ type: 'Z' });
});

test('SET application_name reports the new value with ParameterStatus', async () => {
  const reply = await raw.exchange(serialize.query("SET application_name = 'e2e-app'"));
  // PostgreSQL sends it just before ReadyForQuery; anywhere before ReadyForQuery is fine.
  expect(summary(reply).filter((t) => t !== 'S')).toEqual(['C:SET', 'Z:I']);
  const statuses = reply.filter((m) => m.type === 'S').map((m) => cstrings(m.payload));
  expect(statuses).toEqual([['application_name', 'e2e-app']]);
});

test('an error in a pipelined extended batch skips everything up to Sync', async () => {
  const reply = await raw.exchange(
    Buffer.concat([
      serialize.parse({ text: 'SELECT 1' }),
      serialize.bind({}),
      serialize.execute({}),
      serialize.parse({ text: 'SELECT 1 FROM FROM' }),
      serialize.bind({}),
      serialize.execute({}),
      serialize.parse({ text: 'SELECT 3' }),
      serialize.bind({}),
      serialize.execute({}),
      serialize.sync(),
    ]),
  );
  expect(summary(reply)).toEqual(['1', '2', 'D', 'C:SELECT 1', 'E:42601', 'Z:I']);
  // After the Sync the session works again.
  expect(summary(await raw.exchange(serialize.query('SELECT 4')))).toEqual(['T', 'D', 'C:SELECT 1', 'Z:I']);
});

test('Describe of a statement: ParameterDescription then RowDescription, or NoData', async () => {
  const reply = await raw.exchange(
    Buffer.concat([
      serialize.parse({ name: 'd1', text: 'SELECT $1::int4 AS a, $2::text AS b' }),
      serialize.describe({ type: 'S', name: 'd1' }),
      serialize.parse({ name: 'd2', text: 'BEGIN' }),
      serialize.describe({ type: 'S', name: 'd2' }),
      serialize.sync(),
    ]),
  );
  expect(summary(reply)).toEqual(['1', 't', 'T', '1', 't', 'n', 'Z:I']);
  const params = reply[1]!.payload;
  expect(params.readInt16BE(0)).toBe(2);
  expect([params.readUInt32BE(2), params.readUInt32BE(6)]).toEqual([23, 25]);
  expect(reply[4]!.payload.readInt16BE(0)).toBe(0);
});

test('Flush delivers pending results without a Sync', async () => {
  const from = raw.messages.length;
  raw.send(Buffer.concat([serialize.parse({ name: 'f1', text: 'SELECT 1' }), serialize.flush()]));
  await raw.waitFor((m) => m.type === '1', 10_000, 'ParseComplete after Flush', from);
  expect(summary(await raw.exchange(serialize.sync()))).toEqual(['Z:I']);
});

test('an empty query: EmptyQueryResponse in both protocols', async () => {
  expect(summary(await raw.exchange(serialize.query('')))).toEqual(['I', 'Z:I']);
  const ext = await raw.exchange(Buffer.concat([serialize.parse({ text: '' }), serialize.bind({}), serialize.execute({}), serialize.sync()]));
  expect(summary(ext)).toEqual(['1', '2', 'I', 'Z:I']);
});

test('named statement lifecycle: duplicate 42P05, closed then used 26000', async () => {
  const dup = await raw.exchange(
    Buffer.concat([serialize.parse({ name: 's1', text: 'SELECT 1' }), serialize.parse({ name: 's1', text: 'SELECT 2' }), serialize.sync()]),
  );
  expect(summary(dup)).toEqual(['1', 'E:42P05', 'Z:I']);
  expect(parseErrorFields(dup[1]!.payload).message).toBe('prepared statement "s1" already exists');
  const closed = await raw.exchange(
    Buffer.concat([serialize.close({ type: 'S', name: 's1' }), serialize.bind({ statement: 's1' }), serialize.sync()]),
  );
  expect(summary(closed)).toEqual(['3', 'E:26000', 'Z:I']);
  expect(parseErrorFields(closed[1]!.payload).message).toBe('prepared statement "s1" does not exist');
  // Closing something that does not exist is not an error.
  expect(summary(await raw.exchange(Buffer.concat([serialize.close({ type: 'P', name: 'nope' }), serialize.sync()])))).toEqual(['3', 'Z:I']);
});

test('Bind with the wrong number of parameters: 08P01', async () => {
  const reply = await raw.exchange(
    Buffer.concat([serialize.parse({ text: 'SELECT $1::int4' }), serialize.bind({ values: ['1', '2'] }), serialize.sync()]),
  );
  expect(summary(reply)).toEqual(['1', 'E:08P01', 'Z:I']);
  expect(parseErrorFields(reply[1]!.payload).message).toBe('bind message supplies 2 parameters, but prepared statement "" requires 1');
});

test('Terminate closes the connection without an error', async () => {
  raw.send(serialize.end());
  expect(await raw.waitClosed(10_000)).toBe('closed');
  expect(raw.firstError()).toBeUndefined();
});

test('a multi-statement simple Query runs as one implicit transaction', async () => {
  const reply = await raw.exchange(serialize.query('SELECT 1; BEGIN; SELECT 2; COMMIT; SELECT 3'));
  expect(summary(reply)).toEqual(['T', 'D', 'C:SELECT 1', 'C:BEGIN', 'T', 'D', 'C:SELECT 1', 'C:COMMIT', 'T', 'D', 'C:SELECT 1', 'Z:I']);
});

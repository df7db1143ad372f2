import { BufferWriter } from '../buffer/buffer-writer';
import { encodeBind } from '../messages/frontend/bind';
import { encodeExecute } from '../messages/frontend/execute';
import { encodeParse } from '../messages/frontend/parse';
import { encodeQuery } from '../messages/frontend/query';
import { encodeSync } from '../messages/frontend/sync';
import { FakeHandler } from '../testing/fake-handler';
import { connectReady, startHarness, type Harness } from '../testing/harness';
import { types, type WireClient } from '../testing/wire-client';
import { IdleTimer, MAX_TIMER_MS, idleDeadline } from './idle-timer';

// Real timers on the wire: timeouts of 100 ms, waits of at most 300 ms.
const TIMEOUT = 100;
const PAST_TIMEOUT = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const FATAL_IDLE_SESSION = {
  type: 'ErrorResponse',
  fields: { S: 'FATAL', V: 'FATAL', C: '57P05', M: 'terminating connection due to idle-session timeout' },
};
const FATAL_IDLE_IN_TX = {
  type: 'ErrorResponse',
  fields: { S: 'FATAL', V: 'FATAL', C: '25P03', M: 'terminating connection due to idle-in-transaction timeout' },
};

async function query(c: WireClient, sql: string) {
  c.send((w) => encodeQuery(w, { sql }));
  return c.until('ReadyForQuery');
}

describe('idleDeadline', () => {
  const both = { idleSessionMs: 1000, idleInTransactionMs: 2000 };

  it('outside a block applies idle_session_timeout (57P05)', () => {
    const d = idleDeadline('I', both)!;
    expect(d.ms).toBe(1000);
    expect(d.error()).toMatchObject({ sqlstate: '57P05', severity: 'FATAL', message: 'terminating connection due to idle-session timeout' });
  });

  it('inside a block, also a failed one, applies idle_in_transaction_session_timeout (25P03)', () => {
    for (const status of ['T', 'E'] as const) {
      const d = idleDeadline(status, both)!;
      expect(d.ms).toBe(2000);
      expect(d.error()).toMatchObject({
        sqlstate: '25P03',
        severity: 'FATAL',
        message: 'terminating connection due to idle-in-transaction timeout',
      });
    }
  });

  it('0, negative, NaN or no timeouts at all mean off; only the one for the status counts', () => {
    expect(idleDeadline('I', undefined)).toBeNull();
    expect(idleDeadline('I', { idleSessionMs: 0, idleInTransactionMs: 500 })).toBeNull();
    expect(idleDeadline('T', { idleSessionMs: 500, idleInTransactionMs: 0 })).toBeNull();
    expect(idleDeadline('I', { idleSessionMs: -5, idleInTransactionMs: 0 })).toBeNull();
    expect(idleDeadline('E', { idleSessionMs: 0, idleInTransactionMs: Number.NaN })).toBeNull();
  });

  it('clamps to the largest delay setTimeout honours', () => {
    expect(idleDeadline('I', { idleSessionMs: 2 ** 40, idleInTransactionMs: 0 })!.ms).toBe(MAX_TIMER_MS);
    expect(idleDeadline('I', { idleSessionMs: 0.2, idleInTransactionMs: 0 })!.ms).toBe(1);
  });
});

describe('IdleTimer (fake timers)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('fires once after the deadline with the error for the status', () => {
    const fired: string[] = [];
    const t = new IdleTimer((e) => fired.push(e.sqlstate));
    t.arm('T', { idleSessionMs: 10, idleInTransactionMs: 50 });
    expect(t.armed).toBe(true);
    jest.advanceTimersByTime(49);
    expect(fired).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(fired).toEqual(['25P03']);
    expect(t.armed).toBe(false);
    jest.advanceTimersByTime(1000);
    expect(fired).toEqual(['25P03']);
  });

  it('disarm cancels; re-arming replaces the pending deadline', () => {
    const fired: string[] = [];
    const t = new IdleTimer((e) => fired.push(e.sqlstate));
    t.arm('I', { idleSessionMs: 50, idleInTransactionMs: 0 });
    jest.advanceTimersByTime(40);
    t.disarm();
    jest.advanceTimersByTime(100);
    expect(fired).toEqual([]);
    t.arm('I', { idleSessionMs: 50, idleInTransactionMs: 0 });
    jest.advanceTimersByTime(40);
    t.arm('I', { idleSessionMs: 50, idleInTransactionMs: 0 });
    jest.advanceTimersByTime(40);
    expect(fired).toEqual([]);
    jest.advanceTimersByTime(10);
    expect(fired).toEqual(['57P05']);
  });

  it('arming with the timeout off leaves nothing pending', () => {
    const t = new IdleTimer(() => undefined);
    t.arm('I', { idleSessionMs: 50, idleInTransactionMs: 0 });
    t.arm('T', { idleSessionMs: 50, idleInTransactionMs: 0 });
    expect(t.armed).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('idle timeouts on a connection', () => {
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

  it('idle outside a block: FATAL 57P05, the socket closes and the handler is closed', async () => {
    expect(types(await query(c, `idle ${TIMEOUT} 0`))).toEqual(['CommandComplete', 'ReadyForQuery']);
    expect(await c.closedAfter()).toEqual([FATAL_IDLE_SESSION]);
    await h.connections[0]!.closed;
    expect(h.handlers[0]!.calls.at(-1)).toBe('close');
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'info', obj: expect.objectContaining({ sqlstate: '57P05' }) }));
  });

  it('idle inside a block (T): FATAL 25P03, then close() rolls back', async () => {
    expect(types(await query(c, `idle 0 ${TIMEOUT}; begin`)).at(-1)).toBe('ReadyForQuery');
    expect(await c.closedAfter()).toEqual([FATAL_IDLE_IN_TX]);
    await h.connections[0]!.closed;
    expect(h.handlers[0]!.closedCount).toBe(1);
  });

  it('idle in a failed block (E) also counts as in a transaction', async () => {
    await query(c, `idle 0 ${TIMEOUT}; begin`);
    const failed = await query(c, 'fail');
    expect(failed.at(-1)).toEqual({ type: 'ReadyForQuery', status: 'E' });
    expect(await c.closedAfter()).toEqual([FATAL_IDLE_IN_TX]);
  });

  it('each timeout applies only in its own state, and 0 is off', async () => {
    await query(c, `idle ${TIMEOUT} 0; begin`);
    await sleep(PAST_TIMEOUT);
    expect(c.isClosed).toBe(false);
    // COMMIT returns to 'I', where idle_session_timeout now applies.
    expect(await query(c, 'commit')).toContainEqual({ type: 'ReadyForQuery', status: 'I' });
    expect(await c.closedAfter()).toEqual([FATAL_IDLE_SESSION]);
  });

  it('both 0: the session stays open', async () => {
    await query(c, 'idle 0 0');
    await sleep(PAST_TIMEOUT);
    expect(types(await query(c, 'rows 1'))).toEqual(['RowDescription', 'DataRow', 'CommandComplete', 'ReadyForQuery']);
  });

  it('does not fire while a statement runs longer than the timeout', async () => {
    await query(c, `idle ${TIMEOUT} ${TIMEOUT}`);
    expect(types(await query(c, `wait ${PAST_TIMEOUT}`))).toEqual(['CommandComplete', 'ReadyForQuery']);
    expect(c.isClosed).toBe(false);
    // ...and runs again once the session is idle after that statement.
    expect(await c.closedAfter()).toEqual([FATAL_IDLE_SESSION]);
  });

  it('a session that keeps sending queries is never idle for long', async () => {
    await query(c, `idle ${TIMEOUT} 0`);
    const until = Date.now() + PAST_TIMEOUT;
    while (Date.now() < until) {
      await query(c, 'empty');
      await sleep(TIMEOUT / 4);
    }
    expect(c.isClosed).toBe(false);
    expect(types(await query(c, 'rows 1')).at(-1)).toBe('ReadyForQuery');
  });

  it('no ReadyForQuery, no timer: an extended-protocol batch may pause before Sync', async () => {
    await query(c, `idle ${TIMEOUT} 0`);
    c.send(
      (w) => encodeParse(w, { name: '', sql: 'rows 2', paramTypeOids: [] }),
      (w) => encodeBind(w, { portal: '', statement: '', params: [], paramFormats: [], resultFormats: [] }),
    );
    await sleep(PAST_TIMEOUT);
    expect(c.isClosed).toBe(false);
    c.send((w) => encodeExecute(w, { portal: '', maxRows: 0 }), (w) => encodeSync(w));
    const msgs = await c.until('ReadyForQuery');
    expect(types(msgs)).toEqual(['ParseComplete', 'BindComplete', 'DataRow', 'DataRow', 'CommandComplete', 'ReadyForQuery']);
    expect(await c.closedAfter()).toEqual([FATAL_IDLE_SESSION]);
  });

  it('any incoming byte ends idleness, even the start of a message', async () => {
    await query(c, `idle ${TIMEOUT} 0`);
    const w = new BufferWriter();
    encodeQuery(w, { sql: 'rows 1' });
    const bytes = w.flush();
    c.sendRaw(bytes.subarray(0, 3));
    await sleep(PAST_TIMEOUT);
    expect(c.isClosed).toBe(false);
    c.sendRaw(bytes.subarray(3));
    expect(types(await c.until('ReadyForQuery'))).toEqual(['RowDescription', 'DataRow', 'CommandComplete', 'ReadyForQuery']);
  });

  it('server shutdown while the timer is pending sends only 57P01', async () => {
    await query(c, `idle ${TIMEOUT} 0`);
    await h.connections[0]!.terminate();
    await sleep(PAST_TIMEOUT);
    const msgs = await c.closedAfter();
    expect(msgs).toEqual([expect.objectContaining({ type: 'ErrorResponse', fields: expect.objectContaining({ C: '57P01' }) })]);
  });
});

describe('a handler without idleTimeouts()', () => {
  it('never times out', async () => {
    const h = await startHarness({
      overrides: {
        createHandler: async () => {
          const handler = new FakeHandler();
          // The optional method is absent, even though the fields it would report are set.
          handler.idle = { idleSessionMs: 20, idleInTransactionMs: 20 };
          Object.defineProperty(handler, 'idleTimeouts', { value: undefined });
          h.handlers.push(handler);
          return handler;
        },
      },
    });
    const c = await connectReady(h);
    await sleep(PAST_TIMEOUT / 2);
    expect(types(await query(c, 'rows 1')).at(-1)).toBe('ReadyForQuery');
    c.close();
    await h.close();
  });
});

// pgvector's GUCs: placeholders before the extension is seen, definitions (defaults, ranges,
// enum values, reserved prefixes) after, through SessionSettings and through the engine.
import { openHarness, failure, rows, run, type Harness } from '../testing/engine-harness';
import type { Session } from './session';
import { SessionSettings } from './settings';

describe('SessionSettings with the vector extension', () => {
  it('keeps placeholders until the extension loads, then validates them', () => {
    const installed: string[] = [];
    const s = new SessionSettings();
    s.watchExtensions(() => installed);
    expect(() => s.get('hnsw.ef_search')).toThrow('unrecognized configuration parameter "hnsw.ef_search"');
    s.set('hnsw.ef_search', '100', false);
    s.set('ivfflat.probes', 'lots', false);
    s.set('hnsw.foo', 'x', false);
    expect([s.get('hnsw.ef_search'), s.get('ivfflat.probes')]).toEqual(['100', 'lots']);
    installed.push('vector');
    expect([s.get('hnsw.ef_search'), s.get('ivfflat.probes'), s.get('hnsw.iterative_scan'), s.get('ivfflat.max_probes')])
      .toEqual(['100', '1', 'off', '32768']);
    expect(s.get('hnsw.foo')).toBe('x');
    expect(() => s.set('hnsw.bar', '1', false)).toThrow(expect.objectContaining({
      sqlstate: '42602', message: 'invalid configuration parameter name "hnsw.bar"', detail: '"hnsw" is a reserved prefix.',
    }));
    expect(() => s.set('hnswx', '1', false)).toThrow('unrecognized configuration parameter "hnswx"');
  });

  it('validates values with pgvector ranges (ef_search up to 10000) and guc.c messages', () => {
    const s = new SessionSettings();
    s.watchExtensions(() => ['vector']);
    const err = (name: string, value: string) => {
      try {
        s.set(name, value, false);
      } catch (e) {
        return [(e as { sqlstate: string }).sqlstate, (e as Error).message, (e as { hint?: string }).hint];
      }
      return undefined;
    };
    expect(err('hnsw.ef_search', '0')).toEqual(['22023', '0 is outside the valid range for parameter "hnsw.ef_search" (1 .. 10000)', undefined]);
    expect(err('hnsw.ef_search', '10001')).toEqual(['22023', '10001 is outside the valid range for parameter "hnsw.ef_search" (1 .. 10000)', undefined]);
    expect(err('hnsw.ef_search', 'abc')).toEqual(['22023', 'invalid value for parameter "hnsw.ef_search": "abc"', undefined]);
    expect(err('hnsw.iterative_scan', 'on')).toEqual(['22023', 'invalid value for parameter "hnsw.iterative_scan": "on"',
      'Available values: off, relaxed_order, strict_order.']);
    expect(err('ivfflat.iterative_scan', 'strict_order')).toEqual(['22023', 'invalid value for parameter "ivfflat.iterative_scan": "strict_order"',
      'Available values: off, relaxed_order.']);
    expect(err('hnsw.scan_mem_multiplier', '0.5')).toEqual(['22023', '0.5 is outside the valid range for parameter "hnsw.scan_mem_multiplier" (1 .. 1000)', undefined]);
    expect(err('hnsw.max_scan_tuples', '0')).toEqual(['22023', '0 is outside the valid range for parameter "hnsw.max_scan_tuples" (1 .. 2147483647)', undefined]);
    expect(err('ivfflat.probes', '32769')).toEqual(['22023', '32769 is outside the valid range for parameter "ivfflat.probes" (1 .. 32768)', undefined]);
    s.set('hnsw.ef_search', '10000', false);
    s.set('hnsw.iterative_scan', 'RELAXED_ORDER', false);
    s.set('hnsw.scan_mem_multiplier', '2.5', false);
    expect([s.get('hnsw.ef_search'), s.get('hnsw.iterative_scan'), s.get('hnsw.scan_mem_multiplier')]).toEqual(['10000', 'relaxed_order', '2.5']);
  });
});

describe('pgvector GUCs through the engine', () => {
  let h: Harness;
  let s: Session;
  beforeAll(async () => {
    h = await openHarness();
    s = h.session();
  });
  afterAll(async () => { await h.close(); });

  it('SET / SET LOCAL / SHOW / RESET and pg_settings after CREATE EXTENSION', async () => {
    expect(await failure(s, 'SHOW hnsw.ef_search')).toMatchObject({ sqlstate: '42704', message: 'unrecognized configuration parameter "hnsw.ef_search"' });
    await run(s, 'CREATE EXTENSION vector');
    expect(await rows(s, 'SHOW hnsw.ef_search')).toEqual([['40']]);
    await run(s, 'SET hnsw.ef_search = 100');
    expect(await rows(s, 'SHOW hnsw.ef_search')).toEqual([['100']]);
    await run(s, 'BEGIN');
    await run(s, 'SET LOCAL hnsw.ef_search = 200');
    await run(s, 'SET LOCAL ivfflat.probes = 10');
    expect(await rows(s, "SELECT current_setting('hnsw.ef_search'), current_setting('ivfflat.probes')")).toEqual([['200', '10']]);
    await run(s, 'COMMIT');
    expect(await rows(s, 'SHOW hnsw.ef_search')).toEqual([['100']]);
    expect(await rows(s, 'SHOW ivfflat.probes')).toEqual([['1']]);
    await run(s, 'RESET hnsw.ef_search');
    expect(await rows(s, 'SHOW hnsw.ef_search')).toEqual([['40']]);
    expect(await failure(s, 'SET hnsw.ef_search = 0')).toMatchObject({
      sqlstate: '22023', message: '0 is outside the valid range for parameter "hnsw.ef_search" (1 .. 10000)',
    });
    expect(await failure(s, 'SET ivfflat.foo = 1')).toMatchObject({
      sqlstate: '42602', message: 'invalid configuration parameter name "ivfflat.foo"', detail: '"ivfflat" is a reserved prefix.',
    });
    expect(await rows(s, "SELECT name, setting, vartype, min_val, max_val, enumvals::text, boot_val FROM pg_settings WHERE name LIKE 'hnsw.%' OR name LIKE 'ivfflat.%' ORDER BY name"))
      .toEqual([
        ['hnsw.ef_search', '40', 'integer', '1', '10000', null, '40'],
        ['hnsw.iterative_scan', 'off', 'enum', null, null, '{off,relaxed_order,strict_order}', 'off'],
        ['hnsw.max_scan_tuples', '20000', 'integer', '1', '2147483647', null, '20000'],
        ['hnsw.scan_mem_multiplier', '1', 'real', '1', '1000', null, '1'],
        ['ivfflat.iterative_scan', 'off', 'enum', null, null, '{off,relaxed_order}', 'off'],
        ['ivfflat.max_probes', '32768', 'integer', '1', '32768', null, '32768'],
        ['ivfflat.probes', '1', 'integer', '1', '32768', null, '1'],
      ]);
  });
});

describe('extension parameters and transactions', () => {
  it('stay defined when the transaction that loaded them rolls back', () => {
    const installed: string[] = [];
    const s = new SessionSettings();
    s.watchExtensions(() => installed);
    s.set('hnsw.ef_search', '7', false);
    installed.push('vector');
    expect(s.get('hnsw.ef_search')).toBe('7');
    s.transactionEnded(false);
    installed.pop();
    expect([s.get('hnsw.ef_search'), s.get('ivfflat.probes')]).toEqual(['40', '1']);
    const saved = s.snapshot();
    s.restore(new Map([...saved].filter(([k]) => !k.startsWith('ivfflat.'))));
    expect(s.get('ivfflat.probes')).toBe('1');
  });
});

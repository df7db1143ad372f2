// The values derived from the settings that every execution reads (ParameterStatus values, text
// I/O options, timeouts, extension-derived values) are memoized per settings version: the memo
// must be reused while nothing changes and must never outlive a change (SET, SET LOCAL undone at
// transaction end, rollback restore, an extension's parameters appearing).
import { SessionSettings } from './settings';

describe('SessionSettings memoized derived values', () => {
  it('reported() is the same object until a reported setting changes, then the new values', () => {
    const s = new SessionSettings();
    const first = s.reported();
    expect(s.reported()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    s.set('application_name', 'bench', false);
    const second = s.reported();
    expect(second).not.toBe(first);
    expect(second['application_name']).toBe('bench');
    expect(first['application_name']).toBe('');
  });

  it('textOptions() follows SET and the end of the transaction of a SET LOCAL', () => {
    const s = new SessionSettings();
    expect(s.textOptions().extraFloatDigits).toBe(1);
    expect(s.textOptions()).toBe(s.textOptions());
    s.set('extra_float_digits', '3', true);
    s.set('DateStyle', 'German, DMY', true);
    expect(s.textOptions()).toMatchObject({ extraFloatDigits: 3, dateStyle: 'German', dateOrder: 'DMY' });
    s.transactionEnded(true);
    expect(s.textOptions()).toMatchObject({ extraFloatDigits: 1, dateStyle: 'ISO', dateOrder: 'MDY' });
  });

  it('timeouts follow SET and a rollback restore', () => {
    const s = new SessionSettings();
    expect(s.statementTimeoutMs()).toBe(0);
    const saved = s.snapshot();
    s.set('statement_timeout', '2s', false);
    s.set('idle_session_timeout', '1min', false);
    expect([s.statementTimeoutMs(), s.idleSessionTimeoutMs()]).toEqual([2000, 60000]);
    s.restore(saved);
    expect([s.statementTimeoutMs(), s.idleSessionTimeoutMs()]).toEqual([0, 0]);
  });

  it('derived() computes once per version and again after a change', () => {
    const s = new SessionSettings();
    let made = 0;
    const read = () => s.derived('test', () => {
      made++;
      return { lock: s.find('lock_timeout') };
    });
    expect(read()).toBe(read());
    expect(made).toBe(1);
    s.set('lock_timeout', '5s', false);
    expect(read()).toEqual({ lock: '5s' });
    expect(made).toBe(2);
  });

  it('derived() sees an extension parameter defined after the first read', () => {
    const s = new SessionSettings();
    let installed: string[] = [];
    s.watchExtensions(() => installed);
    const ef = () => s.derived('ef', () => s.find('hnsw.ef_search'));
    expect(ef()).toBeNull();
    installed = ['vector'];
    expect(ef()).toBe('40');
    s.set('hnsw.ef_search', '80', false);
    expect(ef()).toBe('80');
  });
});

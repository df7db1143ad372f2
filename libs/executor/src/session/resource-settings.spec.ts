// Planner/resource parameters scripts written for PostgreSQL SET (pgvector's README sets
// maintenance_work_mem, max_parallel_* and enable_indexscan): accepted, validated, shown in
// guc.c's units, transactional like every other parameter.
import { formatKb } from './resource-settings';
import { SessionSettings } from './settings';

describe('resource and planner settings', () => {
  it('have PostgreSQL 16 defaults', () => {
    const s = new SessionSettings();
    expect(['maintenance_work_mem', 'work_mem', 'max_parallel_maintenance_workers', 'max_parallel_workers_per_gather', 'enable_indexscan', 'enable_seqscan'].map((n) => s.get(n)))
      .toEqual(['64MB', '4MB', '2', '2', 'on', 'on']);
  });

  it('memory sizes take units and are shown in the largest exact one', () => {
    const s = new SessionSettings();
    const show = (v: string) => {
      s.set('maintenance_work_mem', v, false);
      return s.get('maintenance_work_mem');
    };
    expect([show('8GB'), show('1024'), show('1025'), show('2048kB'), show('1.5GB'), show('1TB')]).toEqual(['8GB', '1MB', '1025kB', '2MB', '1536MB', '1TB']);
    expect(() => s.set('maintenance_work_mem', '100', false)).toThrow(expect.objectContaining({
      sqlstate: '22023', message: '100 kB is outside the valid range for parameter "maintenance_work_mem" (1024 kB .. 2147483647 kB)',
    }));
    expect(() => s.set('work_mem', '8XB', false)).toThrow(expect.objectContaining({
      sqlstate: '22023', message: 'invalid value for parameter "work_mem": "8XB"', hint: 'Valid units for this parameter are "B", "kB", "MB", "GB", and "TB".',
    }));
    expect(formatKb(0)).toBe('0kB');
  });

  it('worker counts and enable_* switches validate like guc.c', () => {
    const s = new SessionSettings();
    s.set('max_parallel_workers_per_gather', '4', false);
    s.set('enable_indexscan', 'false', true);
    expect([s.get('max_parallel_workers_per_gather'), s.get('enable_indexscan')]).toEqual(['4', 'off']);
    expect(() => s.set('max_parallel_maintenance_workers', '-1', false)).toThrow('-1 is outside the valid range for parameter "max_parallel_maintenance_workers" (0 .. 1024)');
    expect(() => s.set('enable_seqscan', 'maybe', false)).toThrow('parameter "enable_seqscan" requires a Boolean value');
    s.transactionEnded(true);
    expect([s.get('max_parallel_workers_per_gather'), s.get('enable_indexscan')]).toEqual(['4', 'on']);
  });
});

// PostgreSQL parity: each line of testing/pg-expected/<name>.sql runs in one session, and the
// rows (values as strings) or the error (SQLSTATE | message | position) must equal what a real
// PostgreSQL 15 returned for the same line (<name>.expected, captured with
// scripts/capture-pg-expected.js). A small sqllogictest in the engine's own test suite.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSqlError } from '@vecgres/errors';
import { openHarness, run } from '../testing/engine-harness';

const dir = path.join(__dirname, '..', 'testing', 'pg-expected');

/** The same text form the capture script writes (numbers and bigints as strings). */
function format(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === 'bigint' || typeof v === 'number') return String(v);
    if (v && typeof v === 'object' && 'elements' in v && 'dims' in v) return `{${(v as { elements: unknown[] }).elements.join(',')}}`;
    return v;
  });
}

describe.each(['basic', 'grouping', 'joins', 'window', 'queries'])('%s.sql', (name) => {
  const sqls = fs.readFileSync(path.join(dir, `${name}.sql`), 'utf8').split('\n').filter(Boolean);
  const expected = fs.readFileSync(path.join(dir, `${name}.expected`), 'utf8').split('\n').filter(Boolean);

  it('matches PostgreSQL line by line', async () => {
    const h = await openHarness();
    const s = h.session();
    try {
      const got: string[] = [];
      for (const sql of sqls) {
        try {
          got.push(`OK ${sql} => ${format((await run(s, sql)).rows)}`);
        } catch (e) {
          if (!isSqlError(e)) throw e;
          got.push(`ERR ${sql} => ${e.sqlstate} | ${e.message} | ${e.position ?? ''}`);
        }
      }
      expect(got).toEqual(expected);
    } finally {
      await h.close();
    }
  });
});

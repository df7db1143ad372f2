import { parseOne, setupParser, stripLocations } from '../testing/parse-helpers';

beforeAll(setupParser);

describe('CREATE VIEW / ALTER VIEW', () => {
  it('CREATE OR REPLACE TEMP VIEW with a column list', () => {
    const stmt = stripLocations(parseOne('CREATE OR REPLACE TEMP VIEW s.v (x, y) AS SELECT a, b FROM t'));
    expect(stmt).toMatchObject({
      kind: 'createView', view: { schema: 's', name: 'v' }, columns: ['x', 'y'], replace: true, temporary: true, options: [],
      query: { kind: 'select', targets: [{ expr: { kind: 'columnRef', names: ['a'] } }, { expr: { kind: 'columnRef', names: ['b'] } }] },
    });
  });

  it('a plain CREATE VIEW', () => {
    expect(stripLocations(parseOne('CREATE VIEW v AS VALUES (1)'))).toMatchObject({
      kind: 'createView', view: { name: 'v' }, columns: [], replace: false, temporary: false, query: { kind: 'values' },
    });
  });

  it('ALTER VIEW RENAME TO / RENAME COLUMN are ALTER TABLE renames marked as views', () => {
    expect(stripLocations(parseOne('ALTER VIEW v RENAME TO w'))).toMatchObject({
      kind: 'alterTable', table: { name: 'v' }, relationType: 'view', commands: [{ action: 'renameTable', newName: 'w' }],
    });
    expect(stripLocations(parseOne('ALTER VIEW IF EXISTS v RENAME COLUMN a TO b'))).toMatchObject({
      kind: 'alterTable', ifExists: true, relationType: 'view', commands: [{ action: 'renameColumn', column: 'a', newName: 'b' }],
    });
    expect(stripLocations(parseOne('ALTER TABLE v RENAME TO w'))).not.toHaveProperty('relationType');
  });
});

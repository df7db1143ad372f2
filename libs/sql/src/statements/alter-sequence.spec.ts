// ALTER SEQUENCE and GROUPING() translation.
import { exprOf, parseOne, setupParser, stripLocations } from '../testing/parse-helpers';

beforeAll(setupParser);

describe('ALTER SEQUENCE', () => {
  it('keeps the options as CREATE SEQUENCE does, with IF EXISTS', () => {
    const s = stripLocations(parseOne('ALTER SEQUENCE IF EXISTS app.s INCREMENT BY 2 NO MAXVALUE RESTART WITH 5 OWNED BY NONE'));
    expect(s).toMatchObject({ kind: 'alterSequence', sequence: { schema: 'app', name: 's' }, ifExists: true });
    expect(s.kind === 'alterSequence' && s.options.map((o) => o.name)).toEqual(['increment', 'maxvalue', 'restart', 'owned_by']);
    expect(s.kind === 'alterSequence' && s.newName).toBeUndefined();
  });

  it('RENAME TO becomes newName with no options', () => {
    expect(stripLocations(parseOne('ALTER SEQUENCE s RENAME TO s2'))).toMatchObject({ kind: 'alterSequence', sequence: { name: 's' }, ifExists: false, options: [], newName: 's2' });
  });
});

describe('GROUPING()', () => {
  it('is a call marked `grouping` with its arguments', () => {
    expect(stripLocations(exprOf('GROUPING(a, b)'))).toMatchObject({ kind: 'func', name: 'grouping', grouping: true, args: [{ kind: 'columnRef', names: ['a'] }, { kind: 'columnRef', names: ['b'] }] });
  });
});

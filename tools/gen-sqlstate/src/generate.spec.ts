import { readFileSync } from 'node:fs';
import { ERRCODES_PATH, GENERATED_PATH, generateSqlstateSource, parseErrcodes } from './index';

describe('gen-sqlstate', () => {
  it('the checked-in libs/errors/src/generated/sqlstate.ts is current (run `npm run gen` if not)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(generateSqlstateSource());
  });

  it('parses the vendored table: names without ERRCODE_, classes from Section lines', () => {
    const { entries, classes } = parseErrcodes(readFileSync(ERRCODES_PATH, 'utf8'));
    const byName = new Map(entries.map((e) => [e.name, e]));
    expect(byName.get('SUCCESSFUL_COMPLETION')).toEqual({ sqlstate: '00000', kind: 'S', name: 'SUCCESSFUL_COMPLETION', condition: 'successful_completion' });
    expect(byName.get('SYNTAX_ERROR')?.sqlstate).toBe('42601');
    expect(byName.get('UNDEFINED_PSTATEMENT')).toEqual({ sqlstate: '26000', kind: 'E', name: 'UNDEFINED_PSTATEMENT' });
    expect(byName.get('WARNING')?.kind).toBe('W');
    expect(entries.length).toBeGreaterThan(240);
    expect(classes.find((c) => c.classCode === '42')?.description).toBe('Syntax Error or Access Rule Violation');
    expect(classes.find((c) => c.classCode === '72')?.description).toBe('Snapshot Failure');
  });

  it('rejects malformed lines and duplicate names', () => {
    expect(() => parseErrcodes('4260    E    ERRCODE_X    x\n')).toThrow(/errcodes.txt:1: unrecognised line/);
    expect(() => parseErrcodes('42601 E ERRCODE_X\n42602 E ERRCODE_X\n')).toThrow(/duplicate name X/);
    expect(parseErrcodes('# c\n\n42601 E ERRCODE_X x\n').entries).toEqual([{ sqlstate: '42601', kind: 'E', name: 'X', condition: 'x' }]);
  });
});

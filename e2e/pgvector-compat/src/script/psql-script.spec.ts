import { compareStep } from './compare';
import { buildPsqlScript, parsePsqlOutput } from './psql-script';
import { step } from './step';

describe('psql script markers', () => {
  const steps = [step('s', 'SELECT 1'), step('s', 'SELECT foo;')];

  it('wraps every statement with a marker, its SQLSTATE and, on error, the message', () => {
    const script = buildPsqlScript(steps);
    expect(script).toContain("\\echo '@@step 0'\nSELECT 1;\n\\echo '@@status ' :SQLSTATE\n\\if :ERROR");
    expect(script).toContain("\\echo '@@step 1'\nSELECT foo;\n");
    expect(script.startsWith('\\set ON_ERROR_STOP 0')).toBe(true);
  });

  it('splits psql output back into per-statement results', () => {
    const out = ['@@step 0', '?column?', '1', '(1 row)', '', '@@status  00000', '@@step 1', '@@status  42703', '@@error  column "foo" does not exist', ''].join('\n');
    const r = parsePsqlOutput(out);
    expect(r.get(0)).toEqual({ index: 0, lines: ['?column?', '1', '(1 row)', ''], sqlstate: '00000' });
    expect(r.get(1)).toEqual({ index: 1, lines: [], sqlstate: '42703', error: ' column "foo" does not exist' });
  });
});

describe('comparison modes', () => {
  const res = (lines: string[], sqlstate = '00000', error?: string) => ({ index: 0, lines, sqlstate, ...(error ? { error } : {}) });

  it('exact: different rows or a different error message are mismatches', () => {
    expect(compareStep(0, step('s', 'q'), res(['a', '1', '(1 row)']), res(['a', '1', '(1 row)']))).toBeUndefined();
    expect(compareStep(0, step('s', 'q'), res(['a', '1', '(1 row)']), res(['a', '2', '(1 row)']))).toBeDefined();
    expect(compareStep(0, step('s', 'q'), res([], '22000', 'x'), res([], '22000', 'y'))).toBeDefined();
  });

  it('unordered sorts only the data rows; status compares only the SQLSTATE', () => {
    const unordered = step('s', 'q', 'unordered', 'why');
    expect(compareStep(0, unordered, res(['a', '2', '1', '(2 rows)']), res(['a', '1', '2', '(2 rows)']))).toBeUndefined();
    expect(compareStep(0, unordered, res(['a', '2', '1', '(2 rows)']), res(['a', '1', '3', '(2 rows)']))).toBeDefined();
    const status = step('s', 'q', 'status', 'why');
    expect(compareStep(0, status, res(['plan A']), res(['plan B']))).toBeUndefined();
    expect(compareStep(0, status, res(['plan A']), res([], '42P01', 'missing'))).toBeDefined();
  });

  it('a statement that did not run on one side is a mismatch', () => {
    expect(compareStep(0, step('s', 'q'), res(['x']), undefined)).toBeDefined();
  });
});

import { resolveLevels } from './run';

describe('resolveLevels', () => {
  it('measures every available level unless some are requested', () => {
    expect(resolveLevels(['scalar', 'avx2', 'avx512'])).toEqual(['scalar', 'avx2', 'avx512']);
    expect(resolveLevels(['scalar', 'avx2'], [])).toEqual(['scalar', 'avx2']);
    expect(resolveLevels(['scalar', 'avx2', 'avx512'], ['avx512', 'scalar'])).toEqual(['avx512', 'scalar']);
  });

  it('rejects a level the machine cannot run', () => {
    expect(() => resolveLevels(['scalar', 'avx2'], ['avx512'])).toThrow(/avx512/);
  });
});

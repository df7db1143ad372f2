import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Command } from 'commander';

import { buildLevel, buildReport } from '../testing/report-builder';
import {
  commandLine,
  loadReport,
  optionsFromCli,
  registerKernelsCommand,
  reproducibleArgs,
  type KernelsCliOptions,
} from './command';
import { DEFAULT_OPTIONS, QUICK_OPTIONS } from './run';

/** Parses argv through `vecgres bench kernels ...` and returns the options the action got. */
function parse(args: string[]): KernelsCliOptions {
  const bench = new Command('bench').exitOverride();
  const kernels = registerKernelsCommand(bench).exitOverride().configureOutput({ writeErr: () => {} });
  let got: KernelsCliOptions | undefined;
  kernels.action((opts: KernelsCliOptions) => {
    got = opts;
  });
  bench.parse(['kernels', ...args], { from: 'user' });
  return got!;
}

describe('registerKernelsCommand', () => {
  it('adds a `kernels` subcommand with typed options', () => {
    const o = parse(['--arena-mib', '64', '--dims', '96,384', '--types', 'f32,bits', '--levels', 'scalar', '--reps', '7', '-k', '5', '--clock', 'cpu', '--arena-offset', '48']);
    expect(o).toEqual({ arenaMib: 64, dims: [96, 384], types: ['f32', 'bits'], levels: ['scalar'], reps: 7, k: 5, clock: 'cpu', arenaOffset: 48 });
  });

  it('accepts --arena-align (a power of two) and passes it to the options', () => {
    const o = parse(['--arena-align', '64', '--arena-offset', '16']);
    expect(o).toEqual({ arenaAlign: 64, arenaOffset: 16 });
    expect(optionsFromCli(o)).toMatchObject({ arenaAlign: 64, arenaOffset: 16 });
    expect(optionsFromCli({})).not.toHaveProperty('arenaAlign');
  });

  it('accepts --quick, --write, --json and --from-json', () => {
    expect(parse(['--from-json', 'r.json'])).toEqual({ fromJson: 'r.json' });
    expect(parse(['--quick', '--write', 'docs/benchmarks.md', '--section', 'kernels-aligned', '--json', '/tmp/x.json'])).toEqual({
      section: 'kernels-aligned',
      quick: true,
      write: 'docs/benchmarks.md',
      json: '/tmp/x.json',
    });
  });

  it.each([
    [['--types', 'f64']],
    [['--levels', 'sse9']],
    [['--dims', '0']],
    [['--reps', '2.5']],
    [['--arena-mib', '-1']],
    [['--clock', 'tsc']],
    [['--arena-offset', '6']],
    [['--arena-align', '48']],
    [['--arena-align', '8192']],
  ])('rejects %p', (args) => {
    expect(() => parse(args)).toThrow();
  });
});

describe('optionsFromCli', () => {
  it('defaults to the full matrix on a 1 GiB arena', () => {
    expect(optionsFromCli({})).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS.arenaBytes).toBe(2 ** 30);
    expect(DEFAULT_OPTIONS.dims).toEqual([96, 128, 384, 768, 1536]);
  });

  it('starts from the quick preset and lets flags override it', () => {
    expect(optionsFromCli({ quick: true })).toEqual(QUICK_OPTIONS);
    const o = optionsFromCli({ quick: true, arenaMib: 0.5, dims: [16], types: ['u8'], k: 3, clock: 'cpu' });
    expect(o).toEqual({ ...QUICK_OPTIONS, arenaBytes: 1 << 19, dims: [16], types: ['u8'], k: 3, clock: 'cpu' });
  });
});

describe('recorded command', () => {
  it('drops --json and --from-json with their values', () => {
    expect(reproducibleArgs(['--quick', '--json', '/tmp/a.json', '--write', 'docs/b.md', '--json=/x'])).toEqual([
      '--quick',
      '--write',
      'docs/b.md',
    ]);
    expect(commandLine(['/usr/bin/node', '/w/tools/bench/src/kernels/main.ts', '--clock', 'cpu', '--json', 'r.json'], false)).toBe(
      'npm run bench:kernels -- --clock cpu',
    );
    expect(commandLine(['/usr/bin/node', '/w/bin/vecgres', 'kernels'], true)).toBe('npm run bench:kernels');
  });

  it('cleans the command of a saved report on load', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bench-json-')), 'r.json');
    const saved = buildReport([buildLevel('avx2', 10, 8)]);
    writeFileSync(path, JSON.stringify({ ...saved, command: 'npm run bench:kernels -- --clock cpu --json /tmp/r.json' }));
    const loaded = loadReport(path);
    expect(loaded.command).toBe('npm run bench:kernels -- --clock cpu');
    expect(loaded.levels).toEqual(saved.levels);
  });
});

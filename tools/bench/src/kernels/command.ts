// The `kernels` command: a commander Command that works on its own (main.ts) and as a
// subcommand of a future `vecgres bench` (registerKernelsCommand).
import { readFileSync, writeFileSync } from 'node:fs';

import { Command, InvalidArgumentError, Option } from 'commander';
import type { ElemType, SimdLevel } from '@vecgres/native-bindings';

import { checkArenaOffset } from './arena';
import { isElemType, isSimdLevel } from './cases';
import { checkMarkedSection, writeMarkedSection } from './docs-section';
import { formatSection, formatTables } from './report';
import { DEFAULT_OPTIONS, QUICK_OPTIONS, runKernelsBench } from './run';
import type { Clock } from './stats';
import type { KernelsBenchOptions, KernelsReport } from './types';

export interface KernelsCliOptions {
  quick?: boolean;
  arenaMib?: number;
  dims?: number[];
  types?: ElemType[];
  levels?: SimdLevel[];
  reps?: number;
  maxCaseSeconds?: number;
  k?: number;
  clock?: Clock;
  arenaOffset?: number;
  arenaAlign?: number;
  write?: string;
  section?: string;
  json?: string;
  fromJson?: string;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function positiveNumber(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

function listOf<T extends string>(what: string, guard: (s: string) => s is T): (v: string) => T[] {
  return (v) =>
    v.split(',').map((s) => {
      const t = s.trim();
      if (!guard(t)) throw new InvalidArgumentError(`unknown ${what} "${t}"`);
      return t;
    });
}

/** CLI flags on top of the defaults (or of the --quick preset). */
export function optionsFromCli(cli: KernelsCliOptions): KernelsBenchOptions {
  const base = cli.quick ? QUICK_OPTIONS : DEFAULT_OPTIONS;
  return {
    arenaBytes: cli.arenaMib !== undefined ? Math.round(cli.arenaMib * 2 ** 20) : base.arenaBytes,
    dims: cli.dims ?? [...base.dims],
    types: cli.types ?? [...base.types],
    reps: cli.reps ?? base.reps,
    maxCaseSeconds: cli.maxCaseSeconds ?? base.maxCaseSeconds,
    k: cli.k ?? base.k,
    clock: cli.clock ?? base.clock,
    arenaOffset: cli.arenaOffset ?? base.arenaOffset,
    ...(cli.arenaAlign !== undefined ? { arenaAlign: cli.arenaAlign } : {}),
  };
}

/** Flags (with their value) that do not change what is measured: left out of the recorded command. */
const NOT_REPRODUCED = new Set(['--json', '--from-json']);

/** `args` without the flags of NOT_REPRODUCED and their values. */
export function reproducibleArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (NOT_REPRODUCED.has(a)) i++;
    else if (![...NOT_REPRODUCED].some((f) => a.startsWith(`${f}=`))) out.push(a);
  }
  return out;
}

/** How to re-run what this process was asked to do, for the report. */
export function commandLine(argv: readonly string[], sub: boolean): string {
  const i = argv.findIndex((a) => a.endsWith('main.ts') || a.endsWith('vecgres') || a.endsWith('vecgres.js'));
  const rest = reproducibleArgs(argv.slice(i >= 0 ? i + 1 : 2).filter((a) => !(sub && a === 'kernels')));
  return `npm run bench:kernels${rest.length ? ` -- ${rest.join(' ')}` : ''}`;
}

/** A report saved with --json, with its recorded command cleaned the same way. */
export function loadReport(path: string): KernelsReport {
  const report = JSON.parse(readFileSync(path, 'utf8')) as KernelsReport;
  const [head, args] = report.command.split(' -- ', 2);
  const rest = args ? reproducibleArgs(args.split(' ')) : [];
  return { ...report, command: `${head}${rest.length ? ` -- ${rest.join(' ')}` : ''}` };
}

export function buildKernelsCommand(name = 'kernels'): Command {
  return new Command(name)
    .description(
      'Distance-kernel microbenchmark: scan GB/s per SIMD level, kernel and d, against single-core memory read bandwidth',
    )
    .option('--quick', 'smoke run: 64 MiB arena, d=128,768, 3 reps')
    .option('--arena-mib <n>', 'arena size per (type, d) in MiB (default 1024)', positiveNumber)
    .option('--dims <list>', 'comma-separated dimensions (default 96,128,384,768,1536)', (v) =>
      v.split(',').map((s) => positiveInt(s.trim())),
    )
    .option('--types <list>', 'element types: f32,f16,i8,u8,bits (default all)', listOf('type', isElemType))
    .option('--levels <list>', 'SIMD levels: scalar,avx2,avx512,neon (default: all available)', listOf('level', isSimdLevel))
    .option('--reps <n>', 'timed repetitions per case, median reported (default 5)', positiveInt)
    .addOption(
      new Option('--max-case-seconds <s>', 'stop repeating a case after this long once 3 runs are done (default 4)').argParser(
        positiveNumber,
      ),
    )
    .option('-k <n>', 'k of the scanTopK lines (default 10)', positiveInt)
    .addOption(
      new Option('--clock <clock>', 'wall (default), or process CPU time when the machine is shared').choices([
        'wall',
        'cpu',
      ]),
    )
    .option(
      '--arena-offset <bytes>',
      'start each arena this many bytes into its ArrayBuffer (default 0; 48 = 64-byte-aligned rows with glibc)',
      (v) => {
        const n = Number(v);
        try {
          checkArenaOffset(n);
        } catch (e) {
          throw new InvalidArgumentError((e as Error).message);
        }
        return n;
      },
    )
    .option(
      '--arena-align <bytes>',
      'allocate arenas on this boundary (power of two <= 4096, via allocAlignedArena); --arena-offset then counts from it',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 4096 || (n & (n - 1)) !== 0) {
          throw new InvalidArgumentError('expected a power of two in [1, 4096]');
        }
        return n;
      },
    )
    .option('--write <file>', 'rewrite the kernels section (between the kernels:begin/end markers) of this file')
    .option('--section <name>', 'with --write: the section to rewrite, <!-- <name>:begin --> (default kernels)')
    .option('--json <file>', 'also write the raw report as JSON')
    .option('--from-json <file>', 'measure nothing: format (and --write) a report saved earlier with --json')
    .action(async (cli: KernelsCliOptions, cmd: Command) => {
      // Fail before a run of several minutes, not after it, when the target cannot be written.
      if (cli.write) checkMarkedSection(cli.write, cli.section ?? 'kernels');
      const report = cli.fromJson
        ? loadReport(cli.fromJson)
        : await runKernelsBench({
            options: optionsFromCli(cli),
            ...(cli.levels ? { levels: cli.levels } : {}),
            command: commandLine(process.argv, cmd.parent !== null),
          });
      process.stdout.write(formatTables(report));
      if (cli.write) {
        writeMarkedSection(cli.write, formatSection(report), cli.section ?? 'kernels');
        process.stderr.write(`wrote the ${cli.section ?? 'kernels'} section of ${cli.write}\n`);
      }
      if (cli.json) writeFileSync(cli.json, `${JSON.stringify(report, null, 2)}\n`);
    });
}

/** Adds `kernels` to a parent command (e.g. `vecgres bench`). */
export function registerKernelsCommand(program: Command): Command {
  const cmd = buildKernelsCommand('kernels');
  program.addCommand(cmd);
  return cmd;
}

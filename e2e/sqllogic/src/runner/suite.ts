// Turns the .test files into jest suites: `describe(file)` per file and `test(record)` per
// record, so jest's counts are the real number of cases. Records of a file run in order on one
// connection; a failing record fails its own test and the file carries on (like sqllogictest).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { recordsFor, parseSqlLogic } from '../format/parse';
import { FEATURE_PROBES, SqlLogicFile, TargetName } from '../format/types';
import { checkRecord, CheckContext, recordTitle } from './check';
import { execute } from './execute';
import { FileSession, startTarget, Target } from './target';

/** e2e/sqllogic (src/runner -> ../..). */
export const PACKAGE_ROOT = join(__dirname, '..', '..');
export const TEST_DIR = join(PACKAGE_ROOT, 'test');

/** Every `*.test` under `dir`, sorted, as absolute paths. */
export function listTestFiles(dir = TEST_DIR): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.test')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** All files, or those whose path contains one of SQLLOGIC_FILES' comma-separated words. */
export function selectedFiles(): string[] {
  const words = (process.env.SQLLOGIC_FILES ?? '').split(',').map((w) => w.trim()).filter(Boolean);
  const all = listTestFiles();
  return words.length === 0 ? all : all.filter((f) => words.some((w) => displayPath(f).includes(w)));
}

/** Path shown in test names and messages: relative to the package (`test/joins.test`). */
export function displayPath(file: string): string {
  return relative(PACKAGE_ROOT, file);
}

/**
 * Registers the suite for `target`: starts it once (beforeAll), then one describe per file that
 * targets it. A file that does not parse becomes one failing test, never a silent gap.
 */
export function defineSqlLogicSuite(target: TargetName, files: string[] = selectedFiles()): void {
  describe(`sqllogic on ${target}`, () => {
    let server: Target | undefined;
    let startError: unknown;
    beforeAll(async () => {
      try {
        server = await startTarget(target);
      } catch (err) {
        startError = err;
      }
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
    }, 60_000);

    const parsed: SqlLogicFile[] = [];
    for (const file of files) {
      const shown = displayPath(file);
      try {
        parsed.push(parseSqlLogic(readFileSync(file, 'utf8'), shown));
      } catch (err) {
        test(`${shown}: parse`, () => {
          throw err;
        });
      }
    }
    const mine = parsed.filter((f) => f.targets.includes(target));
    if (mine.length === 0) {
      test(`at least one file targets ${target}`, () => {
        const filter = process.env.SQLLOGIC_FILES ? ` among the files SQLLOGIC_FILES selects (run only src/postgres.spec.ts?)` : '';
        throw new Error(`no .test file lists ${target} in its "# targets:" header${filter}`);
      });
    }
    for (const file of mine) {
      defineFile(file, target, () => {
        if (!server) throw new Error(`${target} did not start: ${(startError as Error)?.message ?? startError}`);
        return server;
      });
    }
  });
}

function defineFile(file: SqlLogicFile, target: TargetName, getServer: () => Target): void {
  describe(file.path, () => {
    let session: FileSession | undefined;
    let openError: unknown;
    const ctx: CheckContext = { file: file.path, target, labels: new Map() };

    beforeAll(async () => {
      try {
        session = await getServer().openFile(file.path);
        await checkRequirements(file, target, session);
      } catch (err) {
        openError = err;
      }
    }, 90_000);
    afterAll(async () => {
      await session?.close();
    }, 60_000);

    for (const record of recordsFor(file, target)) {
      test(recordTitle(record), async () => {
        if (openError) throw openError;
        const outcome = await execute(session!.client, record.sql);
        checkRecord(record, outcome, ctx);
      });
    }
  });
}

/** A `require`d feature the target lacks fails the file's records with the reason. */
async function checkRequirements(file: SqlLogicFile, target: TargetName, session: FileSession): Promise<void> {
  for (const feature of file.requires) {
    const outcome = await execute(session.client, FEATURE_PROBES[feature]);
    if (outcome.kind !== 'ok' || outcome.rows.length === 0) {
      throw new Error(`${file.path} requires feature "${feature}", which ${target} does not provide`);
    }
  }
}

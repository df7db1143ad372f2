// Where datasets live. The shared sets sit beside the checkout (../shared/datasets) on the dev
// machine only; users' clones have just the small in-repo fixtures, so callers of
// sharedDatasetDir must handle `undefined` and say that the dataset is absent.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** In-repo fixture names (tools/datasets/fixtures/<name>). */
export const FIXTURES = {
  fiori: 'fiori-docs-minilm-384-cosine',
  fashionSlice: 'fashion-mnist-784-euclidean-slice',
} as const;

/** The shared dataset names documented in /work/shared/datasets/README.md. */
export const SHARED_DATASETS = {
  fiori: 'fiori-docs-minilm-384-cosine',
  siftsmall: 'siftsmall-128-euclidean',
  fashionMnist: 'fashion-mnist-784-euclidean',
  glove100k: 'glove-100-angular-100k',
} as const;

/** The repository root (this file is tools/datasets/src/paths.ts). */
export function repoRoot(): string {
  return resolve(__dirname, '..', '..', '..');
}

/** The directories sharedDatasetDir looks in for `name`, in order. */
export function sharedDatasetCandidates(name: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const candidates = [join(repoRoot(), '..', 'shared', 'datasets', name)];
  if (env.VECGRES_DATASETS_DIR) candidates.push(resolve(env.VECGRES_DATASETS_DIR, name));
  return candidates;
}

/**
 * `<repo>/../shared/datasets/<name>` if present, else `$VECGRES_DATASETS_DIR/<name>` if present,
 * else undefined (the dataset is not available on this machine).
 */
export function sharedDatasetDir(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return sharedDatasetCandidates(name, env).find((dir) => existsSync(dir));
}

/** A message for callers that need a shared dataset that is absent. */
export function missingDatasetMessage(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (
    `dataset '${name}' is not available: looked in ${sharedDatasetCandidates(name, env).join(', ')}. ` +
    `Set VECGRES_DATASETS_DIR to a directory containing '${name}/'.`
  );
}

/** `tools/datasets/fixtures/<name>` if that fixture exists in the checkout, else undefined. */
export function fixtureDir(name: string): string | undefined {
  const dir = join(repoRoot(), 'tools', 'datasets', 'fixtures', name);
  return existsSync(dir) ? dir : undefined;
}

// `npm run bench:ann [-- options]`: the ANN benchmark as a standalone program. Exit status 2
// when the dataset is not on this machine.
import { DatasetMissingError } from './dataset';
import { buildAnnCommand } from './command';

buildAnnCommand('bench-ann')
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof DatasetMissingError ? e.exitCode : 1);
  });

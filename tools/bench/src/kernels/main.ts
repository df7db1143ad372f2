// `npm run bench:kernels [-- options]`: the kernels benchmark as a standalone program.
import { buildKernelsCommand } from './command';

buildKernelsCommand('bench-kernels')
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });

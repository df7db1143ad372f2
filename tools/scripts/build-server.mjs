// `npm run build:server`: bundles apps/server into one plain-JS file, dist/server.cjs, so the
// server runs without tsx. tsx compiles each file with esbuild's keepNames (a `__name(fn, ...)`
// call per closure created) plus its loader hooks; the bundle has neither, which is a measurable
// part of a short query's cost (the wire bench's prepared top-k query).
//
// - @vecgres/* libraries are bundled (resolved through tsconfig.base.json's paths);
// - every other package stays an external require() from node_modules: libpg-query (WASM,
//   loads its own files), pino (worker-thread transports), commander, ...;
// - the native addon is found at run time by libs/native-bindings (require.resolve of
//   @vecgres/native-addon), which a CommonJS bundle keeps as a real require.
//
// Usage: node tools/scripts/build-server.mjs [--outfile dist/server.cjs]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argOut = process.argv.indexOf('--outfile');
const outfile = resolve(root, argOut > 0 ? process.argv[argOut + 1] : join('dist', 'server.cjs'));

/** Bare imports other than our own libraries are left to node's resolver at run time. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@vecgres/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const started = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'apps', 'server', 'src', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The node running the build is the node that runs the server: no down-levelling.
  target: `node${process.versions.node}`,
  tsconfig: join(root, 'tsconfig.base.json'),
  keepNames: false,
  minify: false,
  sourcemap: 'linked',
  plugins: [externalPackages],
  logLevel: 'warning',
  metafile: true,
});
const inputs = Object.keys(result.metafile.inputs).length;
process.stderr.write(`build:server: ${inputs} files -> ${outfile} in ${Date.now() - started} ms\n`);

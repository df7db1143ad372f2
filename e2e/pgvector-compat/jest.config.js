// pgvector compatibility suites: each spec starts real servers (vecgres, and the PGlite +
// pgvector oracle, whose WASM start takes 10-30 s), so files run one at a time with generous
// hook timeouts. The `pgvector` npm package is ESM-only: swc turns it into CommonJS for jest.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'pgvector-compat',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    ...preset.transform,
    '^.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!pgvector/)'],
  testTimeout: 60_000,
  maxWorkers: 1,
};

// Shared jest settings for every project: swc transpiles TypeScript (type checking is a
// separate `npm run typecheck` step that the test command runs first), and each run reports
// its counts to VECGRES_TEST_RESULTS (see tools/scripts/count-reporter.js).
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'node'],
  moduleNameMapper: {
    '^@vecgres/(.*)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  reporters: ['default', path.join(__dirname, 'tools/scripts/count-reporter.js')],
};

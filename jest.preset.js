// Shared jest settings for every project: swc transpiles TypeScript (type checking is a
// separate `npm run typecheck` step that the test command runs first; `@vecgres/*` imports
// resolve through the npm workspace links to each package's src/index.ts), and each run reports
// its counts to VECGRES_TEST_RESULTS (see tools/scripts/count-reporter.js).
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'node'],
  reporters: ['default', path.join(__dirname, 'tools/scripts/count-reporter.js')],
};

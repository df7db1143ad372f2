// sqllogictest suites: each spec starts real servers (a PostgreSQL cluster, vecgres processes),
// so files run one at a time and hooks get generous timeouts.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'sqllogic',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 30_000,
  maxWorkers: 1,
};

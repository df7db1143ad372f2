// End-to-end suite: every spec starts real server processes and talks to them over TCP, so
// files run one at a time (they would fight over the 2 cores and skew the RSS checks) and each
// test gets a generous timeout (server start-up through tsx takes seconds on a loaded machine).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'server-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
};

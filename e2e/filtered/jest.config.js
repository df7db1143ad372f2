// Filtered vector search acceptance suite (issue #7): every spec starts a real server process
// and talks to it over TCP, so files run one at a time (they share the 2 cores) with generous
// timeouts (server start-up through tsx and table loads take seconds on a loaded machine).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'filtered-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};

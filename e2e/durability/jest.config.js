// Durability acceptance suite: real server processes over one data directory, SIGKILLed and
// restarted; files run one at a time (they share the 2 cores and measure RSS / open times).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'durability-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
};

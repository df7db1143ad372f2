// A jest reporter that appends this run's pass/fail counts to a JSON-lines file, so the test
// command can print one `N passed, N failed` line summed over every project (CI reads that line,
// not jest's own summary). The file is named by VECGRES_TEST_RESULTS; without it, this is a no-op.
const fs = require('node:fs');

class CountReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const file = process.env.VECGRES_TEST_RESULTS;
    if (!file) return;
    const line = {
      project: this.rootDir,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.appendFileSync(file, JSON.stringify(line) + '\n');
  }
}

module.exports = CountReporter;

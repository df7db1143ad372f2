module.exports = { ...require('../../jest.preset.js'), displayName: 'pg-wire', rootDir: __dirname };

module.exports = { ...require('../../jest.preset.js'), displayName: 'pg-types', rootDir: __dirname };

module.exports = { ...require('../../jest.preset.js'), displayName: 'gen-sqlstate', rootDir: __dirname };

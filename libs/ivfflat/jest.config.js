module.exports = { ...require('../../jest.preset.js'), displayName: 'ivfflat', rootDir: __dirname };

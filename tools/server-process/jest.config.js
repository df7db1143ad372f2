module.exports = { ...require('../../jest.preset.js'), displayName: 'server-process', rootDir: __dirname };

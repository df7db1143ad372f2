module.exports = { ...require('../../jest.preset.js'), displayName: 'payload-index', rootDir: __dirname };

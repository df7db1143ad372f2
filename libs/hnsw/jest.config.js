module.exports = { ...require('../../jest.preset.js'), displayName: 'hnsw', rootDir: __dirname };

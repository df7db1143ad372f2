module.exports = { ...require('../../jest.preset.js'), displayName: 'native-bindings', rootDir: __dirname };

#!/usr/bin/env node
// The `vecgres` command: runs the TypeScript entry point through tsx (no build step).
'use strict';
const { register } = require('tsx/cjs/api');

register();
require('../src/main.ts');

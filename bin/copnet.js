#!/usr/bin/env node
// The `copnet` command: runs the compiled CLI (built by `npm ci` through the prepare script).
require('../dist/src/run-cli.js');

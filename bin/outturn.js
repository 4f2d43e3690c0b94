#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'main', 'cli', 'index.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('Outturn has not been built yet. Run `npm run build` in ' + path.join(__dirname, '..') + ' first.\n');
  process.exit(2);
}
require(entry).cliMain();

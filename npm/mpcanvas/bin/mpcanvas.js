#!/usr/bin/env node
'use strict';
// `npx mpcanvas …`: runs this platform's binary with the same arguments,
// standard streams and exit code.
const { spawnSync } = require('node:child_process');
const { binaryPath } = require('../lib/binary.js');

let bin;
try {
  bin = binaryPath();
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
const r = spawnSync(bin, process.argv.slice(2), { stdio: 'inherit' });
if (r.error) {
  console.error(`mpcanvas: cannot start ${bin}: ${r.error.message}`);
  process.exit(2);
}
// A signal ends this process the same way.
if (r.signal) process.kill(process.pid, r.signal);
process.exit(r.status ?? 1);

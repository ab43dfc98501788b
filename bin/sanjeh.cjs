#!/usr/bin/env node
// `npx sanjeh …` must work right after `npm ci` even where the system Node is older than 24
// (these machines ship Node 20). The pinned Node 24 lives in node_modules/node (the npm package
// `node`); when we are not already on it, re-run the real entry point (services/main.ts) with it.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { spawn } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'services', 'main.ts');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  import(require('node:url').pathToFileURL(entry).href).catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  const pinned = [path.join(root, 'node_modules', 'node', 'bin', 'node'), path.join(root, 'node_modules', '.bin', 'node')]
    .find((p) => fs.existsSync(p));
  if (!pinned) {
    console.error(`sanjeh needs Node 24; found ${process.version} and no node_modules/node. Run \`npm ci\` first.`);
    process.exit(1);
  }
  const child = spawn(pinned, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
}

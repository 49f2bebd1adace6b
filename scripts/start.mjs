#!/usr/bin/env node
// `npm start`: build, then open the desktop app. Where the Electron binary is not installed and
// cannot be fetched (an offline machine), say so in one line and serve browser mode instead.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary() {
  // Resolve the path without require('electron'), which would try to download the binary.
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function run(cmd, args) {
  return spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
}

function browserMode(reason) {
  console.log(`${reason} Starting browser mode instead.`);
  const child = spawn(process.execPath, ['out/main/web.js', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (!run('npx', ['electron-vite', 'build'])) process.exit(1);

let binary = electronBinary();
if (!binary) {
  // Give Electron's own installer one chance (it downloads the binary on a connected machine).
  const fetched = spawnSync(process.execPath, [join(dirname(require.resolve('electron/package.json')), 'install.js')], { stdio: 'ignore' });
  binary = fetched.status === 0 ? electronBinary() : null;
}

if (!binary) {
  browserMode('Electron cannot start here: its binary is not installed and could not be downloaded.');
} else if (!run(process.execPath, ['scripts/native.mjs', 'ensure-electron'])) {
  browserMode('Electron cannot start here: better-sqlite3 could not be built for Electron.');
} else {
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => {
    // Leave the Node build in place so `npm test` works right after closing the app.
    spawnSync(process.execPath, ['scripts/native.mjs', 'ensure-node'], { stdio: 'inherit' });
    process.exit(code ?? 0);
  });
}

#!/usr/bin/env node
// better-sqlite3 is a native module: tests run it under Node, the desktop app under Electron, and
// the two need different builds (different ABIs). This script switches between them explicitly
// and verifies the result, because (TOOLCHAIN.md) an Electron rebuild here can report success
// while producing a Node build, or fail and delete build/Release.
//   node scripts/native.mjs ensure-node       before tests
//   node scripts/native.mjs ensure-electron   before starting or packaging the desktop app
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
const binary = join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
const keep = (abi) => join(pkgDir, 'build', `abi-${abi}`, 'better_sqlite3.node');

const nodeAbi = process.versions.modules;
const electronAbi = readFileSync(require.resolve('electron/abi_version'), 'utf8').trim();
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

function abiOf(file) {
  if (!existsSync(file)) return null;
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'));
  return match ? match[1] : null;
}

function stash(abi) {
  mkdirSync(dirname(keep(abi)), { recursive: true });
  copyFileSync(binary, keep(abi));
}

function restore(abi) {
  if (abiOf(keep(abi)) !== abi) return false;
  mkdirSync(dirname(binary), { recursive: true });
  copyFileSync(keep(abi), binary);
  return true;
}

function loadsInNode() {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], { cwd: process.cwd() });
  return r.status === 0;
}

function fail(message) {
  console.error(`native: ${message}`);
  process.exit(1);
}

function ensureNode() {
  if (abiOf(binary) === nodeAbi && loadsInNode()) return console.log(`native: better-sqlite3 is built for Node (ABI ${nodeAbi}).`);
  if (abiOf(binary) === electronAbi) stash(electronAbi);
  if (restore(nodeAbi) && loadsInNode()) return console.log('native: restored the Node build of better-sqlite3.');
  console.log('native: building better-sqlite3 for Node from source (about a minute)…');
  const r = spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
  if (r.status !== 0 || !loadsInNode()) fail('could not build better-sqlite3 for Node; see the output above.');
  stash(nodeAbi);
  console.log(`native: better-sqlite3 is built for Node (ABI ${nodeAbi}).`);
}

function ensureElectron() {
  if (abiOf(binary) === electronAbi) return console.log(`native: better-sqlite3 is built for Electron ${electronVersion} (ABI ${electronAbi}).`);
  if (abiOf(binary) === nodeAbi) stash(nodeAbi);
  if (restore(electronAbi)) return console.log('native: restored the Electron build of better-sqlite3.');
  console.log(`native: rebuilding better-sqlite3 for Electron ${electronVersion} (needs Electron's headers from the internet)…`);
  // npm's nodedir setting on these machines makes the rebuild silently target Node; drop it.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  const r = spawnSync(join('node_modules', '.bin', 'electron-rebuild'), ['-f', '-w', 'better-sqlite3', '-v', electronVersion], { stdio: 'inherit', env });
  if (r.status !== 0 || abiOf(binary) !== electronAbi) {
    restore(nodeAbi);
    fail(`could not build better-sqlite3 for Electron ${electronVersion} (ABI ${electronAbi}); the Node build was restored.`);
  }
  stash(electronAbi);
  console.log(`native: better-sqlite3 is built for Electron (ABI ${electronAbi}).`);
}

const command = process.argv[2];
if (command === 'ensure-node') ensureNode();
else if (command === 'ensure-electron') ensureElectron();
else fail('usage: node scripts/native.mjs ensure-node | ensure-electron');

#!/usr/bin/env node
// `npm run package`: build installers with electron-builder on a connected machine.
// better-sqlite3 is switched to the Electron build first (verified), and back to Node afterwards.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;

let ok = run(process.execPath, ['scripts/native.mjs', 'ensure-electron']) && run('npx', ['electron-vite', 'build']);
if (ok) ok = run('npx', ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
run(process.execPath, ['scripts/native.mjs', 'ensure-node']);
process.exit(ok ? 0 : 1);

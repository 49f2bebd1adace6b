#!/usr/bin/env node
// `npm test`: every check CI relies on, in order, then one plain line `N passed, N failed`
// counted from the runners' own JSON reports (CI reads that line; Vitest's and Playwright's
// summaries are not known to it). The exit status is non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
for (const f of ['reports/vitest.json', 'reports/playwright.json']) rmSync(f, { force: true });

const steps = [
  ['native module for Node', 'node', ['scripts/native.mjs', 'ensure-node']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', 'src', 'tests', 'scripts', 'bench']],
  ['unit and data tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/vitest.json']],
  ['electron security scan', 'node', ['scripts/electronegativity.mjs']],
  ['build', 'npx', ['electron-vite', 'build']],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
];

const failedSteps = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    failedSteps.push(name);
    // Without a build there is nothing for the browser tests to run against.
    if (name === 'build') break;
  }
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
const pw = readJson('reports/playwright.json');
if (pw) {
  passed += pw.stats.expected + pw.stats.flaky;
  failed += pw.stats.unexpected;
  skipped += pw.stats.skipped;
}
// A step that failed outside the runners (typecheck, lint, build) counts as one failure.
const runnerSteps = new Set(['unit and data tests', 'end-to-end tests']);
failed += failedSteps.filter((s) => !runnerSteps.has(s)).length;
if (failedSteps.includes('unit and data tests') && !vitest) failed += 1;
if (failedSteps.includes('end-to-end tests') && !pw) failed += 1;

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\ntotal: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length || failed ? 1 : 0);

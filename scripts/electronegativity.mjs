#!/usr/bin/env node
// Electron security scan for `npm test`: runs Doyensec's electronegativity over src/ and fails on
// any finding that SECURITY.md does not list as justified. Electronegativity exits 0 whatever it
// finds (and offline it cannot fetch Electron's releases, hence `-e`), so this reads its report.
// SARIF, not CSV: electronegativity writes the CSV's header and body with two concurrent
// writeFile calls, and the race garbled the file now and then (a flaky `npm test`).
//
// A justified finding is one line in SECURITY.md:  - justified: CHECK_NAME path/to/file:line — reason
// The line must match exactly: when code moves, the entry is reviewed again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ELECTRON_VERSION = '45.4.1';
const OUTPUT = 'reports/electronegativity.sarif';

function readJustified(markdown) {
  const entries = [];
  for (const line of markdown.split('\n')) {
    const m = /^\s*-\s*justified:\s*([A-Z0-9_]+)\s+(\S+):(\d+)\s+—\s+(.+)$/.exec(line);
    if (m) entries.push({ check: m[1], file: m[2], line: Number(m[3]), reason: m[4].trim() });
  }
  return entries;
}

function main() {
  mkdirSync('reports', { recursive: true });
  rmSync(OUTPUT, { force: true });
  const run = spawnSync('npx', ['electronegativity', '-i', 'src', '-e', ELECTRON_VERSION, '-o', OUTPUT], { encoding: 'utf8' });
  if (!existsSync(OUTPUT)) {
    console.error(`electronegativity wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(OUTPUT, 'utf8'));
  const justified = readJustified(existsSync('SECURITY.md') ? readFileSync('SECURITY.md', 'utf8') : '');
  const findings = (report.runs?.[0]?.results ?? []).map((r) => {
    const where = r.locations?.[0]?.physicalLocation ?? {};
    const uri = String(where.artifactLocation?.uri ?? '');
    const path = uri.startsWith('file://') ? fileURLToPath(uri) : uri;
    return {
      check: r.ruleId,
      level: r.level,
      file: path === '' || path === '/' ? 'N/A' : relative(process.cwd(), path).split(sep).join('/'),
      line: Number(where.region?.startLine),
      message: String(r.message?.text ?? ''),
    };
  });
  const open = findings.filter((f) => !justified.some((j) => j.check === f.check && j.file === f.file && j.line === f.line));
  const stale = justified.filter((j) => !findings.some((f) => j.check === f.check && j.file === f.file && j.line === f.line));

  console.log(`electronegativity: ${findings.length} finding(s), ${findings.length - open.length} justified in SECURITY.md`);
  for (const f of open) {
    const moved = justified.find((j) => j.check === f.check && j.file === f.file);
    console.error(`  NOT JUSTIFIED ${f.check} (${f.level}) ${f.file}:${f.line} ${f.message.slice(0, 100)}`);
    if (moved) console.error(`    SECURITY.md justifies it at line ${moved.line}: if the code only moved, review and update the line there`);
  }
  for (const j of stale) console.log(`  note: SECURITY.md justifies ${j.check} ${j.file}:${j.line}, which is no longer reported`);
  process.exit(open.length > 0 ? 1 : 0);
}

main();

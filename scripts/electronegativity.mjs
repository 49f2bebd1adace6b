#!/usr/bin/env node
// Electron security scan for `npm test`: runs Doyensec's electronegativity over src/ and fails on
// any finding that SECURITY.md does not list as justified. Electronegativity exits 0 whatever it
// finds (and offline it cannot fetch Electron's releases, hence `-e`), so this reads its CSV.
//
// A justified finding is one line in SECURITY.md:  - justified: CHECK_NAME path/to/file:line — reason
// The line must match exactly: when code moves, the entry is reviewed again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative, sep } from 'node:path';

const ELECTRON_VERSION = '45.4.1';
const OUTPUT = 'reports/electronegativity.csv';

/** RFC 4180 fields: quoted fields may hold commas, quotes (doubled) and newlines. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field.trim());
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field.trim());
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

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
  const [header, ...records] = parseCsv(readFileSync(OUTPUT, 'utf8'));
  const col = (name) => header.findIndex((h) => h.toLowerCase() === name);
  const [iIssue, iSeverity, iFile, iLocation, iSample] = ['issue', 'severity', 'filename', 'location', 'sample'].map(col);
  if ([iIssue, iFile, iLocation].some((i) => i < 0)) {
    console.error(`Unexpected electronegativity report header: ${header.join(', ')}`);
    process.exit(1);
  }
  const justified = readJustified(existsSync('SECURITY.md') ? readFileSync('SECURITY.md', 'utf8') : '');
  const findings = records.map((r) => ({
    check: r[iIssue],
    severity: r[iSeverity],
    file: relative(process.cwd(), r[iFile]).split(sep).join('/'),
    line: Number(String(r[iLocation]).split(':')[0]),
    sample: r[iSample] ?? '',
  }));
  const open = findings.filter((f) => !justified.some((j) => j.check === f.check && j.file === f.file && j.line === f.line));
  const stale = justified.filter((j) => !findings.some((f) => j.check === f.check && j.file === f.file && j.line === f.line));

  console.log(`electronegativity: ${findings.length} finding(s), ${findings.length - open.length} justified in SECURITY.md`);
  for (const f of open) {
    const moved = justified.find((j) => j.check === f.check && j.file === f.file);
    console.error(`  NOT JUSTIFIED ${f.check} (${f.severity}) ${f.file}:${f.line} ${f.sample.slice(0, 100)}`);
    if (moved) console.error(`    SECURITY.md justifies it at line ${moved.line}: if the code only moved, review and update the line there`);
  }
  for (const j of stale) console.log(`  note: SECURITY.md justifies ${j.check} ${j.file}:${j.line}, which is no longer reported`);
  process.exit(open.length > 0 ? 1 : 0);
}

main();

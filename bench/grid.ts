/**
 * The grid against its targets, measured in Chromium against browser mode (the built app): a
 * 10,000-vehicle case opens to a usable grid (first rows shown, a cell focusable), and a pasted
 * block of 1,000 rows is saved (the indicator says so). Medians of RUNS runs. Needs
 * `npx electron-vite build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import type { BenchResult } from './result';

const RUNS = 5;
/**
 * Browser code that resolves once `selector` matches, checked on every animation frame.
 * page.waitForSelector polls with backoff (20, 50, 100, 100, then every 500 ms), which added up to
 * half a second to a timing depending on when the element appeared, so medians jumped between
 * ~0.6 s and ~1.1 s for one build. (A string: the page's CSP refuses waitForFunction's eval.)
 */
const present = (selector: string) => `new Promise((resolve) => {
  const check = () => (document.querySelector(${JSON.stringify(selector)}) ? resolve(true) : requestAnimationFrame(check));
  check();
})`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/main/web.js', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TAMGA_DATA_DIR: dataDir },
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tamga browser mode: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

async function api(origin: string, token: string, method: string, args: unknown): Promise<unknown> {
  const res = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Tamga-Token': token },
    body: JSON.stringify(args),
  });
  const reply = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/** Dispatches a paste event carrying `text`, as Ctrl+V does (browser code as a string: node's tsconfig has no DOM types). */
function pasteScript(text: string): string {
  return `(() => {
    const grid = document.querySelector('[role="grid"]');
    grid.focus();
    const transfer = new DataTransfer();
    transfer.setData('text/plain', ${JSON.stringify(text)});
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  })()`;
}

function vehicle(i: number): Record<string, unknown> {
  return { id: `B${i}`, category: 'M1', propulsion: i % 7 === 0 ? 'electric' : 'ice', engineCc: 1000 + (i % 3000), make: 'Lada', model: 'Vesta' };
}

export async function benchGrid(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tamga-bench-grid-'));
  const server = await startServer(dataDir);
  const url = new URL(server.url);
  const token = url.searchParams.get('token') ?? '';
  const browser = await chromium.launch({
    executablePath: process.env.TAMGA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const client = (await api(url.origin, token, 'clients.save', { kind: 'company', name: 'Bench LLP', country: 'RU', taxId: '7707083893' })) as { id: number };
    const big = (await api(url.origin, token, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-03-01' })) as { id: number };
    const changes = Array.from({ length: 10_000 }, (_, i) => ({ op: 'upsert', position: i + 1, record: vehicle(i) }));
    await api(url.origin, token, 'vehicles.apply', { caseId: big.id, changes });
    // Each run opens in a fresh page (a new window: nothing the renderer caches, such as the rate
    // data, carries over) and pastes into a fresh empty case, as a broker's first open and paste do.
    const openTimes: number[] = [];
    const pasteTimes: number[] = [];
    const block = Array.from({ length: 1000 }, (_, i) => [`P${i}`, '', 'Lada', 'Vesta', 'М1', 'бензин', `${1000 + i}`].join('\t')).join('\r\n');
    for (let run = 0; run < RUNS; run++) {
      const empty = (await api(url.origin, token, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-03-01' })) as { id: number };
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${server.url}#/settings`);
      await page.waitForSelector('.frame');

      // Open: from navigation to a usable grid (first row drawn, the grid takes focus).
      const openStart = Date.now();
      await page.evaluate(`window.location.hash = '#/cases/${big.id}'`);
      await page.evaluate(present('#grid-cell-0-4'));
      await page.locator('[role="grid"]').focus();
      await page.waitForFunction(`document.activeElement?.getAttribute('role') === 'grid'`);
      openTimes.push(Date.now() - openStart);

      await page.evaluate(`window.location.hash = '#/cases/${empty.id}'`);
      await page.waitForSelector('#grid-cell-0-4');
      const pasteStart = Date.now();
      await page.evaluate(pasteScript(block));
      await page.evaluate(present('[data-save="saving"], [data-save="pending"]'));
      await page.evaluate(present('[data-save="saved"]'));
      pasteTimes.push(Date.now() - pasteStart);
      await page.close();
    }
    const openMs = median(openTimes);
    const pasteMs = median(pasteTimes);
    console.log(`grid runs — open: ${openTimes.join(', ')} ms; paste: ${pasteTimes.join(', ')} ms`);

    return [
      { name: 'grid: open a 10,000-vehicle case to a usable grid', value: openMs, unit: 'ms', target: 1000, better: 'lower' },
      { name: 'grid: paste 1,000 rows until saved', value: pasteMs, unit: 'ms', target: 1000, better: 'lower' },
    ];
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchGrid()) console.log(`${r.name}: ${r.value.toLocaleString('en')} ${r.unit} (target ≤ ${r.target.toLocaleString('en')})`);
}

/**
 * A Playwright fixture that starts the real browser-mode server (the built out/main/web.js) on a
 * free port with a throwaway data folder, as Element Desktop does with a profile per test.
 * `app.url` carries the token, exactly as a broker would get it printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

export interface RunningApp {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** stops the server and starts a new one on the same data folder */
  restart(): Promise<void>;
  /** what the running server has printed so far (stdout and stderr) */
  log(): string;
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; log: () => string }> {
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
        resolve({ child, url: match[1]!, log: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ app: RunningApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tamga-e2e-'));
    let server = await startServer(dataDir);
    const describe = (url: string) => {
      const parsed = new URL(url);
      return { url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '' };
    };
    const app: RunningApp = {
      ...describe(server.url),
      dataDir,
      log: () => server.log(),
      restart: async () => {
        await stop(server.child);
        server = await startServer(dataDir);
        Object.assign(app, describe(server.url));
      },
    };
    await use(app);
    await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

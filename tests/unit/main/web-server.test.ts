import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/main/backend';
import { startWebServer, type RunningWebServer } from '../../../src/main/web/server';
import { useTempDir } from '../../helpers/tmp';

const tempDir = useTempDir();
let backend: Backend | undefined;
let web: RunningWebServer | undefined;

afterEach(async () => {
  await web?.close();
  backend?.close();
  web = undefined;
  backend = undefined;
});

async function start(): Promise<RunningWebServer> {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Tamga</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
  backend = await createBackend({ dataDir: join(dir, 'data'), mode: 'browser', logger: { error: () => undefined } });
  web = await startWebServer({ registry: backend.registry, rendererDir });
  return web;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so the test controls Host and Origin the way a hostile page or rebinding attack would. */
function send(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

function apiCall(w: RunningWebServer, method: string, args: unknown, headers: Record<string, string> = {}) {
  return send(w.port, `/api/${method}`, {
    method: 'POST',
    headers: { host: `127.0.0.1:${w.port}`, 'content-type': 'application/json', 'x-tamga-token': w.token, ...headers },
    body: JSON.stringify(args),
  });
}

describe('browser mode server', () => {
  it('listens on loopback only and prints a URL carrying the token', async () => {
    const w = await start();
    expect(w.url).toBe(`http://127.0.0.1:${w.port}/?token=${w.token}`);
    expect(w.token.length).toBeGreaterThanOrEqual(32);
    expect((w.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('serves the API with the token and refuses it without, with a wrong one, or from a foreign origin', async () => {
    const w = await start();
    const ok = await apiCall(w, 'profile.get', {});
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: null });

    const noToken = await apiCall(w, 'profile.get', {}, { 'x-tamga-token': '' });
    expect(noToken.status).toBe(403);
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const wrong = await apiCall(w, 'profile.get', {}, { 'x-tamga-token': 'x'.repeat(w.token.length) });
    expect(wrong.status).toBe(403);

    const foreign = await apiCall(w, 'profile.get', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);

    const rebinding = await apiCall(w, 'profile.get', {}, { host: `evil.example:${w.port}` });
    expect(rebinding.status).toBe(403);
  });

  it('answers malformed calls with typed errors and never changes data', async () => {
    const w = await start();
    const badJson = await send(w.port, '/api/profile.save', {
      method: 'POST',
      headers: { host: `127.0.0.1:${w.port}`, 'content-type': 'application/json', 'x-tamga-token': w.token },
      body: '{"brokerName": ',
    });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });

    const badArgs = await apiCall(w, 'profile.save', { brokerName: 42 });
    expect(JSON.parse(badArgs.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });

    const unknown = await apiCall(w, 'db.exec', { sql: 'DROP TABLE profile' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });

    const get = await send(w.port, '/api/profile.get', { headers: { host: `127.0.0.1:${w.port}` } });
    expect(get.status).toBe(405);
    expect(JSON.parse((await apiCall(w, 'profile.get', {})).body)).toEqual({ ok: true, value: null });
  });

  it('serves the renderer with a strict CSP and no path traversal', async () => {
    const w = await start();
    const page = await send(w.port, '/', { headers: { host: `localhost:${w.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Tamga</title>');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');

    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await send(w.port, path, { headers: { host: `127.0.0.1:${w.port}` } });
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('outside the renderer folder');
    }
  });
});

/**
 * Browser mode: the same API as the Electron window, served over loopback HTTP, plus the built
 * renderer as static files. `POST /api/<method>` with the JSON argument as the body and the
 * per-run token in `X-Tamga-Token`; the answer is the contract's `ApiResponse` JSON.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiRegistry } from '../api/registry';
import { MAX_UPLOAD_BYTES, TransferStore, UploadTooLargeError } from '../io/transfers';
import { isAllowedHost, isAllowedOrigin, SECURITY_HEADERS, tokenMatches } from './security';

export const TOKEN_HEADER = 'x-tamga-token';
/** Large enough for a pasted batch of tens of thousands of vehicles, small enough to refuse abuse. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface WebServerOptions {
  registry: ApiRegistry;
  rendererDir: string;
  port?: number;
  token?: string;
  /** uploads and downloads; by default the store in the backend's data folder (from app.info) */
  transfers?: TransferStore;
}

export interface RunningWebServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function refuse(res: ServerResponse, status: number, code: 'forbidden' | 'invalid-argument' | 'unknown-method', message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export const FILENAME_HEADER = 'x-tamga-filename';
const DOWNLOAD_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * `POST /upload`: the raw file as the body, its name (URI-encoded) in `X-Tamga-Filename`, same
 * token and Origin rules as the API. `GET /download/<id>?token=…`: a file the API prepared, as an
 * attachment (a link cannot send a header, hence the token in the query).
 */
async function serveTransfer(req: IncomingMessage, res: ServerResponse, url: URL, store: TransferStore, token: string, port: number): Promise<void> {
  if (url.pathname === '/upload') {
    if (req.method !== 'POST') return refuse(res, 405, 'forbidden', 'Use POST');
    if (!isAllowedOrigin(req.headers.origin, port)) return refuse(res, 403, 'forbidden', 'Origin not allowed');
    const given = req.headers[TOKEN_HEADER];
    if (!tokenMatches(Array.isArray(given) ? given[0] : given, token)) return refuse(res, 403, 'forbidden', 'Missing or wrong token');
    const rawName = req.headers[FILENAME_HEADER];
    let name: string;
    try {
      name = decodeURIComponent(Array.isArray(rawName) ? (rawName[0] ?? '') : (rawName ?? ''));
    } catch {
      return refuse(res, 400, 'invalid-argument', 'X-Tamga-Filename must be URI-encoded');
    }
    if (name.trim() === '') return refuse(res, 400, 'invalid-argument', 'X-Tamga-Filename is required');
    if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) return refuse(res, 413, 'invalid-argument', 'File too large');
    try {
      const file = await store.receive(name, req);
      return sendJson(res, 200, { ok: true, value: { fileId: file.id, fileName: file.name } });
    } catch (e) {
      if (e instanceof UploadTooLargeError) return refuse(res, 413, 'invalid-argument', e.message);
      throw e;
    }
  }
  if (req.method !== 'GET') return refuse(res, 405, 'forbidden', 'Use GET');
  if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) return refuse(res, 403, 'forbidden', 'Missing or wrong token');
  const file = await store.get(url.pathname.slice('/download/'.length));
  if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  const info = await stat(file.path);
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': DOWNLOAD_TYPES[extname(file.name).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  });
  await new Promise<void>((done, fail) => {
    createReadStream(file.path).on('error', fail).on('end', done).pipe(res);
  });
}

async function serveStatic(res: ServerResponse, rendererDir: string, urlPath: string): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
  }
  const root = resolve(rendererDir);
  const relative = decoded === '/' ? 'index.html' : normalize(decoded).replace(/^([/\\])+/, '');
  const file = resolve(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  try {
    const info = await stat(file);
    if (!info.isFile()) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    send(res, 200, await readFile(file), MIME[extname(file).toLowerCase()] ?? 'application/octet-stream');
  } catch {
    send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  }
}

export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  let transfers: TransferStore | null = options.transfers ?? null;
  const transferStore = async (): Promise<TransferStore> => {
    if (transfers) return transfers;
    const info = await options.registry.dispatch('app.info', {});
    if (!info.ok) throw new Error('app.info failed');
    return (transfers = new TransferStore((info.value as { dataDir: string }).dataDir));
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (!isAllowedHost(req.headers.host, port)) return refuse(res, 403, 'forbidden', 'Host not allowed');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, 'forbidden', 'Use POST');
        if (!isAllowedOrigin(req.headers.origin, port)) return refuse(res, 403, 'forbidden', 'Origin not allowed');
        const given = req.headers[TOKEN_HEADER];
        if (!tokenMatches(Array.isArray(given) ? given[0] : given, token)) {
          return refuse(res, 403, 'forbidden', 'Missing or wrong token');
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuse(res, 415, 'invalid-argument', 'Content-Type must be application/json');
        }
        const body = await readBody(req);
        if (body === null) return refuse(res, 413, 'invalid-argument', 'Request body too large');
        let args: unknown;
        try {
          args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
        } catch {
          return refuse(res, 400, 'invalid-argument', 'Body is not valid JSON');
        }
        const method = url.pathname.slice('/api/'.length);
        const response = await options.registry.dispatch(method, args);
        return sendJson(res, 200, response);
      }

      if (url.pathname === '/upload' || url.pathname.startsWith('/download/')) {
        return await serveTransfer(req, res, url, await transferStore(), token, port);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'forbidden', 'Method not allowed');
      await serveStatic(res, options.rendererDir, url.pathname);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain; charset=utf-8');
      else res.destroy();
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive connections would otherwise hold the server open until they time out.
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

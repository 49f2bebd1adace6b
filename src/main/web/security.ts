/**
 * The rules that keep browser mode from becoming a hole. The server listens on 127.0.0.1 only,
 * but that alone is not enough: any web page the broker visits can send requests to localhost,
 * and DNS rebinding can make a hostile name resolve to 127.0.0.1. So every API call must carry
 * the per-run token (which only the printed URL reveals), the Host header must name this server,
 * and a present Origin must be this server's own.
 */
import { timingSafeEqual } from 'node:crypto';
import { STATEMENT_STYLE_CSP_SOURCE } from '../statements/render';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The statement preview (an iframe srcdoc) inherits this policy; its one stylesheet is allowed
  // by hash, so no inline style is ever allowed in general.
  `style-src 'self' ${STATEMENT_STYLE_CSP_SOURCE}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

/** Browsers send Origin on cross-origin requests; a same-origin fetch may omit it. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

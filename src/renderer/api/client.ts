/**
 * The one way the renderer reaches the backend. In Electron the preload has put the contract's
 * methods on `window.tamga`; in browser mode the same methods are `POST /api/<method>` on the
 * loopback server that served this page, authorised by the per-run token from the launch URL.
 *
 * `call` never throws: a missing bridge, a dropped connection, a non-JSON reply or a reply that
 * does not match the contract all become `{ ok: false, error: { code: 'internal', … } }`, so every
 * screen handles exactly one shape of failure.
 */
import {
  contract,
  type ApiResponse,
  type ArgsOf,
  type MethodName,
  type ResultOf,
  type TamgaApi,
} from '../../core/api/contract';

declare global {
  interface Window {
    /** Present in the Electron window only (the preload's contextBridge); absent in a browser. */
    tamga?: TamgaApi;
  }
}

const TOKEN_PARAM = 'token';
const TOKEN_STORAGE_KEY = 'tamga.token';
const TOKEN_HEADER = 'X-Tamga-Token';

/**
 * Moves the browser-mode token from the address bar into sessionStorage (as Jupyter does), so it
 * is not left in the history, a bookmark or a screenshot. sessionStorage keeps it across reloads
 * of this tab and forgets it when the tab closes. Call once, before the first render.
 */
export function captureLaunchToken(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get(TOKEN_PARAM);
  if (token === null) return;
  try {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage can be disabled by browser policy; the token then lives only for this page load.
    memoryToken = token;
  }
  url.searchParams.delete(TOKEN_PARAM);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

let memoryToken: string | null = null;

function storedToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

function failure(message: string): { ok: false; error: { code: 'internal'; message: string } } {
  return { ok: false, error: { code: 'internal', message } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isResponseEnvelope(value: unknown): value is ApiResponse<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/**
 * Checks a reply against the contract, so a backend of another version fails here, with a
 * message naming the method, instead of deep inside a screen.
 */
function checked<M extends MethodName>(method: M, reply: unknown): ApiResponse<ResultOf<M>> {
  if (!isResponseEnvelope(reply)) return failure(`${method}: reply is not an ApiResponse`);
  if (!reply.ok) return reply;
  const parsed = contract[method].result.safeParse(reply.value);
  if (!parsed.success) return failure(`${method}: reply does not match the contract`);
  return { ok: true, value: parsed.data as ResultOf<M> };
}

async function overHttp(method: MethodName, args: unknown): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = storedToken();
  if (token !== null) headers[TOKEN_HEADER] = token;
  const response = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(args),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  // Refusals (403, 413, …) still carry an ApiResponse body; only a body that is not JSON is odd.
  try {
    return await response.json();
  } catch {
    return failure(`${method}: HTTP ${response.status} without a JSON body`);
  }
}

export async function call<M extends MethodName>(
  method: M,
  args: ArgsOf<M>,
): Promise<ApiResponse<ResultOf<M>>> {
  try {
    const bridge = window.tamga;
    const reply: unknown = bridge
      ? await (bridge[method] as (a: ArgsOf<M>) => Promise<unknown>)(args)
      : await overHttp(method, args);
    return checked(method, reply);
  } catch (error) {
    return failure(`${method}: ${describe(error)}`);
  }
}

import { expect } from 'vitest';
import type { ApiResponse } from '../../../src/core/api/contract';
import { createBackend, type Backend } from '../../../src/main/backend';

export const quiet = { error: () => undefined };

/** A KZ passenger car as the fee tests use it: 756 875 tenge on 2026-06-01. */
export const kzCar = { category: 'M1', propulsion: 'ice', engineCc: 1598, make: 'Lada', model: 'Vesta' };

/** Valid numbers built from their check digits (see identifiers.test.ts). */
export const KZ_IIN = '900101300007';

export async function backendIn(dir: string): Promise<Backend> {
  return createBackend({ dataDir: dir, mode: 'browser', logger: quiet });
}

/** Dispatches through the registry as the renderer does and returns the value, failing the test on an error. */
export async function call<T = unknown>(backend: Backend, method: string, args: unknown): Promise<T> {
  const response = (await backend.registry.dispatch(method, args)) as ApiResponse<T>;
  if (!response.ok) expect.fail(`${method} failed: ${JSON.stringify(response.error)}`);
  return response.value;
}

export async function callError(backend: Backend, method: string, args: unknown): Promise<{ code: string; message: string; issues?: { field: string; code: string }[] }> {
  const response = await backend.registry.dispatch(method, args);
  if (response.ok) expect.fail(`${method} unexpectedly succeeded`);
  return response.error;
}

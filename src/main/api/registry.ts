/**
 * Serves the API contract: each method registered once, every argument validated against the
 * contract's schema before a handler sees it, every outcome a value (`{ ok, value | error }`).
 * The Electron IPC layer and the browser-mode HTTP server both dispatch through this one class,
 * so the two transports cannot drift apart in validation or error shape.
 */
import type { z } from 'zod';
import {
  contract,
  methodNames,
  type ApiIssue,
  type ApiResponse,
  type Contract,
  type MethodName,
  type ResultOf,
} from '../../core/api/contract';
import { AppError } from './errors';

export type Handler<M extends MethodName> = (args: z.output<Contract[M]['args']>) => ResultOf<M> | Promise<ResultOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export interface Logger {
  error(message: string, error?: unknown): void;
}

function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function zodIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: issue.code === 'custom' ? String(issue.message) : issue.code,
    message: issue.message,
  }));
}

export class ApiRegistry {
  private readonly handlers = new Map<MethodName, Handler<MethodName>>();

  constructor(private readonly logger: Logger = console) {}

  register<M extends MethodName>(name: M, handler: Handler<M>): void {
    if (!isMethodName(name)) throw new Error(`API method "${String(name)}" is not in the contract`);
    if (this.handlers.has(name)) throw new Error(`API method "${name}" is registered twice`);
    this.handlers.set(name, handler as unknown as Handler<MethodName>);
  }

  registerAll(handlers: Handlers): void {
    for (const name of methodNames) this.register(name, handlers[name] as Handler<typeof name>);
    this.assertComplete();
  }

  /** Start-up check: a contract method without a handler is a programming error, caught at once. */
  assertComplete(): void {
    const missing = methodNames.filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new Error(`API methods without a handler: ${missing.join(', ')}`);
  }

  get names(): MethodName[] {
    return [...this.handlers.keys()];
  }

  async dispatch(name: unknown, rawArgs: unknown): Promise<ApiResponse<unknown>> {
    if (typeof name !== 'string' || !isMethodName(name) || !this.handlers.has(name)) {
      return { ok: false, error: { code: 'unknown-method', message: `Unknown API method: ${String(name).slice(0, 100)}` } };
    }
    const parsed = contract[name].args.safeParse(rawArgs);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid-argument', message: `Invalid arguments for ${name}`, issues: zodIssues(parsed.error) },
      };
    }
    try {
      const handler = this.handlers.get(name)!;
      const value = await handler(parsed.data as never);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
      }
      this.logger.error(`API method ${name} failed`, error);
      return { ok: false, error: { code: 'internal', message: 'Internal error; see the application log.' } };
    }
  }
}

import type { ApiIssue, ErrorCode } from '../../core/api/contract';

/** A failure a handler means to report to the caller, as a value with a code the UI can act on. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Errors a use case raises on purpose; the CLI and the API turn them into exit codes and statuses. */
export type AppErrorCode = 'BAD_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNSUPPORTED_FORMAT' | 'LOCKED' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'RATE_LIMITED';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function httpStatus(code: AppErrorCode): number {
  switch (code) {
    case 'BAD_INPUT':
    case 'UNSUPPORTED_FORMAT':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'LOCKED':
      return 409;
    case 'RATE_LIMITED':
      return 429;
  }
}

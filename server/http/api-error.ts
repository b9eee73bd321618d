import type { ErrorCode, FieldIssue } from '../../src/contract/index.js';
import type { core } from 'zod/mini';

/** An error the client caused or should know about; anything else becomes a 500 with no details. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found`);

export function issuesOf(error: core.$ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
}

export function validationError(where: 'body' | 'query' | 'path', error: core.$ZodError): ApiError {
  const issues = issuesOf(error);
  const fields = [...new Set(issues.map((i) => i.path || where))].join(', ');
  return new ApiError(400, 'validation_failed', `The request ${where} is invalid: ${fields}`, issues);
}

import type { HTTPError } from 'ky';
import { validateErrorBody } from '../contract/generated/validators.js';
import { MemorialHttpError } from './errors.js';
import { retryAfterSeconds } from './retry-policy.js';

/** Codes for error responses that did not come from our server (a proxy's or gateway's page). */
const FALLBACK_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

export { retryAfterSeconds };

/**
 * The error for a non-2xx answer whose body was read into `data` (parsed when it was JSON):
 * the one mapping every path to the API uses (ky's, and the fetch-only GET of get-json.ts).
 */
export function httpErrorFrom(response: Pick<Response, 'status' | 'statusText' | 'headers'>, data: unknown, cause?: unknown): MemorialHttpError {
  const body = validateErrorBody(data).data;
  return new MemorialHttpError({
    status: response.status,
    code: body?.code ?? FALLBACK_CODES[response.status] ?? (response.status >= 500 ? 'internal_error' : `http_${response.status}`),
    serverMessage: body?.message ?? (response.statusText || undefined),
    requestId: body?.requestId ?? response.headers.get('x-request-id') ?? undefined,
    issues: body?.issues,
    retryAfter: retryAfterSeconds(response.headers),
    cause,
  });
}

/** ky has already read the body into `error.data`. */
export const toHttpError = (error: HTTPError): MemorialHttpError => httpErrorFrom(error.response, error.data, error);

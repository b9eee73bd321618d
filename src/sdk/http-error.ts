import type { HTTPError } from 'ky';
import { ErrorBody } from '../contract/index.js';
import { MemorialHttpError } from './errors.js';

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

/** Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP date. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** ky has already read the body into `error.data` (parsed when it was JSON). */
export function toHttpError(error: HTTPError): MemorialHttpError {
  const { response } = error;
  const parsed = ErrorBody.safeParse(error.data);
  const body = parsed.success ? parsed.data : undefined;
  return new MemorialHttpError({
    status: response.status,
    code: body?.code ?? FALLBACK_CODES[response.status] ?? (response.status >= 500 ? 'internal_error' : `http_${response.status}`),
    serverMessage: body?.message ?? (response.statusText || undefined),
    requestId: body?.requestId ?? response.headers.get('x-request-id') ?? undefined,
    issues: body?.issues,
    retryAfter: retryAfterSeconds(response.headers),
    cause: error,
  });
}

import type { TextKey } from '../../i18n/catalog.js';

/**
 * What went wrong, in the terms an element shows and a host page branches on.
 * - `network`: no answer (server down, offline, CORS, bad address) — the API is unreachable.
 * - `timeout`: no answer in time — also shown as unreachable.
 * - `not-found`: HTTP 404.
 * - `rate-limited`: HTTP 429.
 * - `http`: any other non-2xx answer.
 * - `validation`: the answer did not match the contract (nothing is rendered from it).
 * - `config`: no api-base anywhere (attribute, provider, `<meta name="memorial-api-base">`).
 * - `internal`: a bug in an element (an exception in render or a lifecycle callback).
 */
export type ErrorKind = 'network' | 'timeout' | 'not-found' | 'rate-limited' | 'http' | 'validation' | 'config' | 'internal';

export interface ClassifiedError {
  kind: ErrorKind;
  /** The original error, untouched (an SDK `MemorialError` subclass for API failures). */
  error: unknown;
  /** HTTP status, for `not-found`, `rate-limited` and `http`. */
  status?: number;
  /** The API's machine-readable error code, when there was one. */
  code?: string;
  /** Whether trying again may help; the error state offers a retry button when true. */
  retryable: boolean;
  /** The catalog message the error state shows. */
  messageKey: TextKey;
}

/** Thrown (and reported) when an element has no API address to talk to. */
export class MemorialConfigError extends Error {
  override name = 'MemorialConfigError';
}

/** True for an abort (`AbortSignal`), which is never an error worth reporting. */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Sorts any thrown value into an `ErrorKind` by its class (`name`, not `instanceof`, so errors
 * from another copy of the SDK on the page, the CDN file next to an app bundle, are recognised
 * too); never by message text. Anything else is a bug (`internal`).
 */
export function classifyError(error: unknown): ClassifiedError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; status?: unknown; code?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  switch (name) {
    case 'MemorialNetworkError':
      return { kind: 'network', error, retryable: true, messageKey: 'state.unreachable' };
    case 'MemorialTimeoutError':
      return { kind: 'timeout', error, retryable: true, messageKey: 'state.unreachable' };
    case 'MemorialValidationError':
      return { kind: 'validation', error, retryable: false, messageKey: 'state.invalidData' };
    case 'MemorialConfigError':
      return { kind: 'config', error, retryable: false, messageKey: 'state.notConfigured' };
    case 'MemorialHttpError': {
      const status = typeof e.status === 'number' ? e.status : 0;
      const code = typeof e.code === 'string' ? e.code : undefined;
      const base = { error, status, ...(code ? { code } : {}) };
      if (status === 404) return { ...base, kind: 'not-found', retryable: false, messageKey: 'state.notFound' };
      if (status === 429) return { ...base, kind: 'rate-limited', retryable: true, messageKey: 'state.rateLimited' };
      return { ...base, kind: 'http', retryable: status >= 500 || status === 408, messageKey: 'state.error' };
    }
    case 'MemorialArgumentError':
      // the SDK refused a malformed id before any request (nothing by that id can exist), or the API address
      return (e as { argument?: unknown }).argument === 'baseUrl'
        ? { kind: 'config', error, retryable: false, messageKey: 'state.notConfigured' }
        : { kind: 'not-found', error, retryable: false, messageKey: 'state.notFound' };
  }
  return { kind: 'internal', error, retryable: true, messageKey: 'state.error' };
}

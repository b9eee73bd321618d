/**
 * When a request is tried again: one module for the SDK's ky transport (transport.ts) and its
 * fetch-only GET (get-json.ts), so the two can never disagree.
 */

/** Answers worth another attempt (a network error is too; a timed-out attempt is not). */
export const RETRY_STATUSES: readonly number[] = [408, 413, 429, 500, 502, 503, 504];
/** Answers whose `Retry-After` says how long to wait. */
export const RETRY_AFTER_STATUSES: readonly number[] = [413, 429, 503];

/**
 * Waiting longer than this for a `Retry-After` would leave a reader staring at a spinner; past
 * it the call fails at once with `MemorialHttpError.retryAfter` set so the UI can say when.
 */
export const MAX_RETRY_AFTER_MS = 30_000;

/** Exponential backoff before attempt `attempt + 1` (1-based): 300 ms, 600 ms, 1.2 s… */
export const backoffMs = (attempt: number): number => 0.3 * 2 ** (attempt - 1) * 1000;

/** Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP date. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** False when the server asks for a wait longer than MAX_RETRY_AFTER_MS: fail now instead. */
export const retryAfterAcceptable = (headers: Headers): boolean => {
  const wait = retryAfterSeconds(headers);
  return wait === undefined || wait * 1000 <= MAX_RETRY_AFTER_MS;
};

/** How long to wait before retrying after answer `status` on attempt `attempt`, or undefined for no retry. */
export function retryDelayMs(status: number, headers: Headers, attempt: number): number | undefined {
  if (!RETRY_STATUSES.includes(status) || !retryAfterAcceptable(headers)) return undefined;
  const after = RETRY_AFTER_STATUSES.includes(status) ? retryAfterSeconds(headers) : undefined;
  return after === undefined ? backoffMs(attempt) : after * 1000;
}

import { MemorialNetworkError, MemorialTimeoutError, MemorialValidationError } from './errors.js';
import { httpErrorFrom } from './http-error.js';
import { backoffMs, retryDelayMs } from './retry-policy.js';

export interface GetJsonOptions {
  signal?: AbortSignal | undefined;
  /** Per attempt, response and body together. Default 10 000 ms, as the client's. */
  timeout?: number;
  /** Attempts after the first. Default 2, as the client's. */
  retryLimit?: number;
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', done);
      resolve();
    }, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * A GET of public JSON with only `fetch`: the SDK's path for elements whose size budget has no
 * room for ky (the campaign banner; see docs/performance.md). Same rules as the client's
 * transport: the retries of retry-policy.ts, the errors of http-error.ts (`MemorialHttpError`
 * with the server's code, `retryAfter`…), `MemorialNetworkError`, `MemorialTimeoutError` (not
 * retried), `MemorialValidationError` for a body that is not JSON; an abort rejects with the
 * signal's reason. The caller validates the data (with a generated validator, not zod).
 */
export async function getJson(url: string, opts: GetJsonOptions = {}): Promise<unknown> {
  const { signal, timeout = 10_000, retryLimit = 2 } = opts;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw signal.reason;
    const own = new AbortController();
    const forward = () => own.abort(signal!.reason);
    signal?.addEventListener('abort', forward);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      own.abort();
    }, timeout);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { signal: own.signal, headers: { accept: 'application/json' }, credentials: 'omit' });
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      if (timedOut) throw new MemorialTimeoutError(timeout, { cause });
      if (attempt > retryLimit) throw new MemorialNetworkError('The server could not be reached', { cause });
      await wait(backoffMs(attempt), signal);
      continue;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
    let data: unknown;
    try {
      data = text === '' ? undefined : JSON.parse(text);
    } catch (cause) {
      if (response.ok) throw new MemorialValidationError([{ path: '', message: 'is not valid JSON' }], { cause });
    }
    if (response.ok) return data;
    const delay = attempt > retryLimit ? undefined : retryDelayMs(response.status, response.headers, attempt);
    if (delay === undefined) throw httpErrorFrom(response, data);
    await wait(delay, signal);
  }
}

/**
 * The banner's own way to its data when no `<memorial-provider>` hands it a client: one `fetch`
 * of `GET /campaigns/{id}`, checked against the contract's `Campaign` rules (campaign-guard.ts),
 * failing with the SDK's error classes. It exists for size: the full client (ky and every
 * route's zod schema) would put the banner at about 40 KB gzip against its 16 KB budget (see
 * docs/performance.md). Inside a provider the banner uses the provider's client instead
 * (`client.campaigns.get`, validated with the zod schema).
 */
import type { Campaign } from '../../contract/campaign.js';
import { MemorialHttpError, MemorialNetworkError, MemorialTimeoutError, MemorialValidationError } from '../../sdk/errors.js';
import { checkCampaign } from './campaign-guard.js';

/** Per request, as the SDK's default. */
export const FETCH_TIMEOUT_MS = 10_000;

/** The contract's path parameter for campaigns: an id of letters, digits, `_` and `-` (or `current`). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * `GET {apiRoot}campaigns/{id}`. `apiRoot` ends in `/` (see `apiRoot()` in the SDK).
 * Rejects with `MemorialNetworkError`, `MemorialTimeoutError`, `MemorialHttpError` (404 for no
 * such campaign) or `MemorialValidationError`; an abort rejects with the signal's reason.
 */
export async function fetchCampaign(apiRoot: string, id: string, signal: AbortSignal): Promise<Campaign> {
  // As the SDK: a malformed id never reaches the network (and `..` cannot walk the path).
  if (!ID.test(id)) throw new TypeError(`memorial-elements: invalid path parameter for /campaigns/{id}: ${JSON.stringify(id)}`);
  const own = new AbortController();
  const forward = () => own.abort(signal.reason);
  signal.addEventListener('abort', forward);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    own.abort();
  }, FETCH_TIMEOUT_MS);
  let status: number;
  let body: unknown;
  let response: Response;
  try {
    response = await fetch(`${apiRoot}campaigns/${encodeURIComponent(id)}`, {
      signal: own.signal,
      headers: { accept: 'application/json' },
      credentials: 'omit',
    });
    status = response.status;
    const text = await response.text();
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  } catch (cause) {
    if (signal.aborted) throw signal.reason;
    throw timedOut ? new MemorialTimeoutError(FETCH_TIMEOUT_MS, { cause }) : new MemorialNetworkError('The server could not be reached', { cause });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', forward);
  }
  if (!response.ok) {
    const b = (body ?? {}) as { code?: unknown; message?: unknown; requestId?: unknown };
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    throw new MemorialHttpError({
      status,
      code: str(b.code) ?? (status === 404 ? 'not_found' : status >= 500 ? 'internal_error' : `http_${status}`),
      serverMessage: str(b.message),
      requestId: str(b.requestId) ?? response.headers.get('x-request-id') ?? undefined,
    });
  }
  const checked = checkCampaign(body);
  if (checked.issues) throw new MemorialValidationError(checked.issues);
  return checked.data;
}

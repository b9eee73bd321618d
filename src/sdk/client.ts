import { apiRoot } from './base-url.js';
import type { Locale } from '../i18n/locale.js';
import { campaignsResource, type CampaignsResource } from './resources/campaigns.js';
import { cemeteriesResource, type CemeteriesResource } from './resources/cemeteries.js';
import { martyrsResource, type MartyrsResource } from './resources/martyrs.js';
import { messagesResource, type MessagesResource } from './resources/messages.js';
import { regionsResource, type RegionsResource } from './resources/regions.js';
import { relativesResource, type RelativesResource } from './resources/relatives.js';
import { tributesResource, type TributesResource } from './resources/tributes.js';
import { Transport } from './transport.js';
import { visitorsResource, type VisitorsResource } from './visitor.js';

export interface MemorialClientOptions {
  /**
   * Where the reference server is mounted: an origin (`https://memorial.example.gov.cn`) or an
   * origin plus path (`https://www.example.gov.cn/memorial`). The SDK appends `api/v1/`
   * (unless the URL already ends in `/api/v1`). Relative URLs resolve against the page.
   */
  baseUrl: string;
  /** A fetch to use instead of the global one (SSR frameworks, instrumentation, tests). */
  fetch?: typeof fetch;
  /** Milliseconds to wait for each attempt's response, and again for its body. Default 10 000. */
  timeout?: number;
  /**
   * Retries after a network error or a 408/429/500/502/503/504 answer, with exponential
   * backoff or after the server's `Retry-After` (up to 30 s; a longer one fails at once with
   * `MemorialHttpError.retryAfter`). POSTs are retried too, with the same idempotency key. A
   * timed-out attempt is not retried. Default 2; `0` turns retries off.
   */
  retry?: number | { limit: number };
  /** Sent as `Accept-Language`, so the server's messages come in the reader's language. */
  locale?: Locale;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY_LIMIT = 2;

/**
 * The public API client. One client per page is enough: identical concurrent GETs made
 * through it share a single request (that sharing is per client).
 *
 * Moderation and lead handling will come as a separate admin client (a `createMemorialAdminClient`
 * taking a bearer token, built on the same `Transport`) so that the admin token and its routes
 * never ship inside the public client.
 */
export function createMemorialClient(opts: MemorialClientOptions): MemorialClient {
  const root = apiRoot(opts.baseUrl);
  const transport = new Transport({
    apiRoot: root,
    fetch: opts.fetch,
    timeout: opts.timeout ?? DEFAULT_TIMEOUT_MS,
    retryLimit: typeof opts.retry === 'number' ? opts.retry : (opts.retry?.limit ?? DEFAULT_RETRY_LIMIT),
    headers: lowerCaseKeys({ ...(opts.locale ? { 'accept-language': opts.locale } : {}), ...opts.headers }),
  });
  const visitors = visitorsResource(transport);
  return {
    baseUrl: root,
    locale: opts.locale,
    martyrs: martyrsResource(transport),
    tributes: tributesResource(transport, visitors),
    visitors,
    messages: messagesResource(transport),
    campaigns: campaignsResource(transport),
    relatives: relativesResource(transport),
    regions: regionsResource(transport),
    cemeteries: cemeteriesResource(transport),
  };
}

/** So a caller's `Accept-Language` replaces ours instead of being joined to it. */
function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

export interface MemorialClient {
  /** The API root requests go to, e.g. `http://localhost:8080/api/v1/`. */
  readonly baseUrl: string;
  readonly locale: Locale | undefined;
  readonly martyrs: MartyrsResource;
  readonly tributes: TributesResource;
  /** Signed visitor ids for the fair tribute limits (minted by `tributes.offer` when needed). */
  readonly visitors: VisitorsResource;
  readonly messages: MessagesResource;
  readonly campaigns: CampaignsResource;
  readonly relatives: RelativesResource;
  /** GB/T 2260 divisions, one level at a time. */
  readonly regions: RegionsResource;
  /** Cemeteries, their sections and graves. */
  readonly cemeteries: CemeteriesResource;
}

import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance } from 'ky';
import * as z from 'zod/mini';
import type { FieldIssue } from '../contract/error.js';
import type { RouteDef } from '../contract/route-def.js';
import { MemorialArgumentError, MemorialError, MemorialNetworkError, MemorialTimeoutError, MemorialValidationError } from './errors.js';
import { toHttpError } from './http-error.js';
import { newIdempotencyKey } from './idempotency.js';
import { InflightRequests } from './inflight.js';
import { backoffMs, RETRY_AFTER_STATUSES, RETRY_STATUSES, retryAfterAcceptable } from './retry-policy.js';
import type { RouteBody, RouteParams, RouteQuery, RouteResponse } from './route-types.js';

/** Per-call options every method accepts. */
export interface CallOptions {
  /** Aborting rejects the call with the signal's reason (an `AbortError` DOMException by default), as `fetch` does. */
  signal?: AbortSignal | undefined;
}

/** Per-call options of methods that change something (POST). */
export interface WriteOptions extends CallOptions {
  /**
   * Identifies this operation to the server so a retry is not counted twice. Defaults to a
   * fresh UUID per call; pass your own to make a retry of your own (e.g. after a page reload)
   * a replay of the first attempt.
   */
  idempotencyKey?: string | undefined;
}

export interface TransportOptions {
  /** The API root, ending in `/` (see `apiRoot`). */
  apiRoot: string;
  fetch?: typeof fetch | undefined;
  timeout: number;
  retryLimit: number;
  headers: Record<string, string>;
}

/** What one operation is called with; absent parts are those the route does not have. */
export interface CallArgs<D extends RouteDef> {
  params?: RouteParams<D>;
  query?: RouteQuery<D>;
  body?: RouteBody<D>;
}

/**
 * Every method but GET carries an idempotency key, so the server replays instead of repeating
 * the operation; that is what makes it safe to retry them, unlike ky's default.
 */
const RETRIED_METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete'];

export class Transport {
  readonly #ky: KyInstance;
  readonly #timeout: number;
  readonly #inflight = new InflightRequests();

  constructor(opts: TransportOptions) {
    this.#timeout = opts.timeout;
    this.#ky = ky.create({
      baseUrl: opts.apiRoot,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
      timeout: opts.timeout,
      headers: { accept: 'application/json', ...opts.headers },
      // The rules are retry-policy.ts's, shared with the fetch-only GET (get-json.ts).
      retry: {
        limit: opts.retryLimit,
        methods: RETRIED_METHODS,
        statusCodes: [...RETRY_STATUSES],
        afterStatusCodes: [...RETRY_AFTER_STATUSES],
        delay: backoffMs,
        shouldRetry: ({ error }) => (isHTTPError(error) && !retryAfterAcceptable(error.response.headers) ? false : undefined),
      },
    });
  }

  /**
   * Calls one operation and returns its validated response. The route definition is passed,
   * not its name, so a bundle holds only the routes (and schemas) its code calls.
   * Identical concurrent GETs share one request; POSTs never do.
   */
  async call<D extends RouteDef>(route: D, args: CallArgs<D>, opts: WriteOptions = {}): Promise<RouteResponse<D>> {
    // As fetch does: an already aborted call never reaches the network.
    if (opts.signal?.aborted) throw opts.signal.reason;
    const url = buildPath(route.path, route.params, args.params) + buildQuery(args.query as object | undefined);
    const { signal } = opts;
    let text: string;
    if (route.method === 'GET') {
      // Headers are fixed per client, so within this client the URL identifies the request.
      text = await this.#inflight.run(url, (shared) => this.#send('GET', url, undefined, {}, shared), signal);
    } else {
      const headers = { 'idempotency-key': opts.idempotencyKey ?? newIdempotencyKey() };
      text = await this.#send(route.method, url, args.body ?? {}, headers, signal);
    }
    return decode(text, route.response) as RouteResponse<D>;
  }

  async #send(method: string, url: string, json: unknown, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<string> {
    try {
      return await this.#ky(url, { method, json, headers, ...(signal ? { signal } : {}) }).text();
    } catch (error) {
      throw this.#translate(error, signal);
    }
  }

  #translate(error: unknown, signal: AbortSignal | undefined): unknown {
    // An abort is the caller's decision, not a failure: hand back their reason untouched.
    if (signal?.aborted) return signal.reason;
    if (error instanceof MemorialError) return error;
    if (isHTTPError(error)) return toHttpError(error);
    if (isTimeoutError(error)) return new MemorialTimeoutError(this.#timeout, { cause: error });
    const message = isNetworkError(error) ? 'The server could not be reached' : 'The request failed before a response arrived';
    // ky recognises only known runtime messages as network errors; anything else thrown by
    // fetch or while reading the body (e.g. undici's "terminated") is still a transport failure.
    return new MemorialNetworkError(message, { cause: error });
  }
}

/** Fills `{name}` placeholders; parameters are checked first so an id like `..` cannot walk the path. */
function buildPath(template: string, schema: z.ZodMiniObject | undefined, params: unknown): string {
  if (schema) {
    const checked = schema.safeParse(params);
    if (!checked.success) {
      const what = checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
      throw new MemorialArgumentError(`memorial-elements: invalid path parameter for ${template}: ${what}`, 'path');
    }
  }
  const values = (params ?? {}) as Record<string, string>;
  // Route paths start with "/", but resolving them against the API root must keep its path.
  return template.slice(1).replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
}

/** `?a=1&b=true`, omitting undefined values; empty when nothing is left. */
export function buildQuery(query: object | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    search.append(key, value instanceof Date ? value.toISOString() : String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** Parses and validates a success body against the route's response schema. */
function decode<S extends z.core.$ZodType>(text: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    throw new MemorialValidationError([{ path: '', message: 'is not valid JSON' }], { cause: error });
  }
  const result = z.safeParse(schema, json);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new MemorialValidationError(issues, { cause: result.error });
}

import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

export interface RateLimit {
  /** Requests a client may make at once. */
  burst: number;
  /** Requests per second it earns back. */
  perSecond: number;
  /** Use the first X-Forwarded-For address (only behind a proxy you run). */
  trustProxy?: boolean;
}

export function clientKey(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * A token bucket per client address for writes. In memory and per process: behind a load
 * balancer each process limits on its own, which bounds a flood to N times the rate.
 */
export function rateLimitWrites(limit: RateLimit, now: () => number = Date.now): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const key = clientKey(c, limit.trustProxy ?? false);
    const t = now();
    if (buckets.size > 50_000) {
      for (const [k, b] of buckets) if (t - b.at > (limit.burst / limit.perSecond) * 1000) buckets.delete(k);
    }
    const b = buckets.get(key) ?? { tokens: limit.burst, at: t };
    b.tokens = Math.min(limit.burst, b.tokens + ((t - b.at) / 1000) * limit.perSecond);
    b.at = t;
    buckets.set(key, b);
    if (b.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond));
      throw new ApiError(429, 'rate_limited', `Too many requests; try again in ${retryAfter} s`, undefined, { 'Retry-After': String(retryAfter) });
    }
    b.tokens -= 1;
    return next();
  };
}

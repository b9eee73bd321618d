import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';
import { clientAddress } from './client-address.js';

export interface RateLimit {
  /** Requests a client may make at once. */
  burst: number;
  /** Requests per second it earns back. */
  perSecond: number;
}

export interface RateLimitOptions {
  /** Proxies in front of the server that append to X-Forwarded-For (see clientAddress). */
  trustedHops?: number;
  /** Requests this limiter leaves alone because a budget of their own answers them (tributes, minting). */
  exempt?: (c: Context) => boolean;
  now?: () => number;
}

/**
 * A token bucket per client address for writes: a flood guard, in memory and per process
 * (behind N processes a flood gets N times the rate). The budgets that decide what counts —
 * visitors, tributes per address — are kept in the database instead (server/limits/).
 */
export function rateLimitWrites(limit: RateLimit, opts: RateLimitOptions = {}): MiddlewareHandler {
  const now = opts.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    if (opts.exempt?.(c)) return next();
    const key = clientAddress(c, opts.trustedHops ?? 0);
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

import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Bearer-token check in constant time (comparing digests also hides the token's length). */
export function requireAdmin(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!given || !timingSafeEqual(digest(given), expected)) {
      throw new ApiError(401, 'unauthorized', 'An admin bearer token is required', undefined, { 'WWW-Authenticate': 'Bearer' });
    }
    c.set('actor' as never, 'admin' as never);
    await next();
  };
}

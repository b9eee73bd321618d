import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** A serialized JSON body with its strong ETag, computed once and served many times. */
export interface Representation {
  body: string;
  etag: string;
}

export function represent(value: unknown): Representation {
  const body = JSON.stringify(value);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

const matches = (header: string | undefined, etag: string) =>
  header !== undefined && (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

/**
 * Answers a GET so a CDN, a reverse proxy or the browser can keep it: a strong ETag, the given
 * Cache-Control, and 304 Not Modified when `If-None-Match` already names this representation.
 */
export function sendCacheable(c: Context, rep: Representation, cacheControl: string): Response {
  c.header('ETag', rep.etag);
  c.header('Cache-Control', cacheControl);
  if (matches(c.req.header('if-none-match'), rep.etag)) return c.body(null, 304);
  c.header('Content-Type', 'application/json');
  return c.body(rep.body, 200);
}

/** Seconds a public tribute summary may be reused: counts stay live within about ten seconds. */
export const SUMMARY_MAX_AGE = 5;
/** Seconds a martyr's record may be reused: staff corrections show within a minute. */
export const RECORD_MAX_AGE = 60;

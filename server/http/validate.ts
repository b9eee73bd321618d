import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { ApiError, validationError } from './api-error.js';

/** Malformed byte sequences are an error, not silently replaced by U+FFFD. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Largest JSON nesting we accept: deeper bodies are an attack, not data. */
const MAX_DEPTH = 32;

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const v of Object.values(value)) max = Math.max(max, depthOf(v, depth + 1));
  return max;
}

export function parseWith<S extends z.core.$ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'path'): z.output<S> {
  const result = (schema as unknown as z.ZodMiniType).safeParse(value);
  if (!result.success) throw validationError(where, result.error);
  return result.data as z.output<S>;
}

/**
 * Reads a JSON body. `text/plain` is allowed only where a browser's sendBeacon must reach us,
 * since it cannot set a JSON content type without a CORS preflight.
 */
export async function readJson(c: Context, opts: { allowTextPlain?: boolean } = {}): Promise<unknown> {
  const [mediaType = '', ...params] = (c.req.header('content-type') ?? '').split(';');
  const type = mediaType.trim().toLowerCase();
  const ok = type === 'application/json' || (opts.allowTextPlain && type === 'text/plain');
  if (!ok) {
    throw new ApiError(415, 'unsupported_media_type', `Send the body as application/json${opts.allowTextPlain ? ' (or text/plain)' : ''}`);
  }
  // JSON is UTF-8 (RFC 8259): another declared charset would be misread, so it is refused.
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    throw new ApiError(415, 'unsupported_media_type', `The body must be UTF-8; charset=${charset.slice(0, 40)} is not accepted`);
  }
  let raw: string;
  try {
    raw = strictUtf8.decode(await c.req.arrayBuffer());
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid UTF-8');
  }
  if (raw.trim() === '') throw new ApiError(400, 'invalid_json', 'The request body is empty; a JSON object was expected');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  if (depthOf(value) > MAX_DEPTH) throw new ApiError(400, 'invalid_json', `The JSON body is nested deeper than ${MAX_DEPTH} levels`);
  return value;
}

/** Query parameters as a plain object; a repeated parameter keeps its last value. */
export function queryObject(c: Context): Record<string, string> {
  return Object.fromEntries(new URL(c.req.url).searchParams);
}

import type { Context } from 'hono';

/**
 * One line per unexpected error, with what an operator needs to find it (request id, method,
 * path, error class, SQLSTATE) and nothing a request carried: no query string, no bound query
 * parameters, no SQL and no stack. Database errors echo values in their message and detail
 * ("Key (mobile)=(138…) already exists"), so for them only the code is kept; the request id
 * ties the line to the client's report.
 */
export function errorLogLine(c: Context, requestId: string, err: unknown): string {
  const e = (err ?? {}) as { name?: unknown; code?: unknown; message?: unknown; severity?: unknown };
  const sqlstate = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
  const fromDatabase = sqlstate !== undefined || typeof e.severity === 'string';
  const line: Record<string, unknown> = {
    level: 'error',
    requestId,
    method: c.req.method,
    path: new URL(c.req.url).pathname,
    error: typeof e.name === 'string' ? e.name : typeof err,
    ...(sqlstate ? { sqlstate } : {}),
  };
  // A programming error's message names the fault, not a visitor's data; still bounded.
  if (!fromDatabase && typeof e.message === 'string') line.message = e.message.slice(0, 200);
  return JSON.stringify(line);
}

import type { TestServer } from './server.js';

export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A plain HTTP call against the test server, for asserting the wire format itself. */
export async function call<T = any>(
  server: Pick<TestServer, 'baseUrl'>,
  method: string,
  path: string,
  opts: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  let body: string | undefined = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/**
 * Helpers for examples files and tests: clients whose answers are fixed, so an example can
 * show "loading", "empty" or "error" without depending on the server's data. Only examples
 * and tests import this; it never reaches the browser bundle.
 */
import type { Martyr, TributeSummary } from '../../contract/index.js';
import { createMemorialClient, type MemorialClient } from '../../sdk/index.js';

export type StubHandler = (url: URL, request: Request) => Response | Promise<Response>;

/** A client that answers every request with `handler` (no network, no retries). */
export function stubClient(handler: StubHandler): MemorialClient & { readonly requests: URL[] } {
  const requests: URL[] = [];
  const client = createMemorialClient({
    baseUrl: 'https://stub.memorial.invalid',
    retry: 0,
    fetch: async (input, init) => {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      const url = new URL(request.url);
      requests.push(url);
      return handler(url, request);
    },
  });
  return Object.assign(client, { requests });
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A client whose requests never answer (until aborted): the loading state. */
export function hangingClient(): MemorialClient {
  return stubClient(
    (_url, request) =>
      new Promise<Response>((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      }),
  );
}

/** A client that gets `status` with an API error body for everything: the error state. */
export function failingClient(status = 500, code = 'internal_error'): MemorialClient {
  return stubClient(() => json({ code, message: 'stub failure', requestId: 'stub' }, status));
}

/** A fictional record (`sample: true`), never to be presented as a real person. */
export const SAMPLE_MARTYR: Martyr = {
  id: 'sample-0001',
  name: '林𠀋青',
  sex: 'male',
  ethnicity: '汉族',
  nativePlace: { text: '示例省示例县', code: null },
  birthDate: '1921',
  enlistmentDate: '1938-05',
  unit: '示例纵队某团',
  post: '连长',
  deathDate: '1949-10-01',
  deathPlace: '示例县城郊',
  period: 'liberation-war',
  burial: { cemetery: '示例烈士陵园', section: '一', row: '3', number: '12' },
  photoUrl: null,
  biography: '（示例数据，人物虚构）',
  approval: null,
  seekingRelatives: true,
  sample: true,
  updatedAt: '2025-01-01T00:00:00+08:00',
};

export const SAMPLE_TRIBUTES: TributeSummary = {
  martyrId: SAMPLE_MARTYR.id,
  day: '2025-04-04',
  today: { flower: 12, bow: 30, candle: 4, sweep: 1 },
  total: { flower: 12034, bow: 40211, candle: 3310, sweep: 907 },
};

/** A client that answers the usual GETs with the sample record, its tributes and empty lists. */
export function sampleClient(overrides: { martyr?: Martyr; tributes?: TributeSummary } = {}): MemorialClient & { readonly requests: URL[] } {
  const martyr = overrides.martyr ?? SAMPLE_MARTYR;
  const tributes = overrides.tributes ?? SAMPLE_TRIBUTES;
  return stubClient((url) => {
    const path = url.pathname.replace(/^\/api\/v1/, '');
    if (path === `/martyrs/${martyr.id}`) return json(martyr);
    if (path === `/martyrs/${martyr.id}/tributes`) return json(tributes);
    if (path === `/martyrs/${martyr.id}/messages`) return json({ items: [], nextCursor: null });
    if (path === '/martyrs') return json({ items: [], nextCursor: null });
    return json({ code: 'not_found', message: 'not found' }, 404);
  });
}

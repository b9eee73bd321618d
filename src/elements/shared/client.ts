import { apiRoot } from '../../sdk/base-url.js';
import { createMemorialClient, type MemorialClient } from '../../sdk/client.js';

/**
 * One client per API root for the whole page (module scope): every element and provider that
 * points at the same API shares it, and with it the SDK's de-duplication of identical
 * concurrent GETs, so ten cards for one martyr make one request.
 */
const clients = new Map<string, MemorialClient>();

/**
 * The shared client for `apiBase` (an origin, an origin plus path, or a relative URL).
 * Returns undefined when `apiBase` is not an http(s) URL.
 */
export function sharedClient(apiBase: string): MemorialClient | undefined {
  let root: string;
  try {
    root = apiRoot(apiBase.trim());
  } catch {
    return undefined;
  }
  let client = clients.get(root);
  if (!client) {
    client = createMemorialClient({ baseUrl: root });
    clients.set(root, client);
  }
  return client;
}

/** `<meta name="memorial-api-base" content="…">`, the page-wide default API address. */
export function metaApiBase(doc: Document = document): string | undefined {
  const content = doc.querySelector('meta[name="memorial-api-base"]')?.getAttribute('content')?.trim();
  return content ? content : undefined;
}

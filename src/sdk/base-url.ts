import { MemorialArgumentError } from './errors.js';
/** The REST API's mount point under the server's base, as in the route table. */
export const API_PREFIX = 'api/v1/';

/**
 * Turns the `baseUrl` a site gives us into the API root every route path is resolved against.
 *
 * `baseUrl` is where the reference server is mounted: an origin (`https://memorial.example.gov.cn`)
 * or an origin plus a path (`https://www.example.gov.cn/memorial`). The SDK appends `api/v1/`,
 * unless the given URL already ends with `/api/v1`, so pasting the API root also works.
 * A relative `baseUrl` (`/memorial`) is resolved against the page's address where there is one.
 */
export function apiRoot(baseUrl: string): string {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  let url: URL;
  try {
    url = new URL(baseUrl, page);
  } catch {
    throw new MemorialArgumentError(`memorial-elements: baseUrl ${JSON.stringify(baseUrl)} is not a URL${page ? '' : ' (relative URLs need a page to resolve against)'}`, 'baseUrl');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MemorialArgumentError(`memorial-elements: baseUrl must be an http(s) URL, got ${JSON.stringify(baseUrl)}`, 'baseUrl');
  }
  url.search = '';
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith(`/${API_PREFIX.slice(0, -1)}`) ? `${path}/` : `${path}/${API_PREFIX}`;
  return url.href;
}

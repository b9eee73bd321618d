import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { NATIONAL_PLATFORM_HOST } from '../../src/contract/index.js';

/** Limits of one verification: the bureau's server fetching a page on the open internet. */
export interface LinkCheckLimits {
  /** Tests only: allow loopback and private addresses, and plain http. */
  allowPrivate: boolean;
  /** The whole check, redirects included (default 8 s). */
  timeoutMs?: number;
  /** Bytes of the page read at most (default 1 MiB); the rest is not fetched. */
  maxBytes?: number;
}

export const MAX_REDIRECTS = 3;

export interface PageCheck {
  httpStatus: number | null;
  linkFound: boolean;
  bannerFound: boolean;
  /** Why the page could not be checked (a code such as `private_address`), or null. */
  error: string | null;
}

/** Addresses a server-side fetch must never reach (SSRF): loopback, private, link-local, CGNAT, multicast, reserved. */
const PRIVATE = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

class CheckFailure extends Error {}

/**
 * The address is checked where the connection is made (the socket's own lookup), so a name
 * that resolves to a public address for a check and a private one for the fetch cannot slip by.
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad || addresses.length === 0) return callback(new CheckFailure('private_address'), '', 0);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

function get(url: URL, limits: LinkCheckLimits, signal: AbortSignal): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (!limits.allowPrivate && isIP(literal) && isPrivateAddress(literal)) return reject(new CheckFailure('private_address'));
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, { method: 'GET', signal, headers: { accept: 'text/html', 'user-agent': 'memorial-elements link check' }, ...(limits.allowPrivate ? {} : { lookup: guardedLookup }) }, (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return resolve({ status, location: res.headers.location, body: '' });
      }
      const max = limits.maxBytes ?? 1024 * 1024;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > max) {
          chunks.push(chunk.subarray(0, chunk.length - (size - max)));
          res.destroy();
          resolve({ status, body: Buffer.concat(chunks).toString('utf8') });
        } else chunks.push(chunk);
      });
      res.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const LINK = new RegExp(`<a\\b[^>]*\\bhref\\s*=\\s*["']?https://${NATIONAL_PLATFORM_HOST.replaceAll('.', '\\.')}(?:[/?#"'\\s>]|$)`, 'i');
const BANNER = /<memorial-campaign-banner\b/i;

/** What the page shows a reader: a link to the national platform, and the banner element. */
export const inspectPage = (html: string) => ({ linkFound: LINK.test(html), bannerFound: BANNER.test(html) });

/**
 * Fetches a registered host page within the limits: https only, redirects at most
 * MAX_REDIRECTS and only within the registered origin, never a private address (unless the
 * test setting allows it), at most `maxBytes`, all within `timeoutMs`.
 */
export async function checkHostPage(pageUrl: string, limits: LinkCheckLimits): Promise<PageCheck> {
  const origin = new URL(pageUrl).origin;
  const signal = AbortSignal.timeout(limits.timeoutMs ?? 8000);
  let url = new URL(pageUrl);
  let httpStatus: number | null = null;
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'https:' && !(limits.allowPrivate && url.protocol === 'http:')) return { httpStatus, linkFound: false, bannerFound: false, error: 'not_https' };
      if (url.origin !== origin) return { httpStatus, linkFound: false, bannerFound: false, error: 'redirect_off_host' };
      const res = await get(url, limits, signal);
      httpStatus = res.status;
      if (res.location === undefined) {
        if (res.status < 200 || res.status >= 300) return { httpStatus, linkFound: false, bannerFound: false, error: 'http_status' };
        return { httpStatus, ...inspectPage(res.body), error: null };
      }
      if (hop >= MAX_REDIRECTS) return { httpStatus, linkFound: false, bannerFound: false, error: 'too_many_redirects' };
      url = new URL(res.location, url);
    }
  } catch (err) {
    const error = err instanceof CheckFailure ? err.message : signal.aborted ? 'timeout' : 'unreachable';
    return { httpStatus, linkFound: false, bannerFound: false, error };
  }
}

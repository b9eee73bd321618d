import { isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address. With `trustedHops` = 0 it is the socket's peer. Behind N proxies you run,
 * each appending the address it received the request from to `X-Forwarded-For`, the client is
 * the N-th entry counted from the right: everything left of it was written by the client (or a
 * proxy we do not know) and can be anything. With fewer entries than hops the leftmost is used,
 * since every entry there came from one of our proxies.
 */
export function clientAddress(c: Context, trustedHops: number): string {
  if (trustedHops > 0) {
    const entries = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const picked = entries[Math.max(0, entries.length - trustedHops)];
    if (picked) return picked;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Expands an IPv6 address to its eight groups (no zone, no embedded IPv4 kept as such). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail = ''] = address.split('%')[0]!.toLowerCase().split('::') as [string?, string?];
  const part = (s: string) => (s ? s.split(':') : []);
  const h = part(head);
  const t = part(tail);
  const last = t.length ? t : h;
  const v4 = last.length && last[last.length - 1]!.includes('.') ? last.pop()! : undefined;
  if (v4) {
    const [a, b, c2, d] = v4.split('.').map(Number) as [number, number, number, number];
    last.push(((a << 8) | b).toString(16), ((c2 << 8) | d).toString(16));
  }
  const fill = address.includes('::') ? Array.from({ length: 8 - h.length - t.length }, () => '0') : [];
  return [...h, ...fill, ...t].map((g) => g.replace(/^0+(?=.)/, ''));
}

/**
 * The key budgets are kept under: an IPv4 address as it is; IPv6 by its /64, since one
 * subscriber line (or one cloud machine) is given a whole /64 and could otherwise count as
 * 2^64 addresses. IPv4-mapped IPv6 (`::ffff:192.0.2.1`) is the IPv4 address.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address.split('%')[0]!)) return address;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** MEMORIAL_TRUST_PROXY: how many proxies you run in front of the server (0, the default, trusts none). */
export function trustProxyFromEnv(value = process.env.MEMORIAL_TRUST_PROXY): number {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0') return 0;
  if (!/^[1-9]$/.test(v)) {
    throw new Error('MEMORIAL_TRUST_PROXY must be the number of proxies in front of the server that append to X-Forwarded-For (0–9), e.g. 1');
  }
  return Number(v);
}

import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RateLimit } from './http/rate-limit.js';
import { privateDataDir } from './db/file-modes.js';
import { checkCampaignLink, normalizeHost } from '../src/contract/index.js';
import { trustProxyFromEnv } from './http/client-address.js';
import { fairLimitsFromEnv, type FairLimits } from './limits/fair-limits.js';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** The break-glass token: MEMORIAL_ADMIN_TOKEN, honoured only with MEMORIAL_BREAK_GLASS=1. */
  breakGlassToken: string | undefined;
  dataKey: Buffer;
  /** MEMORIAL_PG_SCHEMA: the PostgreSQL schema to work in (default: the database's search_path). */
  pgSchema: string | undefined;
  /** MEMORIAL_RATE_LIMIT: writes per client address; null when `off`. */
  rateLimit: RateLimit | null;
  /** MEMORIAL_CLOCK: the fixed "now" for demos and tests; undefined: the real clock. */
  clock: Date | undefined;
  /** MEMORIAL_DATA_KEY_PREVIOUS (and data-key.next on the embedded default): keys still read during a rotation. */
  previousDataKeys: Buffer[];
  /** MEMORIAL_CAMPAIGN_HOSTS: hosts besides the national platform that campaign links may use. */
  campaignHosts: string[];
  /** MEMORIAL_TRUST_PROXY: proxies in front that append to X-Forwarded-For (0: none). */
  trustProxy: number;
  /** MEMORIAL_FAIR_LIMITS: visitor and address budgets for tributes; null when `off`. */
  fairLimits: FairLimits | null;
}

/**
 * The key that encrypts ID numbers: MEMORIAL_DATA_KEY (64 hex characters), or on the embedded
 * default a key generated once and kept beside the data. PostgreSQL deployments must set it,
 * since several processes need the same key and losing it loses the data.
 */
async function dataKey(dataDir: string, usingPostgres: boolean): Promise<Buffer> {
  const fromEnv = process.env.MEMORIAL_DATA_KEY;
  if (fromEnv) {
    if (!/^[0-9a-fA-F]{64}$/.test(fromEnv)) throw new Error('MEMORIAL_DATA_KEY must be 64 hex characters (32 bytes)');
    return Buffer.from(fromEnv, 'hex');
  }
  if (usingPostgres) throw new Error('Set MEMORIAL_DATA_KEY (64 hex characters) when using DATABASE_URL');
  const file = join(dataDir, 'data-key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  } catch {
    const key = randomBytes(32);
    await writeFile(file, key.toString('hex'), { mode: 0o600 });
    return key;
  }
}

/**
 * MEMORIAL_RATE_LIMIT: `off`, or `BURST:PER_SECOND` (default `300:5`: 300 writes at once per
 * client address, five more earned back each second — a computer room of 200 behind one NAT
 * leaving a message each fits). It guards against floods; what counts as a tribute is decided
 * by the fair limits (MEMORIAL_FAIR_LIMITS). `off` turns both off.
 */
export function rateLimitFromEnv(value = process.env.MEMORIAL_RATE_LIMIT): RateLimit | null {
  const spec = value?.trim() || '300:5';
  if (spec === 'off') return null;
  const m = /^(\d+):(\d+(?:\.\d+)?)$/.exec(spec);
  const burst = Number(m?.[1]);
  const perSecond = Number(m?.[2]);
  if (!m || burst < 1 || !(perSecond > 0)) throw new Error('MEMORIAL_RATE_LIMIT must be "off" or BURST:PER_SECOND, e.g. 60:1');
  return { burst, perSecond };
}

const hexKey = (name: string, v: string): Buffer => {
  if (!/^[0-9a-fA-F]{64}$/.test(v)) throw new Error(`${name} must be 64 hex characters (32 bytes) each`);
  return Buffer.from(v, 'hex');
};

/**
 * Keys being rotated out, read but never written with: MEMORIAL_DATA_KEY_PREVIOUS (comma-
 * separated), and on the embedded default the key a rotation left in `data-key.previous`.
 */
async function previousDataKeys(dataDir: string, value = process.env.MEMORIAL_DATA_KEY_PREVIOUS): Promise<Buffer[]> {
  const keys = (value ?? '').split(',').map((k) => k.trim()).filter(Boolean).map((k) => hexKey('MEMORIAL_DATA_KEY_PREVIOUS', k));
  const left = await readFile(join(dataDir, 'data-key.previous'), 'utf8').catch(() => '');
  if (left.trim()) keys.push(hexKey('data-key.previous', left.trim()));
  return keys;
}

/** MEMORIAL_CAMPAIGN_HOSTS: comma-separated host names, each a plain host that a campaign link could use. */
export function campaignHostsFromEnv(value = process.env.MEMORIAL_CAMPAIGN_HOSTS): string[] {
  const hosts = (value ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  for (const h of hosts) {
    if (!checkCampaignLink(`https://${h}/`, [h]).ok) throw new Error(`MEMORIAL_CAMPAIGN_HOSTS: "${h}" is not a plain host name in one script`);
  }
  return hosts.map(normalizeHost);
}

/**
 * The shared MEMORIAL_ADMIN_TOKEN is gone as the way staff work (named accounts replace it).
 * It survives only as a break-glass switch: off unless MEMORIAL_BREAK_GLASS=1, and then it
 * must be a strong secret (at least 32 characters, not a run of a few repeated ones), or the
 * server refuses to start. Every use is logged loudly and audited as `break-glass`.
 */
export function breakGlassFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = env.MEMORIAL_ADMIN_TOKEN;
  const on = env.MEMORIAL_BREAK_GLASS === '1';
  if (!on) {
    if (token) console.warn('MEMORIAL_ADMIN_TOKEN is set but ignored: staff sign in with named accounts. Set MEMORIAL_BREAK_GLASS=1 to use it in an emergency.');
    return undefined;
  }
  if (!token) throw new Error('MEMORIAL_BREAK_GLASS=1 needs MEMORIAL_ADMIN_TOKEN (at least 32 random characters)');
  if (token.length < 32 || new Set(token).size < 12 || !/^[\x21-\x7E]+$/.test(token)) {
    throw new Error('MEMORIAL_ADMIN_TOKEN is too weak for break-glass use: at least 32 printable characters, at least 12 different ones (e.g. `openssl rand -base64 32`)');
  }
  console.warn('BREAK-GLASS IS ON: MEMORIAL_ADMIN_TOKEN acts as an admin with every role. Turn MEMORIAL_BREAK_GLASS off when the emergency is over.');
  return token;
}

/** MEMORIAL_PG_SCHEMA: a plain lowercase identifier, since it goes into search_path. */
function pgSchema(value = process.env.MEMORIAL_PG_SCHEMA): string | undefined {
  if (!value) return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value)) throw new Error('MEMORIAL_PG_SCHEMA must be a lowercase identifier (a-z, 0-9, _)');
  return value;
}

/**
 * MEMORIAL_CLOCK: an ISO 8601 instant with its offset (`2026-04-04T10:00:00+08:00`, or `Z`) that
 * the server takes as "now" for campaign windows, daily limits and references. A date alone or a
 * time without an offset would leave the day to the machine's time zone, so both are refused.
 */
export function clockFromEnv(value = process.env.MEMORIAL_CLOCK): Date | undefined {
  const spec = value?.trim();
  if (!spec) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.exec(spec);
  const at = new Date(spec);
  // engines roll 30 February over into March instead of refusing it
  const realDay = m && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).getUTCDate() === +m[3]! && +m[2]! >= 1 && +m[2]! <= 12;
  if (!realDay || Number.isNaN(at.getTime())) {
    throw new Error(`MEMORIAL_CLOCK must be an ISO instant with an offset, e.g. 2026-04-04T10:00:00+08:00; got "${spec}"`);
  }
  return at;
}

export async function loadConfig(repoRoot: string): Promise<ServerConfig> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.MEMORIAL_DATA_DIR || join(repoRoot, '.data');
  await privateDataDir(dataDir);
  return {
    port: Number(process.env.PORT ?? 8787),
    host: process.env.HOST ?? '127.0.0.1',
    databaseUrl,
    dataDir,
    breakGlassToken: breakGlassFromEnv(),
    dataKey: await dataKey(dataDir, Boolean(databaseUrl)),
    pgSchema: pgSchema(),
    rateLimit: rateLimitFromEnv(),
    clock: clockFromEnv(),
    previousDataKeys: await previousDataKeys(dataDir),
    campaignHosts: campaignHostsFromEnv(),
    trustProxy: trustProxyFromEnv(),
    fairLimits: rateLimitFromEnv() ? fairLimitsFromEnv() : null,
  };
}

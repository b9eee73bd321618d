import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RateLimit } from './http/rate-limit.js';
import { trustProxyFromEnv } from './http/client-address.js';
import { fairLimitsFromEnv, type FairLimits } from './limits/fair-limits.js';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminToken: string;
  adminTokenGenerated: boolean;
  dataKey: Buffer;
  /** MEMORIAL_PG_SCHEMA: the PostgreSQL schema to work in (default: the database's search_path). */
  pgSchema: string | undefined;
  /** MEMORIAL_RATE_LIMIT: writes per client address; null when `off`. */
  rateLimit: RateLimit | null;
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

/** MEMORIAL_PG_SCHEMA: a plain lowercase identifier, since it goes into search_path. */
function pgSchema(value = process.env.MEMORIAL_PG_SCHEMA): string | undefined {
  if (!value) return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value)) throw new Error('MEMORIAL_PG_SCHEMA must be a lowercase identifier (a-z, 0-9, _)');
  return value;
}

export async function loadConfig(repoRoot: string): Promise<ServerConfig> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.MEMORIAL_DATA_DIR || join(repoRoot, '.data');
  await mkdir(dataDir, { recursive: true });
  const token = process.env.MEMORIAL_ADMIN_TOKEN;
  return {
    port: Number(process.env.PORT ?? 8787),
    host: process.env.HOST ?? '127.0.0.1',
    databaseUrl,
    dataDir,
    adminToken: token || randomBytes(18).toString('base64url'),
    adminTokenGenerated: !token,
    dataKey: await dataKey(dataDir, Boolean(databaseUrl)),
    pgSchema: pgSchema(),
    rateLimit: rateLimitFromEnv(),
    trustProxy: trustProxyFromEnv(),
    fairLimits: rateLimitFromEnv() ? fairLimitsFromEnv() : null,
  };
}

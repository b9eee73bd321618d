import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminToken: string;
  adminTokenGenerated: boolean;
  dataKey: Buffer;
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
  };
}

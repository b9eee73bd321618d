import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { seedDatabase } from '../../server/seed-database.js';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WORDS_FILE, loadWordList } from '../../server/moderation/sensitive-words.js';
import type { RateLimit } from '../../server/http/rate-limit.js';
import type { FairLimits } from '../../server/limits/fair-limits.js';

export interface TestServer {
  baseUrl: string;
  adminToken: string;
  db: Database;
  /** Moves the server's clock (campaign windows, daily limits). */
  setNow(at: Date | undefined): void;
  close(): Promise<void>;
}

let schemaCounter = 0;

/**
 * The real server on an ephemeral port with a fresh database: embedded PGlite in memory, or,
 * when TEST_DATABASE_URL is set (CI), a fresh schema of that PostgreSQL database.
 */
export async function startTestServer(
  opts: { seed?: boolean; bodyLimit?: number; rateLimit?: RateLimit; fairLimits?: FairLimits | null; trustProxy?: number } = {},
): Promise<TestServer> {
  const url = process.env.TEST_DATABASE_URL;
  const schema = url ? `t_${process.pid}_${Date.now().toString(36)}_${schemaCounter++}` : undefined;
  const db = await openDatabase({ databaseUrl: url, schema });
  await migrate(db);
  // Reference data (periods, campaigns) always; the 360 sample martyrs unless `seed: false`.
  await seedDatabase(db, { sampleMartyrs: opts.seed !== false });
  let fixedNow: Date | undefined;
  const adminToken = randomBytes(16).toString('hex');
  const app = createApp({
    db,
    adminToken,
    dataKey: randomBytes(32),
    now: () => fixedNow ?? new Date(),
    bodyLimit: opts.bodyLimit ?? 64 * 1024,
    words: loadWordList(fileURLToPath(DEFAULT_WORDS_FILE)),
    // Off unless a test asks: load tests send everything from one loopback address.
    rateLimit: opts.rateLimit ?? null,
    ...(opts.fairLimits !== undefined ? { fairLimits: opts.fairLimits } : {}),
    ...(opts.trustProxy !== undefined ? { trustProxy: opts.trustProxy } : {}),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    adminToken,
    db,
    setNow: (at) => {
      fixedNow = at;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (schema) await db.query(`DROP SCHEMA "${schema}" CASCADE`).catch(() => {});
      await db.close();
    },
  };
}

import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { seedDatabase } from './seed-database.js';
import { mountSite } from './site.js';
import { DEFAULT_WORDS_FILE, loadWordList } from './moderation/sensitive-words.js';
import { retentionDaysFromEnv, scheduledPurge } from './relatives/retention.js';


const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const config = await loadConfig(repoRoot);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), schema: config.pgSchema });
await migrate(db);
const seeded = await seedDatabase(db, { sampleMartyrs: process.env.MEMORIAL_SEED !== 'none' });
// Closed relative cases are kept MEMORIAL_RETENTION_DAYS (default 365): purged now and daily.
const retentionDays = retentionDaysFromEnv();
const purge = () => scheduledPurge(db, new Date(), retentionDays).catch((err: unknown) => console.error('retention purge failed', err));
await purge();
setInterval(() => void purge(), 86_400_000).unref();

const app = createApp({
  db,
  adminToken: config.adminToken,
  dataKey: config.dataKey,
  now: () => new Date(),
  bodyLimit: 64 * 1024,
  words: loadWordList(process.env.MEMORIAL_SENSITIVE_WORDS || fileURLToPath(DEFAULT_WORDS_FILE)),
  rateLimit: config.rateLimit,
  retentionDays,
  fairLimits: config.fairLimits,
  trustProxy: config.trustProxy,
});
mountSite(app, repoRoot);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}/`;
  console.log(`memorial-elements reference server on ${db.kind === 'pglite' ? `embedded database ${join(config.dataDir, 'pglite')}` : 'PostgreSQL'}`);
  if (seeded.martyrs) console.log(`Seeded ${seeded.martyrs} fictional sample martyrs.`);
  if (config.adminTokenGenerated) console.log(`Admin token (random, this run only; set MEMORIAL_ADMIN_TOKEN to fix it): ${config.adminToken}`);
  console.log(`Open ${url}`);
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => void db.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

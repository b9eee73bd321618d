import { existsSync } from 'node:fs';
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
import { sealPlainCases } from './relatives/sealed-fields.js';
import { hideAfterFromEnv } from './moderation/reports.js';
import { newHostsPerDayFromEnv } from './campaigns/embed-events.js';
import { newOperatorSecret, removeServerInfo, writeServerInfo } from './cli/run-against-server.js';
import { firstRunSetupToken } from './staff/setup.js';


const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const config = await loadConfig(repoRoot).catch((error: unknown) => {
  // A bad setting (MEMORIAL_CLOCK, MEMORIAL_RATE_LIMIT…) stops the start with its own message, not a stack trace.
  console.error(`memorial-elements: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), schema: config.pgSchema });
await migrate(db);
// Names and mobiles written before migration 0006 are sealed with the data key now.
const sealed = await sealPlainCases(db, config.dataKey);
if (sealed) console.log(`Encrypted the names and mobiles of ${sealed} earlier relative cases.`);
const seeded = await seedDatabase(db, { sampleMartyrs: process.env.MEMORIAL_SEED !== 'none' });
// Closed relative cases are kept MEMORIAL_RETENTION_DAYS (default 365): purged now and daily.
const retentionDays = retentionDaysFromEnv();
// Logged by code only: a database error's message and detail may echo the rows it touched.
const purge = () => scheduledPurge(db, new Date(), retentionDays).catch((err: unknown) => console.error('retention purge failed', (err as { code?: unknown }).code ?? (err as Error).name));
await purge();
setInterval(() => void purge(), 86_400_000).unref();

// The command line tools send their work here while the server owns the embedded database.
const operatorSecret = db.kind === 'pglite' ? newOperatorSecret() : undefined;
const setupToken = await firstRunSetupToken(db, new Date());
const app = createApp({
  db,
  adminToken: config.breakGlassToken,
  operatorSecret,
  dataKey: config.dataKey,
  now: config.clock ? () => new Date(config.clock!) : () => new Date(),
  clockFixed: () => config.clock !== undefined,
  previousDataKeys: config.previousDataKeys,
  campaignHosts: config.campaignHosts,
  reportHideAfter: hideAfterFromEnv(),
  embedNewHostsPerDay: newHostsPerDayFromEnv(),
  // Tests only: lets link verification fetch loopback and private pages over http.
  linkCheck: { allowPrivate: process.env.MEMORIAL_LINK_CHECK_ALLOW_PRIVATE === '1' },
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
  if (config.clock) console.log(`MEMORIAL_CLOCK: the server's "now" is fixed at ${config.clock.toISOString()}`);
  if (setupToken) {
    console.log('No staff account exists yet. Create the first admin (valid 24 h, works once):');
    // The staff console reads the token from the fragment, which never reaches a server log.
    if (existsSync(join(repoRoot, 'dist/console/console.js'))) console.log(`  ${url}console/#setup=${setupToken}`);
    console.log(`  ${existsSync(join(repoRoot, 'dist/console/console.js')) ? 'or: ' : ''}curl -X POST ${url}api/v1/staff/setup -H 'content-type: application/json' -d '{"setupToken":"${setupToken}","login":"…","displayName":"…","password":"…"}'`);
    console.log('  or: npm run staff -- add LOGIN --role admin   (password on stdin)');
  }
  if (operatorSecret) {
    writeServerInfo(config.dataDir, { url: `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${info.port}/`, pid: process.pid, secret: operatorSecret }).catch((err: unknown) =>
      console.error('could not write server.json; command line tools will not reach this server', err),
    );
  }
  console.log(`Open ${url}`);
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  removeServerInfo(config.dataDir);
  server.close(() => void db.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

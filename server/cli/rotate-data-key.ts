/**
 * npm run rotate-data-key
 *
 * Re-encrypts relatives' names, mobiles and ID numbers under a new data key and recomputes the
 * keyed hashes, in one transaction (a failure changes nothing).
 *
 * - PostgreSQL (MEMORIAL_DATA_KEY set): set MEMORIAL_DATA_KEY to the new key and
 *   MEMORIAL_DATA_KEY_PREVIOUS to the old one (servers already running with both read either),
 *   run this once, then drop MEMORIAL_DATA_KEY_PREVIOUS everywhere.
 * - Embedded default (key in MEMORIAL_DATA_DIR/data-key): stop the server, run this; it writes a
 *   new data-key, keeps the old one in data-key.previous until every field is re-encrypted, and
 *   then deletes it.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { reencryptCases } from '../relatives/sealed-fields.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const config = await loadConfig(repoRoot);
const fromEnv = Boolean(process.env.MEMORIAL_DATA_KEY);
let key = config.dataKey;
const keys = [config.dataKey, ...config.previousDataKeys];
if (!fromEnv) {
  // Old key kept beside the new one first: a crash at any point leaves every field readable.
  key = randomBytes(32);
  await writeFile(join(config.dataDir, 'data-key.previous'), config.dataKey.toString('hex'), { mode: 0o600 });
  await writeFile(join(config.dataDir, 'data-key'), key.toString('hex'), { mode: 0o600 });
} else if (config.previousDataKeys.length === 0) {
  console.error('Set MEMORIAL_DATA_KEY to the new key and MEMORIAL_DATA_KEY_PREVIOUS to the old one (64 hex characters each).');
  process.exit(1);
}

const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), schema: config.pgSchema });
const started = Date.now();
try {
  await migrate(db);
  const done = await reencryptCases(db, key, keys, (n, total) => {
    const s = (Date.now() - started) / 1000;
    const rate = n / Math.max(s, 0.001);
    console.log(`re-encrypted ${n}/${total} cases, ${rate.toFixed(0)}/s, about ${Math.ceil((total - n) / Math.max(rate, 1))} s left`);
  });
  if (!fromEnv) await rm(join(config.dataDir, 'data-key.previous'), { force: true });
  console.log(`Done: ${done} cases now under the new key.${fromEnv ? ' Remove MEMORIAL_DATA_KEY_PREVIOUS from every server.' : ''}`);
} finally {
  await db.close();
}

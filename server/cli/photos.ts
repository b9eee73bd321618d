/**
 * npm run photos -- <folder|photos.zip> --cemetery ID [--dry-run]
 *
 * Attaches grave photos named by 墓区-排-号 (一区-3-12.jpg, A-03-012.JPG) to the graves of a
 * cemetery, through the same pipeline as uploads, and reports every file. Opens the database
 * directly (DATABASE_URL, or the embedded one under MEMORIAL_DATA_DIR): on the embedded default
 * stop the server first, as for `npm run import`. The work itself is runPhotoImport(db, …).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { photoLimitsFromEnv } from '../photos/limits.js';
import { databasePhotoStore } from '../photos/store.js';
import { runPhotoImport } from './photos-core.js';

const USAGE = 'usage: npm run photos -- <folder|photos.zip> --cemetery ID [--dry-run]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    cemetery: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || positionals.length !== 1 || !values.cemetery) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 1);
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const config = await loadConfig(repoRoot);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), schema: config.pgSchema });
let exitCode = 1;
try {
  await migrate(db);
  ({ exitCode } = await runPhotoImport(
    db,
    { source: resolve(process.cwd(), positionals[0]!), cemeteryId: values.cemetery, limits: photoLimitsFromEnv(), store: databasePhotoStore, dryRun: values['dry-run'] },
    console,
  ));
} catch (err) {
  console.error('Photo import failed:', err instanceof Error ? err.message : err);
} finally {
  await db.close();
}
process.exit(exitCode);

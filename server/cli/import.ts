/**
 * npm run import -- <roll.csv|roll.xlsx|roll.json> [--partial] [--dry-run] [--source NAME]
 * npm run import -- <graves.csv|graves.xlsx> --graves --cemetery ID [--name NAME --level 1-5 --region CODE --phone TEL --address TEXT]
 *
 * Grave lists: see server/cli/import-graves.ts and docs/import.md.
 * Loads a county roll (英名录) into the database the server uses (DATABASE_URL, or the embedded
 * database under MEMORIAL_DATA_DIR, default .data/). Every bad row is reported with its line.
 * All-or-nothing by default: one bad row and nothing is written. --partial writes the good rows.
 * --source namespaces the file's record numbers when they are only unique within the file.
 * Exit status: 0 all rows applied; 1 nothing applied (bad rows, or an error); 2 applied with
 * rows left out (--partial). Stop the server first when it runs on the embedded database: that
 * database can be opened by one process at a time.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { applyRoll, readRollFile } from '../import/roll.js';
import { seedDatabase } from '../seed-database.js';
import { runGraveImport } from './import-graves.js';

const USAGE = 'usage: npm run import -- <roll.csv|roll.xlsx|roll.json> [--partial] [--dry-run] [--source NAME]\n' +
  '       npm run import -- <graves.csv|graves.xlsx> --graves --cemetery ID [--name NAME --level 1-5 --region CODE --phone TEL --address TEXT] [--partial] [--dry-run] [--source NAME]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    partial: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    source: { type: 'string' },
    graves: { type: 'boolean', default: false },
    cemetery: { type: 'string' },
    name: { type: 'string' },
    level: { type: 'string' },
    region: { type: 'string' },
    phone: { type: 'string' },
    address: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || positionals.length !== 1 || (values.graves && !values.cemetery)) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 1);
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const file = resolve(process.cwd(), positionals[0]!);
const config = await loadConfig(repoRoot);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
let exitCode = 1;
try {
  await migrate(db);
  // Periods (and campaigns) are reference data the roll refers to; no sample martyrs here.
  await seedDatabase(db, { sampleMartyrs: false });
  if (values.graves) {
    const { name, level, region, phone, address } = values;
    const args = { file, label: positionals[0]!, cemeteryId: values.cemetery!, partial: values.partial, dryRun: values['dry-run'], namespace: values.source };
    ({ exitCode } = await runGraveImport(db, { ...args, cemetery: { name, level, region, phone, address } }, console));
  } else {
    const parsed = await readRollFile(file, db, { namespace: values.source });
    const report = await applyRoll(db, parsed, { partial: values.partial, dryRun: values['dry-run'] });
    for (const b of report.bad) console.error(`${positionals[0]}:${b.line}: ${b.reason}`);
    const target = db.kind === 'pglite' ? `embedded database ${join(config.dataDir, 'pglite')}` : 'PostgreSQL';
    if (values['dry-run']) {
      console.log(`Dry run: ${report.total} rows read, ${report.bad.length} bad; nothing written.`);
      exitCode = report.bad.length === 0 ? 0 : 1;
    } else if (report.applied) {
      console.log(
        `Imported ${positionals[0]} into ${target}: ${report.total} rows read, ${report.inserted} new, ${report.updated} updated, ` +
          `${report.unchanged} unchanged${report.bad.length ? `, ${report.bad.length} left out` : ''}; ${report.newMatches} new family-search matches.`,
      );
      exitCode = report.bad.length === 0 ? 0 : 2;
    } else {
      console.error(`Nothing imported: ${report.bad.length} bad row${report.bad.length === 1 ? '' : 's'} of ${report.total}. Fix them and run again (or use --partial).`);
    }
  }
} catch (err) {
  console.error('Import failed; nothing was written:', err instanceof Error ? err.message : err);
} finally {
  await db.close();
}
process.exit(exitCode);

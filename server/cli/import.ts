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
 * rows left out (--partial). Works while the server runs: the running server does the work
 * (see run-against-server.ts), since the embedded database has one owner.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCommand } from './run-against-server.js';

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

// An absolute path: the server that may do the work runs in another directory.
const file = resolve(process.cwd(), positionals[0]!);
if (values.graves) {
  const { name, level, region, phone, address } = values;
  await runCommand('import.graves', {
    file, label: positionals[0]!, cemeteryId: values.cemetery!, partial: values.partial, dryRun: values['dry-run'], namespace: values.source,
    cemetery: { name, level, region, phone, address },
  });
} else {
  await runCommand('import', { file, partial: values.partial, dryRun: values['dry-run'], source: values.source });
}

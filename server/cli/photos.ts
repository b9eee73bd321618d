/**
 * npm run photos -- <folder|photos.zip> --cemetery ID [--dry-run]
 *
 * Attaches grave photos named by 墓区-排-号 (一区-3-12.jpg, A-03-012.JPG) to the graves of a
 * cemetery, through the same pipeline as uploads, and reports every file. Works while the server
 * runs (the running server does the work, see run-against-server.ts); with no server it opens the
 * database itself and prints progress as it goes. The work itself is runPhotoImport(db, …).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCommand } from './run-against-server.js';

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

// An absolute path: the server that may do the work runs in another directory.
await runCommand('photos', { source: resolve(process.cwd(), positionals[0]!), cemeteryId: values.cemetery, dryRun: values['dry-run'] });

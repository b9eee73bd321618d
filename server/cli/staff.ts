/**
 * npm run staff -- add LOGIN --role ROLE [--role ROLE…] [--region CODE | --cemetery ID] [--name NAME]
 *   Creates a staff account; the password is read from stdin (one line), never from the command line.
 * npm run staff -- token LOGIN --label TEXT
 *   Prints a new API token acting as that person (stdout: the token only).
 * npm run staff -- list
 *
 * Works whether or not the server is running (see run-against-server.ts).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { runCommand } from './run-against-server.js';

const USAGE = [
  'usage: npm run staff -- add LOGIN --role ROLE [--role ROLE…] [--region CODE | --cemetery ID] [--name NAME]   (password on stdin)',
  '       npm run staff -- token LOGIN --label TEXT',
  '       npm run staff -- list',
  'roles: admin, moderator, caseworker, cemetery, campaigns, auditor',
].join('\n');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string', multiple: true },
    region: { type: 'string' },
    cemetery: { type: 'string' },
    name: { type: 'string' },
    label: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters; it will be shown as you type): ');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  return '';
}

const [command, login] = positionals;
if (values.help || !command) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 1);
}
if (command === 'add' && login && values.role?.length) {
  const password = await readPassword();
  await runCommand('staff.add', { login, displayName: values.name, password, roles: values.role, region: values.region, cemetery: values.cemetery });
} else if (command === 'token' && login && values.label) {
  await runCommand('staff.token', { login, label: values.label });
} else if (command === 'list') {
  await runCommand('staff.list', {});
} else {
  console.error(USAGE);
  process.exit(1);
}

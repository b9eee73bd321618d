import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The data directory holds relatives' personal data (in the database files and the WAL) and
 * the data key: readable by the server's user only. Directories 0700, files 0600, whatever the
 * umask; the server also runs with umask 077 so that files PGlite creates later are born so.
 */
export async function restrictTree(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await restrictTree(path);
    else if (entry.isFile()) await chmod(path, 0o600);
  }
}

/** Creates `dir` (0700) if needed, tightens everything already in it, and sets the process umask to 077. */
export async function privateDataDir(dir: string): Promise<void> {
  process.umask(0o077);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await restrictTree(dir);
}

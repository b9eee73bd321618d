/**
 * One way for every command line tool (`staff`, `import`, later `photos`) to do its work,
 * whether or not the server is running. The embedded database (PGlite) has a single owner, so:
 *
 * - the running server writes `server.json` (mode 0600) into the data directory with its
 *   loopback URL, its process id and a random operator secret made at start-up;
 * - a tool that finds that file, with the process alive, sends its command there
 *   (`POST /api/v1/operator/<command>` from loopback, `Authorization: Operator <secret>`),
 *   and the server runs it on the database it owns;
 * - with no server running (or on PostgreSQL, where many processes may connect), the tool
 *   opens the database itself and runs the very same function (commands.ts).
 *
 * Reading the file needs the server's own user (0600), which is what the secret proves.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { seedDatabase } from '../seed-database.js';
import { commands, type CommandResult } from './commands.js';

export interface ServerInfo {
  url: string;
  pid: number;
  secret: string;
}

const INFO_FILE = 'server.json';

export const newOperatorSecret = () => randomBytes(32).toString('base64url');

/** Written by the server once it listens; removed when it stops. */
export async function writeServerInfo(dataDir: string, info: ServerInfo): Promise<void> {
  const file = join(dataDir, INFO_FILE);
  await writeFile(file, JSON.stringify(info), { mode: 0o600 });
  // writeFile's mode applies only when it creates the file.
  await chmod(file, 0o600);
}

/** Synchronous, so it is done even when the process exits right after (signal handlers). */
export function removeServerInfo(dataDir: string, pid = process.pid): void {
  try {
    const info = JSON.parse(readFileSync(join(dataDir, INFO_FILE), 'utf8')) as Partial<ServerInfo>;
    if (info.pid === pid) rmSync(join(dataDir, INFO_FILE), { force: true });
  } catch {
    /* no file: nothing to remove */
  }
}

export async function readServerInfo(dataDir: string): Promise<ServerInfo | null> {
  try {
    const v = JSON.parse(await readFile(join(dataDir, INFO_FILE), 'utf8')) as ServerInfo;
    return typeof v.url === 'string' && typeof v.secret === 'string' && Number.isInteger(v.pid) ? v : null;
  } catch {
    return null;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Sends a command to the running server; null when no server answers (stale file). */
async function viaServer(info: ServerInfo, name: string, args: unknown): Promise<CommandResult | null> {
  let res: Response;
  try {
    res = await fetch(new URL(`api/v1/operator/${encodeURIComponent(name)}`, info.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Operator ${info.secret}` },
      body: JSON.stringify(args),
    });
  } catch {
    return null;
  }
  const body = (await res.json().catch(() => null)) as (CommandResult & { message?: string }) | null;
  if (res.ok && body && Array.isArray(body.out)) return body;
  return { exitCode: 1, out: [], err: [`The running server refused the command: ${res.status} ${body?.message ?? ''}`.trim()] };
}

/** Runs a command on a database this process opens (no server running, or PostgreSQL). */
async function locally(repoRoot: string, name: string, args: unknown): Promise<CommandResult> {
  const config = await loadConfig(repoRoot);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), schema: config.pgSchema });
  try {
    await migrate(db);
    // Periods and campaigns are reference data the roll refers to; no sample martyrs here.
    await seedDatabase(db, { sampleMartyrs: false });
    const target = db.kind === 'pglite' ? `embedded database ${join(config.dataDir, 'pglite')}` : 'PostgreSQL';
    return await commands[name]!({ db, now: () => new Date(), target, live: true }, args);
  } finally {
    await db.close();
  }
}

/**
 * Runs `name` with `args` through the running server when there is one, else on the database
 * directly; prints what it printed and exits with its status.
 */
export async function runCommand(name: keyof typeof commands & string, args: unknown): Promise<never> {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const dataDir = process.env.MEMORIAL_DATA_DIR || join(repoRoot, '.data');
  let result: CommandResult;
  try {
    const info = await readServerInfo(dataDir);
    const remote = info && alive(info.pid) ? await viaServer(info, name, args) : null;
    if (remote) console.error(`(through the running server at ${info!.url})`);
    result = remote ?? (await locally(repoRoot, name, args));
  } catch (err) {
    result = { exitCode: 1, out: [], err: [err instanceof Error ? err.message : String(err)] };
  }
  for (const line of result.err) console.error(line);
  for (const line of result.out) console.log(line);
  process.exit(result.exitCode);
}

// Before `npm test` runs any stage: are the system packages it needs installed? As root on
// Debian it installs what is missing (apt-get update once, then one apt-get install); otherwise
// it prints one line with the exact `apt-get install -y …` and the test command stops at once,
// instead of failing minutes later at the first browser it cannot find.
//
//   node scripts/preflight.mjs            what `npm test` needs with this environment (BROWSERS, CI, TEST_DATABASE_URL)
//   node scripts/preflight.mjs --all      every package in scripts/system-packages.mjs (.ci/run)
//   --no-install                          only report, even as root
//
// Node built-ins only: `.ci/run` runs it before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, SYSTEM_PACKAGES, selectedBrowsers, systemPaths } from './system-packages.mjs';

export const PG_COMMAND = 'npm run pg:throwaway -- npm test';

/**
 * The parts of `npm test` this environment runs: the node tests, the selected engines, and
 * whether the PostgreSQL pass needs the local `postgresql` package: `required` in CI without a
 * TEST_DATABASE_URL (CI must not skip the pass), `optional` on a developer's machine (missing
 * means the pass is skipped with a note), `none` when TEST_DATABASE_URL points somewhere.
 */
export function neededParts(env = process.env) {
  const postgres = env.TEST_DATABASE_URL ? 'none' : env.CI && env.CI !== 'false' ? 'required' : 'optional';
  return { parts: ['node', ...selectedBrowsers(env.BROWSERS)], postgres };
}

/**
 * The packages that serve any of `parts`, each with its first missing file (or none), and
 * whether that file is the package's own (false: an environment variable points elsewhere, and
 * installing the package would not help).
 */
export function checkSystemPackages({ parts, env = process.env, root = '/' }) {
  const paths = systemPaths(env, root);
  const defaults = systemPaths({}, root);
  return SYSTEM_PACKAGES.filter((pkg) => pkg.for.some((p) => parts.includes(p))).map((pkg) => {
    const missingFile = pkg.files(paths).find((file) => !existsSync(file));
    return { apt: pkg.apt, why: pkg.why, missingFile, installable: missingFile !== undefined && pkg.files(defaults).includes(missingFile) };
  });
}

export const aptInstallLine = (missing) => `apt-get install -y ${missing.map((m) => m.apt).join(' ')}`;

/** The one line a developer sees when packages are missing. */
export const missingLine = (missing) =>
  `✖ missing system packages: ${missing.map((m) => `${m.apt} (${m.why}: no ${m.missingFile})`).join(', ')} — install them as root with: ${aptInstallLine(missing)}`;

function aptGet(args, logFile) {
  const r = spawnSync('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, encoding: 'utf8' });
  writeFileSync(logFile, `$ apt-get ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}\n`, { flag: 'a' });
  return r.status ?? 1;
}

/**
 * Checks (and as root on Debian installs) the packages for `parts`. `root`, `isRoot` and `run`
 * (runs apt-get, answers its exit status) let a test point the checks at a directory of its own.
 * Answers `{ ok, installed, note }`; `note` says why the PostgreSQL pass will be skipped.
 */
export function preflight({
  env = process.env,
  all = false,
  install = true,
  root = '/',
  isRoot = process.getuid?.() === 0,
  run = aptGet,
  log = console.log,
  error = console.error,
} = {}) {
  const { parts, postgres } = all ? { parts: ['node', ...BROWSERS], postgres: 'required' } : neededParts(env);
  const required = postgres === 'required' ? [...parts, 'postgres'] : parts;
  let missing = checkSystemPackages({ parts: required, env, root }).filter((m) => m.missingFile);
  const installed = [];

  const debian = existsSync(path.join(root, 'etc/debian_version')) && existsSync(path.join(root, 'usr/bin/apt-get'));
  const installable = missing.filter((m) => m.installable);
  if (installable.length && install && isRoot && debian) {
    const logFile = path.join(tmpdir(), `memorial-apt-${process.pid}.log`);
    log(`installing missing system packages: ${aptInstallLine(installable)}  (output in ${logFile})`);
    const ok = run(['update', '-qq'], logFile) === 0 && run(['install', '-y', '-qq', ...installable.map((m) => m.apt)], logFile) === 0;
    if (!ok && existsSync(logFile)) error(readFileSync(logFile, 'utf8').split('\n').slice(-50).join('\n'));
    const still = checkSystemPackages({ parts: required, env, root }).filter((m) => m.missingFile);
    installed.push(...missing.filter((m) => !still.some((s) => s.apt === m.apt)).map((m) => m.apt));
    missing = still;
  }
  if (missing.length) {
    error(missingLine(missing));
    return { ok: false, installed, note: undefined };
  }

  let note;
  if (postgres === 'optional') {
    const [pg] = checkSystemPackages({ parts: ['postgres'], env, root });
    note = pg?.missingFile
      ? `PostgreSQL pass skipped: postgresql is not installed; apt-get install -y postgresql, then ${PG_COMMAND} runs both passes`
      : `PostgreSQL pass skipped: TEST_DATABASE_URL is not set; ${PG_COMMAND} runs both passes on a throwaway cluster`;
  } else if (postgres === 'required' && !all) {
    error(`✖ CI runs the PostgreSQL pass, but TEST_DATABASE_URL is not set (.ci/run sets it; or: ${PG_COMMAND})`);
    return { ok: false, installed, note: undefined };
  }
  return { ok: true, installed, note };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const result = preflight({ all: args.includes('--all'), install: !args.includes('--no-install') });
  if (result.ok) console.log(`system packages: all present${result.installed.length ? ` (installed ${result.installed.join(' ')})` : ''}`);
  process.exit(result.ok ? 0 : 1);
}

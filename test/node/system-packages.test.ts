/**
 * The preflight of `npm test` (scripts/preflight.mjs over scripts/system-packages.mjs): which
 * Debian packages a run needs, how a missing one is reported, and when it installs them itself.
 *
 * Every package is installed on the machines that run this suite, so the "missing" cases point
 * the real file checks at a directory of the test's own (`root`), where the test decides which
 * files exist; nothing is uninstalled. apt-get itself is the one thing replaced (`run`): the
 * replacement records its arguments and puts the package's files into that directory, as apt
 * would. The last cases run the real test command with a browser path that does not exist.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkSystemPackages, neededParts, PG_COMMAND, preflight } from '../../scripts/preflight.mjs';
import { postgresBin, SYSTEM_PACKAGES, systemPaths } from '../../scripts/system-packages.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'memorial-syspkg-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
/** A fresh root directory holding `files` (paths relative to it), executable like binaries. */
function fakeRoot(files: string[] = []): string {
  const root = path.join(scratch, `root-${++n}`);
  mkdirSync(root);
  for (const f of files) put(root, f);
  return root;
}
function put(root: string, file: string): void {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, '');
  chmodSync(full, 0o755);
}

/** The files of these packages, relative to a root (what apt would unpack). */
function filesOf(...apts: string[]): string[] {
  const paths = systemPaths({}, '/');
  return apts.flatMap((apt) => {
    if (apt === 'postgresql') return ['usr/lib/postgresql/15/bin/initdb', 'usr/lib/postgresql/15/bin/pg_ctl'];
    const pkg = SYSTEM_PACKAGES.find((p) => p.apt === apt);
    assert.ok(pkg, `${apt} is in the list`);
    return pkg.files(paths).map((f) => f.slice(1));
  });
}
const DEBIAN = ['etc/debian_version', 'usr/bin/apt-get'];
const ALL_APT = ['chromium', 'firefox-esr', 'webkit2gtk-driver', 'xvfb', 'xauth', 'fonts-noto-cjk', 'postgresql'];

/** Runs preflight, collecting what it prints and every apt-get call. */
function runPreflight(options: Parameters<typeof preflight>[0] & { apt?: (args: string[]) => number }) {
  const out: string[] = [];
  const err: string[] = [];
  const apt: string[][] = [];
  const result = preflight({
    isRoot: false,
    ...options,
    run: (args) => {
      apt.push(args);
      return options.apt ? options.apt(args) : 0;
    },
    log: (l) => out.push(l),
    error: (l) => err.push(l),
  });
  return { result, out, err, apt };
}

describe('the one list of system packages', () => {
  it('names each package the tests need exactly once', () => {
    assert.deepEqual(SYSTEM_PACKAGES.map((p) => p.apt).sort(), [...ALL_APT].sort());
  });

  it('is the list the README tells a newcomer to install, and .ci/run installs through the preflight', () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    assert.ok(readme.includes(`sudo apt-get install -y ${SYSTEM_PACKAGES.map((p) => p.apt).join(' ')}\n`), 'README apt-get line');
    const ci = readFileSync(path.join(repo, '.ci/run'), 'utf8');
    assert.match(ci, /^node scripts\/preflight\.mjs --all$/m);
    assert.match(ci, /^source scripts\/throwaway-pg\.sh$/m);
    assert.doesNotMatch(ci, /apt-get install/, '.ci/run keeps no list of its own');
  });

  it('reports every package as missing, by name and file, in an empty root', () => {
    const root = fakeRoot();
    const checks = checkSystemPackages({ parts: ['node', 'chromium', 'firefox', 'webkit', 'postgres'], env: {}, root });
    assert.deepEqual(
      checks.map((c) => c.apt),
      ALL_APT,
    );
    for (const c of checks) {
      assert.ok(c.missingFile?.startsWith(root), `${c.apt}: ${c.missingFile}`);
      assert.equal(c.installable, true);
    }
    assert.equal(checks.find((c) => c.apt === 'chromium')?.missingFile, path.join(root, 'usr/lib/chromium/chromium'));
    assert.equal(checks.find((c) => c.apt === 'fonts-noto-cjk')?.missingFile, path.join(root, 'usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'));
  });

  it('does not report a package whose files are there', () => {
    const root = fakeRoot(filesOf('chromium', 'fonts-noto-cjk'));
    const checks = checkSystemPackages({ parts: ['node', 'firefox'], env: {}, root });
    assert.deepEqual(
      checks.filter((c) => c.missingFile).map((c) => c.apt),
      ['firefox-esr'],
    );
    assert.equal(checks.find((c) => c.apt === 'chromium')?.missingFile, undefined);
  });

  it('needs both WebKit files: a driver without MiniBrowser is still missing', () => {
    const root = fakeRoot(['usr/bin/WebKitWebDriver']);
    const [webkit] = checkSystemPackages({ parts: ['webkit'], env: {}, root });
    assert.equal(webkit?.apt, 'webkit2gtk-driver');
    assert.match(webkit?.missingFile ?? '', /webkit2gtk-4\.1\/MiniBrowser$/);
  });

  it('finds this machine’s Chromium and CJK fonts, which every npm test needs', () => {
    const checks = checkSystemPackages({ parts: ['node'], env: { CHROMIUM_BIN: process.env.CHROMIUM_BIN } });
    assert.deepEqual(
      checks.map((c) => [c.apt, c.missingFile]),
      [
        ['chromium', undefined],
        ['fonts-noto-cjk', undefined],
      ],
    );
  });

  it('picks the newest PostgreSQL major that has initdb and pg_ctl', () => {
    const root = fakeRoot(['usr/lib/postgresql/15/bin/initdb', 'usr/lib/postgresql/15/bin/pg_ctl', 'usr/lib/postgresql/17/bin/initdb', 'usr/lib/postgresql/16/bin/pg_ctl']);
    assert.equal(postgresBin(systemPaths({}, root)), path.join(root, 'usr/lib/postgresql/15/bin'));
    put(root, 'usr/lib/postgresql/17/bin/pg_ctl');
    assert.equal(postgresBin(systemPaths({}, root)), path.join(root, 'usr/lib/postgresql/17/bin'));
    assert.equal(postgresBin(systemPaths({}, fakeRoot())), undefined);
  });
});

describe('what a run needs (BROWSERS, CI, TEST_DATABASE_URL)', () => {
  it('all three engines by default; a subset needs only its own', () => {
    assert.deepEqual(neededParts({}).parts, ['node', 'chromium', 'firefox', 'webkit']);
    assert.deepEqual(neededParts({ BROWSERS: 'chromium' }).parts, ['node', 'chromium']);
    assert.throws(() => neededParts({ BROWSERS: 'chromium,safari' }), /BROWSERS must be a comma list/);
  });

  it('BROWSERS=chromium passes without Firefox or WebKit; BROWSERS=firefox does not', () => {
    const root = fakeRoot(filesOf('chromium', 'fonts-noto-cjk'));
    const chromiumOnly = runPreflight({ env: { BROWSERS: 'chromium' }, root });
    assert.equal(chromiumOnly.result.ok, true);
    assert.deepEqual(chromiumOnly.err, []);

    const firefox = runPreflight({ env: { BROWSERS: 'firefox' }, root });
    assert.equal(firefox.result.ok, false);
    assert.equal(firefox.err.length, 1);
    assert.match(firefox.err[0]!, /: apt-get install -y firefox-esr$/);
    assert.doesNotMatch(firefox.err[0]!, /webkit|xvfb/);
  });

  it('PostgreSQL: a skip note when missing or not started, required in CI, unneeded with a URL', () => {
    const bare = fakeRoot(filesOf('chromium', 'fonts-noto-cjk'));
    const missing = runPreflight({ env: { BROWSERS: 'chromium' }, root: bare });
    assert.equal(missing.result.ok, true);
    assert.equal(missing.result.note, `PostgreSQL pass skipped: postgresql is not installed; apt-get install -y postgresql, then ${PG_COMMAND} runs both passes`);

    const withPg = fakeRoot(filesOf('chromium', 'fonts-noto-cjk', 'postgresql'));
    const notStarted = runPreflight({ env: { BROWSERS: 'chromium' }, root: withPg });
    assert.equal(notStarted.result.ok, true);
    assert.match(notStarted.result.note ?? '', /TEST_DATABASE_URL is not set; npm run pg:throwaway -- npm test runs both passes/);

    const ci = runPreflight({ env: { BROWSERS: 'chromium', CI: 'true' }, root: bare });
    assert.equal(ci.result.ok, false);
    assert.deepEqual(ci.err, [`✖ missing system packages: postgresql (the PostgreSQL pass: no ${path.join(bare, 'usr/lib/postgresql/<major>/bin/initdb')}) — install them as root with: apt-get install -y postgresql`]);

    const ciNoUrl = runPreflight({ env: { BROWSERS: 'chromium', CI: 'true' }, root: withPg });
    assert.equal(ciNoUrl.result.ok, false);
    assert.match(ciNoUrl.err[0]!, /CI runs the PostgreSQL pass, but TEST_DATABASE_URL is not set/);

    const url = runPreflight({ env: { BROWSERS: 'chromium', CI: 'true', TEST_DATABASE_URL: 'postgres://db.example/x' }, root: bare });
    assert.deepEqual([url.result.ok, url.result.note, url.err], [true, undefined, []]);
  });
});

describe('missing packages: one line, or apt-get as root on Debian', () => {
  it('--all (.ci/run) checks every package in the list, whatever BROWSERS says', () => {
    const { result, err } = runPreflight({ all: true, env: { BROWSERS: 'chromium' }, root: fakeRoot() });
    assert.equal(result.ok, false);
    assert.match(err[0]!, new RegExp(`: apt-get install -y ${ALL_APT.join(' ')}$`));
  });

  it('not root: one line with the exact apt-get command for everything missing, and no apt-get', () => {
    const root = fakeRoot([...DEBIAN, ...filesOf('chromium')]);
    const { result, err, apt } = runPreflight({ env: {}, root });
    assert.equal(result.ok, false);
    assert.deepEqual(apt, []);
    assert.equal(err.length, 1);
    assert.ok(!err[0]!.includes('\n'), 'one line');
    assert.ok(err[0]!.endsWith(' — install them as root with: apt-get install -y firefox-esr webkit2gtk-driver xvfb xauth fonts-noto-cjk'), err[0]);
    for (const name of ['firefox-esr', 'webkit2gtk-driver', 'xvfb', 'xauth', 'fonts-noto-cjk']) assert.ok(err[0]!.includes(`${name} (`), name);
    assert.ok(!err[0]!.includes('chromium ('), 'chromium is there');
  });

  it('root on Debian: apt-get update once, one install of what is missing, then checks again', () => {
    const root = fakeRoot([...DEBIAN, ...filesOf('chromium', 'fonts-noto-cjk')]);
    let installs = 0;
    const { result, err, out, apt } = runPreflight({
      env: { BROWSERS: 'firefox,webkit' },
      root,
      isRoot: true,
      apt: (args) => {
        if (args[0] === 'install') {
          installs++;
          for (const f of filesOf(...args.slice(3))) put(root, f);
        }
        return 0;
      },
    });
    assert.deepEqual(apt, [
      ['update', '-qq'],
      ['install', '-y', '-qq', 'firefox-esr', 'webkit2gtk-driver', 'xvfb', 'xauth'],
    ]);
    assert.equal(installs, 1);
    assert.deepEqual([result.ok, result.installed, err], [true, ['firefox-esr', 'webkit2gtk-driver', 'xvfb', 'xauth'], []]);
    assert.match(out[0]!, /^installing missing system packages: apt-get install -y firefox-esr webkit2gtk-driver xvfb xauth /);
    // the next run finds them and calls nothing
    const again = runPreflight({ env: { BROWSERS: 'firefox,webkit' }, root, isRoot: true });
    assert.deepEqual([again.result.ok, again.apt], [true, []]);
  });

  it('root on Debian when apt-get fails: the one line for what is still missing', () => {
    const root = fakeRoot([...DEBIAN, ...filesOf('chromium', 'fonts-noto-cjk')]);
    const { result, err } = runPreflight({ env: { BROWSERS: 'firefox' }, root, isRoot: true, apt: (args) => (args[0] === 'install' ? 100 : 0) });
    assert.equal(result.ok, false);
    assert.match(err.at(-1)!, /install them as root with: apt-get install -y firefox-esr$/);
  });

  it('root elsewhere than Debian, or --no-install: reports without apt-get', () => {
    const notDebian = runPreflight({ env: { BROWSERS: 'chromium' }, root: fakeRoot(), isRoot: true });
    assert.deepEqual([notDebian.result.ok, notDebian.apt], [false, []]);
    assert.match(notDebian.err[0]!, /apt-get install -y chromium fonts-noto-cjk$/);
    const noInstall = runPreflight({ env: { BROWSERS: 'chromium' }, root: fakeRoot(DEBIAN), isRoot: true, install: false });
    assert.deepEqual([noInstall.result.ok, noInstall.apt], [false, []]);
  });

  it('a path set by an environment variable is reported with that path and not "fixed" by apt-get', () => {
    const root = fakeRoot([...DEBIAN, ...filesOf('chromium', 'fonts-noto-cjk', 'firefox-esr')]);
    const elsewhere = path.join(root, 'opt/firefox/firefox');
    const { result, err, apt } = runPreflight({ env: { BROWSERS: 'firefox', FIREFOX_BIN: elsewhere }, root, isRoot: true });
    assert.deepEqual([result.ok, apt], [false, []]);
    assert.deepEqual(err, [`✖ missing system packages: firefox-esr (Firefox ESR: no ${elsewhere}) — install them as root with: apt-get install -y firefox-esr`]);
  });
});

describe('npm test stops at the preflight', () => {
  const env = (extra: Record<string, string>) => {
    const { TEST_DATABASE_URL: _url, CI: _ci, ...rest } = process.env;
    return { ...rest, ...extra };
  };
  const noFirefox = path.join(scratch, 'no-such-firefox');

  it('with a missing browser: the one line, a failed summary, before the type-check', () => {
    // no --preflight-only: a broken preflight would go on to the type-check, which the timeout cuts short
    const r = spawnSync(process.execPath, ['scripts/test.mjs', '--no-install'], {
      cwd: repo,
      env: env({ BROWSERS: 'firefox', FIREFOX_BIN: noFirefox }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.deepEqual(r.stderr.trim().split('\n'), [
      `✖ missing system packages: firefox-esr (Firefox ESR: no ${noFirefox}) — install them as root with: apt-get install -y firefox-esr`,
    ]);
    assert.doesNotMatch(r.stdout, /typecheck/);
    assert.equal(r.stdout.trim().split('\n').at(-1), 'total: 0 passed, 1 failed');
  });

  it('BROWSERS=chromium does not care that Firefox is missing', () => {
    const r = spawnSync(process.execPath, ['scripts/test.mjs', '--preflight-only', '--no-install'], {
      cwd: repo,
      env: env({ BROWSERS: 'chromium', FIREFOX_BIN: noFirefox }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /\(PostgreSQL pass skipped: /);
    assert.equal(r.stdout.trim().split('\n').at(-1), 'total: 0 passed, 0 failed');
  });
});

// npm test: every check, in order, stopping at the first failure.
//
//   0. preflight             the system packages of scripts/system-packages.mjs that this run needs
//                            (scripts/preflight.mjs): installed as root on Debian, else one line
//                            with the apt-get command and a stop before anything else runs
//   1. tsc --noEmit          type-check (src, server, test, bench, scripts)
//   2. eslint .
//   3. npm run build         dist/ (the browser tests load the built CDN file)
//   4. size --check          no new Function / eval in the built browser code
//   5. node tests            test/node/*.test.ts on embedded PGlite
//   6. node tests again      with TEST_DATABASE_URL (PostgreSQL), only when it is set
//                            (`npm run pg:throwaway -- npm test` sets it to a throwaway cluster)
//   7. browser tests         test/browser/**/*.test.ts in Chromium, Firefox ESR, WebKit
//                            (BROWSERS=chromium,… selects a subset)
//
// Ends with one line `total: N passed, N failed[, N skipped]` over the node and browser tests
// (a failed non-test stage counts as one failure) and exits non-zero on any failure.
//
//   node scripts/test.mjs --preflight-only   stop after the preflight (CI logs, a quick check)
//   npm test -- --no-install                 never run apt-get, even as root: only report
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preflight } from './preflight.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const tmp = mkdtempSync(path.join(tmpdir(), 'memorial-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];
const started = Date.now();
const flags = process.argv.slice(2);

/** The environment without TEST_DATABASE_URL: the first node run and the browser run use PGlite. */
const { TEST_DATABASE_URL, ...envWithoutDb } = process.env;

let current;
function forward(signal) {
  if (current && current.exitCode === null) current.kill(signal);
}
process.on('SIGINT', () => forward('SIGINT'));
process.on('SIGTERM', () => forward('SIGTERM'));

function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });
    current = child;
    child.on('error', (error) => {
      console.error(`${cmd}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function finish(code) {
  rmSync(tmp, { recursive: true, force: true });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n── summary (${secs} s) ──`);
  for (const t of timings) console.log(`  ${t.ok ? 'ok  ' : 'FAIL'}  ${t.name.padEnd(40)} ${t.secs.toFixed(1).padStart(6)} s${t.counts ? `  ${t.counts}` : ''}`);
  console.log(`total: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(code);
}

/** Runs one stage; on failure prints the summary and exits. `count` reads the stage's test counts. */
async function stage(name, cmd, args, { env, count } = {}) {
  const shown = cmd === process.execPath ? 'node' : cmd.startsWith(root) ? path.relative(root, cmd) : cmd;
  console.log(`\n━━ ${name} ━━  ${[shown, ...args.map((a) => (a.startsWith(root) ? path.relative(root, a) : a))].join(' ')}`);
  const t0 = Date.now();
  const code = await run(cmd, args, env);
  const counts = count?.();
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
  // a runner that failed without reporting a failed test (crash, load error) still counts once
  if (code !== 0 && (!counts || counts.failed === 0)) totals.failed += 1;
  timings.push({
    name,
    ok: code === 0,
    secs: (Date.now() - t0) / 1000,
    counts: counts && `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`,
  });
  if (code !== 0) {
    console.error(`\n✖ ${name} failed (exit ${code})`);
    finish(code);
  }
}

/** Counts from the TAP file the node test runner writes next to its spec output. */
function tapCounts(file) {
  return () => {
    if (!existsSync(file)) return undefined;
    const tap = readFileSync(file, 'utf8');
    const n = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
    return { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') };
  };
}

function wtrCounts(file) {
  return () => {
    if (!existsSync(file)) return undefined;
    return JSON.parse(readFileSync(file, 'utf8')).total;
  };
}

const nodeTests = existsSync(path.join(root, 'test/node'))
  ? readdirSync(path.join(root, 'test/node'))
      .filter((f) => f.endsWith('.test.ts'))
      .sort()
      .map((f) => `test/node/${f}`)
  : [];

function nodeTestArgs(tapFile) {
  return [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...nodeTests,
  ];
}

/** Stage 0, in this process: answers the note on the PostgreSQL pass, or prints the summary and exits. */
function systemPackagesStage() {
  const name = 'preflight (system packages)';
  console.log(`\n━━ ${name} ━━  BROWSERS=${process.env.BROWSERS ?? 'chromium,firefox,webkit'}`);
  const t0 = Date.now();
  let result;
  try {
    result = preflight({ install: !flags.includes('--no-install') });
  } catch (error) {
    console.error(`✖ ${error.message}`); // a BROWSERS typo
    result = { ok: false };
  }
  timings.push({ name, ok: result.ok, secs: (Date.now() - t0) / 1000 });
  if (!result.ok) {
    totals.failed += 1;
    finish(1);
  }
  if (flags.includes('--preflight-only')) {
    if (result.note) console.log(`(${result.note})`);
    finish(0);
  }
  return result.note;
}

const postgresNote = systemPackagesStage();
await stage('typecheck (tsc --noEmit)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
await stage('lint (eslint)', bin('eslint'), ['.']);
await stage('build (npm run build)', 'npm', ['run', '--silent', 'build']);
// The React and Vue apps type-check against the built dist/types (memorial-elements/react, /vue).
await stage('typecheck demo apps (tsc, vue-tsc)', 'npm', ['run', '--silent', 'typecheck:demos']);
await stage('CSP check of dist', process.execPath, ['bench/size.mjs', '--check']);

if (nodeTests.length === 0) {
  console.log('\n(no test/node/*.test.ts files)');
} else {
  const tap1 = path.join(tmp, 'node-pglite.tap');
  await stage('node tests (PGlite)', process.execPath, nodeTestArgs(tap1), { env: envWithoutDb, count: tapCounts(tap1) });
  if (TEST_DATABASE_URL) {
    const tap2 = path.join(tmp, 'node-postgres.tap');
    await stage('node tests (PostgreSQL)', process.execPath, nodeTestArgs(tap2), {
      env: process.env,
      count: tapCounts(tap2),
    });
  } else {
    console.log(`\n(${postgresNote ?? 'TEST_DATABASE_URL not set: node tests ran on PGlite only'})`);
  }
}

const wtrSummary = path.join(tmp, 'wtr.json');
await stage(
  `browser tests (${process.env.BROWSERS ?? 'chromium,firefox,webkit'})`,
  process.execPath,
  ['--import', 'tsx', path.join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--config', 'web-test-runner.config.mjs'],
  { env: { ...envWithoutDb, WTR_SUMMARY_FILE: wtrSummary }, count: wtrCounts(wtrSummary) },
);

finish(0);

// npm start: build dist/ when it is missing or older than its sources (src/, docs/…), then run the reference server
// (server/main.ts under tsx), which serves the API and prints its URL. Stdio is inherited and
// SIGINT/SIGTERM/SIGHUP are forwarded; the exit code is the server's.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Newest mtime (ms) of any file under dir, skipping directories named in `skip`. */
function newest(dir, skip = new Set()) {
  let max = 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(d.name)) continue;
    const p = path.join(dir, d.name);
    const t = d.isDirectory() ? newest(p, skip) : statSync(p).mtimeMs;
    if (t > max) max = t;
  }
  return max;
}

/** Oldest mtime of the files the build must produce; 0 when one is missing. */
function oldestOutput() {
  const outputs = ['dist/index.js', 'dist/sdk.js', 'dist/contract.js', 'dist/cdn/memorial-elements.min.js', 'dist/site/index.html'];
  let min = Infinity;
  for (const rel of outputs) {
    const p = path.join(root, rel);
    if (!existsSync(p)) return 0;
    min = Math.min(min, statSync(p).mtimeMs);
  }
  return min;
}

const inputs = Math.max(
  newest(path.join(root, 'src')),
  // the docs site (dist/site/) is built from docs/, its builder and the OpenAPI document
  newest(path.join(root, 'docs')),
  newest(path.join(root, 'scripts/docs')),
  ...['rollup.config.mjs', 'package.json', 'tsconfig.json', 'scripts/build-docs.mjs', 'server/openapi.ts'].map((f) => statSync(path.join(root, f)).mtimeMs),
);
const built = oldestOutput();
if (built === 0 || built < inputs) {
  console.log(built === 0 ? 'dist/ is missing: building…' : 'dist/ is older than its sources: rebuilding…');
  const res = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error('build failed; not starting the server');
    process.exit(res.status ?? 1);
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`could not start the server: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    // re-raise so our parent sees the same kind of exit
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});

// npm run size — what a page actually downloads for each public entry.
//
// For every entry in dist/ (package "exports" + dist/elements/*.define.js) the entry is bundled
// WITH all its dependencies (lit, @lit/context, ky, zod/mini, shared chunks) by rollup and
// minified by terser, as an app's bundler would; the table shows raw / gzip / brotli of that
// bundle, next to gzip of the dist file alone. The CDN file is measured as shipped.
//
// It also enforces the CSP rule for browser code: no `new Function`, `Function(…)` or `eval(…)`
// in the CDN file or in any entry's bundle (strict `script-src` without 'unsafe-eval').
//
// Budgets (BUDGETS below) fail the run when an entry's bundled gzip size is over its limit:
// the campaign banner, which county portals paste into already slow CMS pages, must stay within
// 16 KB gzip, both as an npm entry (bundled with lit, @lit/context and zod/mini) and as its own
// CDN file.
//
//   node bench/size.mjs            table + budgets + CSP check, results in bench/out/size.json
//   node bench/size.mjs --check    CSP check of every dist/**/*.js and the CDN files' budgets only (fast)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const CDN = 'cdn/memorial-elements.min.js';
const checkOnly = process.argv.includes('--check');

/** gzip limits in bytes, by the `entry` name shown in the table. */
const BUDGETS = {
  'elements/campaign-banner.define.js': 16 * 1024,
  'cdn/memorial-campaign-banner.min.js': 16 * 1024,
};

/** Code generation from strings, which a CSP without 'unsafe-eval' blocks. */
const FORBIDDEN = [
  { name: 'new Function', re: /\bnew\s+Function\b/g },
  { name: 'Function(…)', re: /(?<!new\s+)(?<![\w$.])Function\s*\(/g },
  { name: 'eval(…)', re: /(?<![\w$.])eval\s*\(/g },
];

function forbiddenIn(code) {
  const found = [];
  for (const { name, re } of FORBIDDEN) {
    for (const m of code.matchAll(re)) {
      const at = m.index ?? 0;
      found.push(`${name} at offset ${at}: …${code.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, ' ')}…`);
    }
  }
  return found;
}

function fail(message) {
  console.error(`size: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(dist, 'index.js')) || !existsSync(path.join(dist, CDN))) {
  fail(`dist/ is missing or incomplete (need dist/index.js and dist/${CDN}). Run \`npm run build\` first.`);
}

function listJs(dir) {
  const out = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) {
      if (d.name !== 'types') out.push(...listJs(p));
    } else if (d.name.endsWith('.js')) out.push(p);
  }
  return out;
}

const problems = [];
function check(label, code) {
  for (const f of forbiddenIn(code)) problems.push(`${label}: ${f}`);
}

if (checkOnly) {
  const files = listJs(dist);
  for (const file of files) check(path.relative(root, file), readFileSync(file, 'utf8'));
  if (problems.length) {
    console.error(`size --check: string code generation found in browser code (breaks CSP without 'unsafe-eval'):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(`size --check: no new Function / eval in ${files.length} dist files (incl. ${CDN})`);
  // The budgets of the CDN files as shipped are cheap to check (no bundling): npm test does.
  let over = false;
  for (const [entry, budget] of Object.entries(BUDGETS)) {
    const file = path.join(dist, entry);
    if (!entry.startsWith('cdn/') || !existsSync(file)) continue;
    const size = gzipSync(readFileSync(file), { level: 9 }).length;
    const ok = size <= budget;
    over ||= !ok;
    (ok ? console.log : console.error)(`size --check: dist/${entry} is ${(size / 1024).toFixed(1)} KB gzip (budget ${(budget / 1024).toFixed(1)} KB)${ok ? '' : ': OVER BUDGET'}`);
  }
  process.exit(over ? 1 : 0);
}

const { rollup } = await import('rollup');
const { default: nodeResolve } = await import('@rollup/plugin-node-resolve');
const { default: terser } = await import('@rollup/plugin-terser');

/** Public entries: package exports (except the CDN file) and every element define module. */
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const entries = [];
for (const [key, value] of Object.entries(pkg.exports ?? {})) {
  const file = typeof value === 'string' ? value : value?.default;
  // `./elements/*.define.js` is a pattern: those files are listed from dist/elements/ below.
  if (!file?.endsWith('.js') || file.includes('/cdn/') || key.includes('*')) continue;
  entries.push({ name: key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`, file: path.join(root, file) });
}
const elementsDir = path.join(dist, 'elements');
if (existsSync(elementsDir)) {
  for (const f of readdirSync(elementsDir).filter((f) => f.endsWith('.define.js')).sort()) {
    entries.push({ name: `elements/${f}`, file: path.join(elementsDir, f) });
  }
}

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } })
    .length;

async function bundle(file) {
  const build = await rollup({
    input: file,
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'production'] })],
    onwarn: () => {},
  });
  try {
    const { output } = await build.generate({
      format: 'es',
      inlineDynamicImports: true,
      plugins: [terser({ module: true, ecma: 2020, format: { comments: false } })],
    });
    return Buffer.from(output[0].code);
  } finally {
    await build.close();
  }
}

const rows = [];
for (const entry of entries) {
  if (!existsSync(entry.file)) fail(`${path.relative(root, entry.file)} (export ${entry.name}) is missing from dist/. Run \`npm run build\`.`);
  const own = readFileSync(entry.file);
  const bundled = await bundle(entry.file);
  check(`${entry.name} (bundled)`, bundled.toString('utf8'));
  rows.push({
    entry: entry.name,
    file: path.relative(root, entry.file),
    fileGzip: gzip(own),
    raw: bundled.length,
    gzip: gzip(bundled),
    brotli: brotli(bundled),
  });
}
// Every self-contained CDN file, as shipped: the whole library and the banner on its own.
const cdnDir = path.join(dist, 'cdn');
for (const f of readdirSync(cdnDir).filter((f) => f.endsWith('.min.js')).sort()) {
  const code = readFileSync(path.join(cdnDir, f));
  check(`dist/cdn/${f}`, code.toString('utf8'));
  rows.push({ entry: `cdn/${f}`, file: `dist/cdn/${f}`, fileGzip: gzip(code), raw: code.length, gzip: gzip(code), brotli: brotli(code) });
}
for (const row of rows) if (BUDGETS[row.entry] !== undefined) row.budget = BUDGETS[row.entry];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const table = [
  ['entry', 'dist file gzip', 'bundled+min raw', 'gzip', 'brotli', 'gzip budget'],
  ...rows.map((r) => [r.entry, kb(r.fileGzip), kb(r.raw), kb(r.gzip), kb(r.brotli), r.budget ? `${kb(r.budget)} ${r.gzip <= r.budget ? 'ok' : 'OVER'}` : '']),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
console.log(line(table[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table.slice(1)) console.log(line(row));
console.log('\n"bundled+min": the entry with every dependency bundled and minified, i.e. what a page downloads for it alone.');
console.log('cdn/*: the self-contained CDN files as shipped (dist file = bundle).');

mkdirSync(path.join(root, 'bench/out'), { recursive: true });
writeFileSync(path.join(root, 'bench/out/size.json'), `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);

const over = rows.filter((r) => r.budget !== undefined && r.gzip > r.budget);
for (const r of over) console.error(`size: ${r.entry} is ${kb(r.gzip)} gzip, over its budget of ${kb(r.budget)}`);
if (over.length) process.exitCode = 1;
if (problems.length) {
  console.error(`\nsize: string code generation found in browser code (breaks CSP without 'unsafe-eval'):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`CSP check: no new Function / eval in the CDN file or any entry bundle.`);

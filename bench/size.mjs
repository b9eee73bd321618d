// npm run size — the page-weight budgets of issue 15, measured with rollup AND esbuild.
//
// Every figure is gzip -9 of minified JavaScript, 1 KB = 1024 B. Three ways a site gets the code:
//   cdn      what the browser fetches for a page that uses the snippet docs/getting-started.md
//            gives: that file, every chunk it imports statically, and (when the snippet is the
//            on-demand loader) each used tag's chunk dist/cdn/<tag>.js with its imports. Each
//            file is gzipped on its own and the sizes summed, as HTTP transfers them.
//   rollup   an app bundling the npm entries (dist/…) with rollup + terser, one bundle.
//   esbuild  the same with esbuild --bundle --minify.
// A budget holds when every column that applies is within it; the run fails past any budget.
//
// It also enforces the CSP rule for browser code: no `new Function`, `Function(…)` or `eval(…)`
// in any dist file or bundle (strict `script-src` without 'unsafe-eval').
//
//   node bench/size.mjs            every budget + CSP check, results in bench/out/size.json
//   node bench/size.mjs --check    CSP check of every dist/**/*.js and the loader's budget (fast, no bundling; npm test runs it)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const ALL_IN_ONE = 'cdn/memorial-elements.min.js';
const checkOnly = process.argv.includes('--check');
const KB = 1024;

/**
 * The issue's budget table. `tags` are the elements the page uses (each counted once: four
 * tribute buttons load one module); `sdk` is app code bundled instead of elements.
 */
const PAGES = [
  { name: 'county page: getting-started snippet + <memorial-campaign-banner>', tags: ['campaign-banner'], budget: 10 * KB },
  { name: 'media story: provider + martyr card + 4 tribute buttons + message wall', tags: ['provider', 'martyr-card', 'tribute-button', 'message-wall'], budget: 36 * KB },
  { name: 'relative search page', tags: ['provider', 'relative-search'], budget: 40 * KB },
  { name: 'memorial hall page', tags: ['provider', 'memorial-hall'], budget: 45 * KB },
  {
    name: 'app: createMemorialClient + martyrs.search',
    sdk: `import { createMemorialClient } from ${JSON.stringify(path.join(dist, 'sdk.js'))};
const client = createMemorialClient({ baseUrl: location.origin });
client.martyrs.search({ q: '张' }).firstPage().then((page) => console.log(page.items.length));`,
    budget: 18 * KB,
  },
];
/** Each element's npm entry bundled alone with its dependencies. */
const entryBudget = (name) => (name === 'campaign-banner' ? 10 * KB : 25 * KB);
/** The documented snippet, when it is the on-demand loader. */
const LOADER_BUDGET = 2 * KB;

/** Code generation from strings, which a CSP without 'unsafe-eval' blocks. */
const FORBIDDEN = [
  { name: 'new Function', re: /\bnew\s+Function\b/g },
  { name: 'Function(…)', re: /(?<!new\s+)(?<![\w$.])Function\s*\(/g },
  { name: 'eval(…)', re: /(?<![\w$.])eval\s*\(/g },
];
const problems = [];
function check(label, code) {
  for (const { name, re } of FORBIDDEN) {
    for (const m of code.matchAll(re)) {
      const at = m.index ?? 0;
      problems.push(`${label}: ${name} at offset ${at}: …${code.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, ' ')}…`);
    }
  }
}

function fail(message) {
  console.error(`size: ${message}`);
  process.exit(1);
}
if (!existsSync(path.join(dist, 'index.js')) || !existsSync(path.join(dist, ALL_IN_ONE))) {
  fail(`dist/ is missing or incomplete (need dist/index.js and dist/${ALL_IN_ONE}). Run \`npm run build\` first.`);
}

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

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

// ── the cdn column: the files a browser fetches ──────────────────────────────────────────────

/** The script the getting-started page tells a site to paste: `…/dist/<this>`. */
function snippetFile() {
  const md = readFileSync(path.join(root, 'docs/getting-started.md'), 'utf8');
  const m = md.match(/<script type="module" src="[^"]*\/dist\/(cdn\/[^"]+\.js)"/);
  if (!m) fail('docs/getting-started.md has no <script type="module" src="…/dist/cdn/…"> snippet');
  return m[1];
}

/** `file` and every module it imports statically (relative specifiers), transitively. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/\b(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) staticClosure(path.resolve(path.dirname(file), m[1]), seen);
  return seen;
}

/** The files a page using `tags` fetches through the snippet, or undefined when a tag has no CDN module. */
function cdnFiles(tags) {
  const snippet = path.join(dist, snippetFile());
  const files = staticClosure(snippet);
  if (snippet.endsWith(ALL_IN_ONE)) return files;
  for (const tag of tags) {
    const chunk = path.join(path.dirname(snippet), `${tag.startsWith('memorial-') ? tag : `memorial-${tag}`}.js`);
    if (!existsSync(chunk)) return undefined;
    staticClosure(chunk, files);
  }
  return files;
}

function cdnFigure(tags) {
  const files = cdnFiles(tags);
  if (!files) return undefined;
  let total = 0;
  for (const f of files) total += gzip(readFileSync(f));
  return { gzip: total, files: [...files].map((f) => path.relative(root, f)) };
}

// ── CSP check of every shipped file ─────────────────────────────────────────────────────────
const distFiles = listJs(dist);
for (const file of distFiles) check(path.relative(root, file), readFileSync(file, 'utf8'));

const rows = [];
function addRow(row) {
  const figures = ['cdn', 'rollup', 'esbuild'].map((k) => row[k]).filter((v) => v !== undefined);
  row.ok = row.budget === undefined || figures.every((v) => v <= row.budget);
  rows.push(row);
}

const snippet = snippetFile();
const snippetIsLoader = !snippet.endsWith(ALL_IN_ONE);
if (snippetIsLoader) {
  const own = gzip(readFileSync(path.join(dist, snippet)));
  addRow({ what: `the snippet's loader (dist/${snippet}) alone`, budget: LOADER_BUDGET, cdn: own });
}
const elementNames = existsSync(path.join(dist, 'elements'))
  ? readdirSync(path.join(dist, 'elements')).filter((f) => f.endsWith('.define.js')).map((f) => f.slice(0, -'.define.js'.length)).sort()
  : [];

if (checkOnly) {
  // The page budgets are not met yet (see docs/performance.md#page-weight); the full run reports them.
  report();
  process.exit(process.exitCode ?? 0);
}

// ── the rollup and esbuild columns: an app's bundler ─────────────────────────────────────────
const { rollup } = await import('rollup');
const { default: nodeResolve } = await import('@rollup/plugin-node-resolve');
const { default: terser } = await import('@rollup/plugin-terser');
const esbuild = await import('esbuild');

const VIRTUAL = '\0size-entry';
async function withRollup(source, label) {
  const build = await rollup({
    input: VIRTUAL,
    plugins: [
      { name: 'entry', resolveId: (id) => (id === VIRTUAL ? id : null), load: (id) => (id === VIRTUAL ? source : null) },
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    ],
    onwarn: () => {},
  });
  try {
    const { output } = await build.generate({
      format: 'es',
      inlineDynamicImports: false,
      plugins: [terser({ module: true, ecma: 2020, format: { comments: false } })],
    });
    // The first load only: the entry chunk and what it imports statically (lazy chunks are fetched when asked for).
    const byName = new Map(output.filter((o) => o.type === 'chunk').map((o) => [o.fileName, o]));
    const seen = new Set();
    const visit = (name) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const dep of byName.get(name).imports) visit(dep);
    };
    visit(output[0].fileName);
    const code = [...seen].map((n) => byName.get(n).code).join('\n');
    for (const o of byName.values()) check(`${label} (rollup)`, o.code);
    return gzip(Buffer.from(code));
  } finally {
    await build.close();
  }
}

async function withEsbuild(source, label) {
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    splitting: true,
    outdir: path.join(root, 'bench/out/esbuild'),
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    conditions: ['browser', 'production'],
    metafile: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((f) => [path.relative(root, f.path), f.text]));
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined);
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imp of outputs[name].imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entry);
  for (const text of files.values()) check(`${label} (esbuild)`, text);
  return gzip(Buffer.from([...seen].map((n) => files.get(n)).join('\n')));
}

const defineModule = (name) => path.join(dist, 'elements', `${name}.define.js`);
const importTags = (tags) => tags.map((t) => `import ${JSON.stringify(defineModule(t))};`).join('\n');

for (const page of PAGES) {
  if (page.tags && !page.tags.every((t) => elementNames.includes(t))) {
    rows.push({ what: page.name, budget: page.budget, missing: `no ${page.tags.filter((t) => !elementNames.includes(t)).join(', ')} element yet`, ok: true });
    continue;
  }
  const source = page.sdk ?? importTags(page.tags);
  addRow({
    what: page.name,
    budget: page.budget,
    cdn: page.tags ? cdnFigure(page.tags)?.gzip : undefined,
    rollup: await withRollup(source, page.name),
    esbuild: await withEsbuild(source, page.name),
  });
}
for (const name of elementNames) {
  const source = importTags([name]);
  const label = `npm entry memorial-elements/elements/${name}.define.js alone`;
  addRow({ what: label, budget: entryBudget(name), rollup: await withRollup(source, label), esbuild: await withEsbuild(source, label) });
}
// The all-in-one CDN file stays for sites that want exactly one request (no budget: it is everything).
addRow({ what: `all-in-one dist/${ALL_IN_ONE} as shipped`, cdn: gzip(readFileSync(path.join(dist, ALL_IN_ONE))) });

report();
mkdirSync(path.join(root, 'bench/out'), { recursive: true });
writeFileSync(path.join(root, 'bench/out/size.json'), `${JSON.stringify({ date: new Date().toISOString(), snippet, rows }, null, 2)}\n`);

function report() {
  const cell = (v) => (v === undefined ? '—' : kb(v));
  const table = [
    ['what a site loads', 'budget', 'cdn', 'rollup', 'esbuild', ''],
    ...rows.map((r) => [r.what, r.budget ? kb(r.budget) : '—', cell(r.cdn), cell(r.rollup), cell(r.esbuild), r.missing ?? (r.budget ? (r.ok ? 'ok' : 'OVER') : '')]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`snippet: dist/${snippet}${snippetIsLoader ? ' (on-demand loader)' : ' (all-in-one)'}; gzip -9, 1 KB = 1024 B`);
  console.log(line(table[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table.slice(1)) console.log(line(row));
  const over = rows.filter((r) => !r.ok);
  for (const r of over) console.error(`size: "${r.what}" is over its budget of ${kb(r.budget)}`);
  if (problems.length) {
    console.error(`\nsize: string code generation found in browser code (breaks CSP without 'unsafe-eval'):`);
    for (const p of problems) console.error(`  ${p}`);
  } else {
    console.log(`\nCSP check: no new Function / eval in ${distFiles.length} dist files${checkOnly ? '' : ' or any bundle'}.`);
  }
  if (over.length || problems.length) process.exitCode = 1;
}

// Build for memorial-elements.
//
//   npm build  → dist/{index,sdk,contract}.js, dist/elements/<name>.define.js (ESM, readable,
//                lit / @lit/context / ky / zod left external), shared code in dist/chunks/,
//                declarations in dist/types/ (matching package.json "exports"/"types").
//   CDN build  → dist/cdn/memorial-elements.min.js: one self-contained, minified ES module with
//                every dependency bundled, for a plain <script type="module" src=…>;
//                dist/cdn/memorial-campaign-banner.min.js: the same for the campaign banner alone.
//
// Element entries are found by listing src/elements/*/define.ts, so a new element is picked up
// without touching this file (src/elements/shared/ and `_`-prefixed directories are internals).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const root = path.dirname(fileURLToPath(import.meta.url));
const r = (...p) => path.join(root, ...p);
const pkg = JSON.parse(readFileSync(r('package.json'), 'utf8'));

/** Runtime dependencies stay external in the npm build, including subpaths (`lit/decorators.js`, `zod/mini`). */
const runtimeDeps = Object.keys(pkg.dependencies ?? {});
const isRuntimeDep = (id) => runtimeDeps.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** Directories under src/elements/ that hold shared internals, not an element. */
const NOT_ELEMENTS = new Set(['shared']);

/** `src/elements/<name>/define.ts` → `elements/<name>.define` (skips shared/ and `_`-prefixed dirs). */
function elementEntries() {
  const dir = r('src/elements');
  if (!existsSync(dir)) return {};
  const entries = {};
  for (const dirent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!dirent.isDirectory() || NOT_ELEMENTS.has(dirent.name) || dirent.name.startsWith('_')) continue;
    const define = path.join(dir, dirent.name, 'define.ts');
    if (existsSync(define)) entries[`elements/${dirent.name}.define`] = define;
  }
  return entries;
}

/** True when every module a warning is about lives in node_modules (zod's annotations and cycles). */
function onlyNodeModules(warning) {
  const ids = [...(warning.ids ?? []), warning.id, warning.loc?.file].filter(Boolean);
  return ids.length > 0 && ids.every((id) => id.split(path.sep).includes('node_modules') || id.includes('/node_modules/'));
}

function onwarn(warning, warn) {
  if ((warning.code === 'INVALID_ANNOTATION' || warning.code === 'CIRCULAR_DEPENDENCY') && onlyNodeModules(warning)) return;
  warn(warning);
}

/**
 * Minifies the CSS inside Lit's css`…` literals (comments and runs of whitespace; quoted strings
 * are kept as written): about 0.6 KB gzip on every element, which the campaign banner's 16 KB
 * budget needs. Only literals without `${…}` are touched.
 */
export function minifyCss(css) {
  let out = '';
  let space = false;
  for (let i = 0; i < css.length; ) {
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
      space = true;
      continue;
    }
    if (/\s/.test(c)) {
      space = true;
      i++;
      continue;
    }
    let token = c;
    if (c === '"' || c === "'" || c === '\\') {
      let j = i + 1;
      if (c !== '\\') while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      token = css.slice(i, j + 1);
    }
    const last = out[out.length - 1];
    if (space && out && !'{};,'.includes(last) && !'{};,'.includes(c)) out += ' ';
    if (c === '}' && last === ';') out = out.slice(0, -1);
    out += token;
    i += token.length;
    space = false;
  }
  return out;
}

function minifyCssLiterals() {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      // (TypeScript emits `css \`…\`` with a space before the literal.)
      if (!id.endsWith('.ts') || id.includes('node_modules') || !/\bcss\s*`/.test(code)) return null;
      // The literal keeps its line breaks (at its end), so every line after it keeps its place
      // and the TypeScript source map stays right.
      const replaced = code.replace(/\bcss\s*`((?:[^`\\$]|\\.|\$(?!\{))*)`/g, (_, body) => `css\`${minifyCss(body)}${'\n'.repeat(body.split('\n').length - 1)}\``);
      return { code: replaced, map: null };
    },
  };
}

/** Only the library sources go through this build; server/test/bench have their own runners. */
const tsBase = {
  tsconfig: r('tsconfig.json'),
  // include/exclude are resolved against filterRoot (the plugin would otherwise use rootDir = src/).
  filterRoot: root,
  include: ['src/**/*.ts'],
  exclude: ['**/*.test.ts', 'server/**', 'test/**', 'bench/**', 'scripts/**'],
};

// Start from an empty dist/ so a removed or renamed entry never lingers (not in watch mode).
if (!process.env.ROLLUP_WATCH) rmSync(r('dist'), { recursive: true, force: true });

/** A self-contained, minified CDN file: every dependency bundled. */
function cdnBuild(input, file) {
  return {
    input,
    output: { file: r('dist/cdn', file), format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      minifyCssLiterals(),
      typescript({
        ...tsBase,
        compilerOptions: { noEmit: false, rootDir: r('src'), outDir: r('dist/cdn'), declaration: false, sourceMap: true },
      }),
      terser({ module: true, ecma: 2020, format: { comments: false } }),
    ],
    onwarn,
  };
}

/** `src/elements/<name>/` → its tag: `memorial-<name>` (a name that already starts with `memorial-` is the tag). */
const tagOf = (name) => (name.startsWith('memorial-') ? name : `memorial-${name}`);

/** Replaces `__MEMORIAL_TAGS__` in the loader with the tags this build has modules for. */
function memorialTags(tags) {
  return {
    name: 'memorial-tags',
    transform(code, id) {
      if (!id.endsWith('cdn-loader.ts')) return null;
      return { code: code.replaceAll('__MEMORIAL_TAGS__', JSON.stringify(tags)), map: null };
    },
  };
}

/**
 * The on-demand CDN: dist/cdn/memorial-loader.js (the documented snippet) and one module per
 * element, dist/cdn/<tag>.js, sharing dist/cdn/chunks/ (lit, the SDK…); each fetched only when
 * the loader sees its tag, each chunk once. Self-contained: every dependency bundled.
 */
function cdnOnDemandBuild() {
  const elements = Object.fromEntries(
    Object.entries(elementEntries()).map(([key, file]) => [tagOf(key.slice('elements/'.length, -'.define'.length)), file]),
  );
  return {
    input: { 'memorial-loader': r('src/cdn-loader.ts'), ...elements },
    output: {
      dir: r('dist/cdn'),
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [
      memorialTags(Object.keys(elements)),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      minifyCssLiterals(),
      typescript({
        ...tsBase,
        compilerOptions: { noEmit: false, rootDir: r('src'), outDir: r('dist/cdn'), declaration: false, sourceMap: true },
      }),
      terser({ module: true, ecma: 2020, format: { comments: false } }),
    ],
    onwarn,
  };
}

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: {
      index: r('src/index.ts'),
      sdk: r('src/sdk/index.ts'),
      contract: r('src/contract/index.ts'),
      ...elementEntries(),
    },
    external: isRuntimeDep,
    output: {
      dir: r('dist'),
      format: 'es',
      // One file per source module (as Shoelace and Web Awesome publish): an app's bundler then
      // drops whole modules an entry does not use (package.json "sideEffects"), instead of
      // keeping every locale's catalog because it shares a chunk with the tokens.
      preserveModules: true,
      preserveModulesRoot: r('src'),
      entryFileNames: (chunk) => (chunk.isEntry ? '[name].js' : 'lib/[name].js'),
      sourcemap: true,
    },
    plugins: [
      nodeResolve({ browser: true }),
      minifyCssLiterals(),
      typescript({
        ...tsBase,
        compilerOptions: {
          noEmit: false,
          rootDir: r('src'),
          outDir: r('dist'),
          declaration: true,
          declarationDir: r('dist/types'),
          sourceMap: true,
        },
      }),
    ],
    onwarn,
  },
  // The documented snippet: a small loader that brings each element when its tag appears.
  cdnOnDemandBuild(),
  // Everything, defined, in one file: for sites that want exactly one request.
  cdnBuild(r('src/cdn.ts'), 'memorial-elements.min.js'),
  // The campaign banner on its own (≤ 16 KB gzip, see bench/size.mjs): what a county portal
  // pastes when the banner is all it needs. Defines <memorial-campaign-banner> only.
  cdnBuild(r('src/elements/campaign-banner/define.ts'), 'memorial-campaign-banner.min.js'),
  {
    // The demo gallery: one self-contained module, so demo/gallery.html needs no build step of its own.
    input: r('demo/gallery.ts'),
    output: { file: r('dist/demo/gallery.js'), format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      minifyCssLiterals(),
      typescript({
        ...tsBase,
        include: ['src/**/*.ts', 'demo/**/*.ts'],
        compilerOptions: { noEmit: false, rootDir: root, outDir: r('dist/demo'), declaration: false, sourceMap: true },
      }),
    ],
    onwarn,
  },
  {
    // The staff console (/console/ on the reference server): one self-contained module.
    input: r('console/console-app.ts'),
    output: { file: r('dist/console/console.js'), format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      minifyCssLiterals(),
      typescript({
        ...tsBase,
        include: ['src/**/*.ts', 'console/**/*.ts'],
        compilerOptions: { noEmit: false, rootDir: root, outDir: r('dist/console'), declaration: false, sourceMap: true },
      }),
    ],
    onwarn,
  },
];

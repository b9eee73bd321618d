// npm run build:docs — the docs site into dist/site/ (served by `npm start` at /docs/).
//
//   node --import tsx scripts/build-docs.mjs [--out DIR] [--manifest FILE]
//
// Runs last in `npm run build`: it needs the custom-elements manifest (dist/custom-elements.json)
// and the demo gallery bundle (dist/demo/gallery.js), and builds the REST reference from the
// OpenAPI document of server/openapi.ts in-process (hence tsx).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openApiDocument } from '../server/openapi.ts';
import { buildSite } from './docs/build-site.ts';
import { elementReferenceHtml, elementTags } from './docs/element-reference.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(root, 'dist/site') },
    manifest: { type: 'string', default: path.join(root, 'dist/custom-elements.json') },
  },
});

if (!existsSync(values.manifest)) {
  console.error(`build-docs: ${path.relative(root, values.manifest)} is missing: run npm run build (or npm run build:manifest) first`);
  process.exit(1);
}

const outDir = path.resolve(values.out);
const started = Date.now();
const { pages } = buildSite({
  repoRoot: root,
  outDir,
  manifest: JSON.parse(readFileSync(values.manifest, 'utf8')),
  elementTags,
  elementReferenceHtml,
  openApi: openApiDocument(),
});
console.log(`docs site: ${pages.length} pages in ${path.relative(process.cwd(), outDir) || '.'} (${Date.now() - started} ms)`);

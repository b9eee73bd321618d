/**
 * Builds the static docs site (served by `npm start` at /docs/) from:
 *   - the markdown under docs/ (every page, images and other files copied as they are),
 *   - the custom-elements manifest: one page per element, with its generated reference and its
 *     live examples (the element's examples file, rendered in the browser by the demo gallery's
 *     code, copied from dist/demo/gallery.js),
 *   - the OpenAPI document: the REST reference.
 * Run through scripts/build-docs.mjs.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pageHtml, relativeHref, type NavGroup, type NavItem } from './layout.js';
import { escapeHtml, renderMarkdown } from './markdown.js';
import { restReferenceHtml, type OpenApiDocument } from './rest-reference.js';

export interface BuildSiteOptions<Manifest> {
  repoRoot: string;
  outDir: string;
  /** The parsed custom-elements manifest, handed as it is to the two functions below. */
  manifest: Manifest;
  elementTags: (manifest: Manifest) => string[];
  elementReferenceHtml: (manifest: Manifest, tagName: string, options?: { headingLevel?: number }) => string;
  openApi: OpenApiDocument;
}

/** Guides in the order the navigation lists them; a page whose markdown is missing is left out. */
const GUIDES: [page: string, label: string][] = [
  ['sdk', 'SDK guide'],
  ['cms-embedding', 'Embedding in a CMS'],
  ['accessibility', 'Accessibility statement'],
  ['privacy-notice', 'Privacy notice template'],
  ['deploy', 'Deploying and settings'],
  ['security', 'Security notes'],
  ['import', 'Importing the roll'],
  ['performance', 'Performance'],
  ['editors', 'Editor support'],
];

export const REST_PAGE = 'rest.html';
const OPENAPI_ROUTE = '/api/v1/openapi.json';

/** Markdown files under `dir`, as paths relative to it (`elements/martyr-card.md`). */
function walk(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name), base) : [relative(base, join(dir, d.name))]));
}

const htmlPath = (md: string) => md.replace(/\.md$/, '.html');
const tagName = (tag: string) => tag.replace(/^memorial-/, '');

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function copy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/** The demo pages the server serves, with their titles, and the framework apps when built. */
function demoItems(repoRoot: string): NavItem[] {
  const demoDir = join(repoRoot, 'demo');
  const pages = existsSync(demoDir) ? readdirSync(demoDir).filter((f) => f.endsWith('.html')).sort() : [];
  const items = pages.map((f) => {
    const title = /<title>([^<]*)<\/title>/i.exec(readFileSync(join(demoDir, f), 'utf8'))?.[1]?.trim();
    return { href: `/demo/${f}`, label: title?.replace(/^memorial-elements\s*·\s*/, '') || f };
  });
  for (const [app, label] of [['react', 'React 19 app'], ['vue', 'Vue 3 app']] as const) {
    if (existsSync(join(repoRoot, 'dist/demo', app, 'index.html'))) items.push({ href: `/dist/demo/${app}/`, label });
  }
  items.push({ href: OPENAPI_ROUTE, label: 'OpenAPI JSON' });
  return items;
}

export interface BuiltSite {
  /** Every HTML page written, relative to outDir. */
  pages: string[];
}

export function buildSite<Manifest>(o: BuildSiteOptions<Manifest>): BuiltSite {
  const docsDir = join(o.repoRoot, 'docs');
  const gallery = join(o.repoRoot, 'dist/demo/gallery.js');
  if (!existsSync(gallery)) throw new Error('dist/demo/gallery.js is missing: run rollup first (npm run build)');
  rmSync(o.outDir, { recursive: true, force: true });
  mkdirSync(o.outDir, { recursive: true });

  const files = walk(docsDir);
  const markdown = new Set(files.filter((f) => f.endsWith('.md')));
  const tags = o.elementTags(o.manifest);
  const elementPage = (tag: string) => `elements/${tagName(tag)}.html`;

  const guides = GUIDES.filter(([p]) => markdown.has(`${p}.md`)).map(([p, label]) => ({ href: `${p}.html`, label }));
  const listed = new Set(['index.md', 'getting-started.md', ...GUIDES.map(([p]) => `${p}.md`), 'elements/foundation.md', ...tags.map((t) => `elements/${tagName(t)}.md`)]);
  const others = [...markdown].filter((f) => !listed.has(f));
  const nav: NavGroup[] = [
    { label: 'Start', items: [{ href: 'index.html', label: 'Overview' }, ...(markdown.has('getting-started.md') ? [{ href: 'getting-started.html', label: 'Getting started' }] : [])] },
    {
      label: 'Elements',
      items: [
        ...(markdown.has('elements/foundation.md') ? [{ href: 'elements/foundation.html', label: 'Foundation: provider, theming, CSP' }] : []),
        ...tags.map((t) => ({ href: elementPage(t), label: `<${t}>` })),
      ],
    },
    { label: 'Guides', items: [...guides.slice(0, 1), { href: REST_PAGE, label: 'REST reference' }, ...guides.slice(1)] },
    ...(others.length ? [{ label: 'More', items: others.map((f) => ({ href: htmlPath(f), label: renderMarkdown(readFileSync(join(docsDir, f), 'utf8')).title || f })) }] : []),
    { label: 'Demos and API', items: demoItems(o.repoRoot) },
  ];

  const pages: string[] = [];
  const emit = (path: string, title: string, body: string, extra: { scripts?: string[]; apiBaseMeta?: boolean } = {}) => {
    write(join(o.outDir, path), pageHtml({ path, title, body, nav, ...extra }));
    pages.push(path);
  };

  // Element pages: the hand-written prose, the reference from the manifest, the live examples.
  for (const tag of tags) {
    const name = tagName(tag);
    const mdFile = `elements/${name}.md`;
    const prose = markdown.has(mdFile) ? renderMarkdown(readFileSync(join(docsDir, mdFile), 'utf8')) : { html: `<h1><code>&lt;${escapeHtml(tag)}&gt;</code></h1>`, title: '' };
    const path = elementPage(tag);
    const hasExamples = existsSync(join(o.repoRoot, 'src/elements', name, `${name}.examples.ts`));
    const reference = o.elementReferenceHtml(o.manifest, tag, { headingLevel: 3 });
    const body = [
      prose.html,
      `<section class="reference" aria-labelledby="reference">\n<h2 id="reference">Reference</h2>\n${reference}\n</section>`,
      hasExamples
        ? `<section aria-labelledby="live-examples">
<h2 id="live-examples">Live examples</h2>
<p>Every state of the element, rendered live from <code>src/elements/${escapeHtml(name)}/${escapeHtml(name)}.examples.ts</code> (the same list the
browser tests and the axe checks run) against the server that serves this page. Switch the locale and elder mode here, or
see every element at once in the <a href="${escapeHtml(relativeHref(path, '/demo/gallery.html'))}">gallery</a>.</p>
<div class="live-examples" data-tag="${escapeHtml(tag)}"><p class="live-examples-status">The examples need JavaScript and the reference server (<code>npm start</code>).</p></div>
</section>`
        : '',
    ];
    emit(path, prose.title || `<${tag}>`, body.join('\n'), hasExamples ? { scripts: ['assets/live-examples.js'], apiBaseMeta: true } : {});
  }

  // Every other markdown page as it is.
  const elementMd = new Set(tags.map((t) => `elements/${tagName(t)}.md`));
  for (const f of markdown) {
    if (elementMd.has(f) || f === 'index.md') continue;
    const page = renderMarkdown(readFileSync(join(docsDir, f), 'utf8'));
    emit(htmlPath(f), page.title || f, page.html);
  }

  emit(REST_PAGE, 'REST reference', restReferenceHtml(o.openApi, relativeHref(REST_PAGE, OPENAPI_ROUTE)));
  emit('index.html', 'Docs', indexBody(nav, markdown.has('index.md') ? renderMarkdown(readFileSync(join(docsDir, 'index.md'), 'utf8')).html : ''));

  // Files beside the pages: docs/ images and samples, the stylesheet, the live-examples scripts.
  for (const f of files) if (!f.endsWith('.md')) copy(join(docsDir, f), join(o.outDir, f));
  const here = join(o.repoRoot, 'scripts/docs');
  copy(join(here, 'site.css'), join(o.outDir, 'site.css'));
  copy(join(here, 'live-examples.js'), join(o.outDir, 'assets/live-examples.js'));
  copy(gallery, join(o.outDir, 'assets/gallery.js'));
  if (existsSync(`${gallery}.map`)) copy(`${gallery}.map`, join(o.outDir, 'assets/gallery.js.map'));
  return { pages };
}

function indexBody(nav: NavGroup[], intro: string): string {
  const groups = nav.map(
    (g) =>
      `<section class="index-group"><h2>${escapeHtml(g.label)}</h2><ul>${g.items
        .map((i) => `<li><a href="${escapeHtml(relativeHref('index.html', i.href))}">${escapeHtml(i.label)}</a></li>`)
        .join('')}</ul></section>`,
  );
  return `<h1>memorial-elements docs</h1>
<p class="lead">Web components and a typed SDK for online commemoration of martyrs (网上祭扫): the Qingming campaign banner,
martyr cards with tribute buttons, a moderated message wall and the two-way relative search (为烈士找亲人，为亲人找烈士),
with a reference API server. New here? Start with <a href="getting-started.html">Getting started</a>: one script tag and one element, or the SDK in three lines.</p>
${intro}
<div class="index-groups">
${groups.join('\n')}
</div>`;
}

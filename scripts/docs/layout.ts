/**
 * The page frame of the docs site: head, skip link, navigation, main, footer. No inline script
 * or style (the server sends a strict CSP). Every link is relative, so the site works at
 * `/docs/`, behind a path prefix, or opened from disk.
 */
import { escapeHtml } from './markdown.js';

/**
 * A link target: a page of the site (`sdk.html`, `elements/martyr-card.html`), or a route of
 * the reference server outside the site, written from the server's root (`/demo/gallery.html`).
 */
export interface NavItem {
  href: string;
  label: string;
}
export interface NavGroup {
  label: string;
  items: NavItem[];
}

/** The site is served at `/docs/`: server routes are one level above the site's root. */
export function relativeHref(fromPage: string, target: string): string {
  const depth = fromPage.split('/').length - 1;
  if (target.startsWith('/')) return '../'.repeat(depth + 1) + target.slice(1);
  return '../'.repeat(depth) + target;
}

export interface PageOptions {
  /** The page's path inside the site, e.g. `elements/martyr-card.html`. */
  path: string;
  title: string;
  body: string;
  nav: NavGroup[];
  /** Site-relative module scripts for this page (external files only). */
  scripts?: string[];
  /** Adds `<meta name="memorial-api-base">` pointing at the server that serves the site. */
  apiBaseMeta?: boolean;
}

function navHtml(current: string, nav: NavGroup[]): string {
  const groups = nav.map((g) => {
    const items = g.items.map((i) => {
      const here = i.href === current ? ' aria-current="page"' : '';
      return `<li><a href="${escapeHtml(relativeHref(current, i.href))}"${here}>${escapeHtml(i.label)}</a></li>`;
    });
    return `<h2>${escapeHtml(g.label)}</h2><ul>${items.join('')}</ul>`;
  });
  return `<nav class="site-nav" aria-label="Documentation">${groups.join('\n')}</nav>`;
}

export function pageHtml(o: PageOptions): string {
  const rel = (t: string) => escapeHtml(relativeHref(o.path, t));
  const scripts = (o.scripts ?? []).map((s) => `<script type="module" src="${rel(s)}"></script>`).join('\n');
  const meta = o.apiBaseMeta ? `<meta name="memorial-api-base" content="${rel('/')}">\n` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)} · memorial-elements</title>
<link rel="stylesheet" href="${rel('site.css')}">
${meta}${scripts}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><a class="site-name" href="${rel('index.html')}">memorial-elements</a> <span>docs · 网上祭扫 web components and SDK</span></header>
<div class="site-body">
${navHtml(o.path, o.nav)}
<main id="main">
${o.body}
</main>
</div>
<footer class="site-footer"><p>All martyrs in the reference server's sample database are fictional. Built by <code>npm run build</code> from <code>docs/</code>, the custom-elements manifest and the OpenAPI document.</p></footer>
</body>
</html>
`;
}

/**
 * Markdown → HTML for the docs site (marked, GitHub-flavoured). On top of marked's defaults:
 * headings get GitHub-style ids (pages link to `foundation.md#content-security-policy`), links
 * to other pages' `.md` become `.html`, and the `<!-- tested -->` marks are dropped.
 */
import { Marked, Renderer, type Tokens } from 'marked';
import { escapeHtml } from './element-reference.mjs';
import { TESTED_MARK } from './snippets.js';

export { escapeHtml };

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A relative link to another markdown page, keeping its fragment: `a.md#x` → `a.html#x`. */
export function mdLinkToHtml(href: string): string {
  if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href)) return href;
  return href.replace(/\.md(?=$|#|\?)/, '.html');
}

export interface RenderedPage {
  html: string;
  /** The text of the first level-1 heading, or '' when there is none. */
  title: string;
}

export function renderMarkdown(markdown: string): RenderedPage {
  const used = new Map<string, number>();
  let title = '';
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading({ tokens, depth, text }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        const plain = decodeEntities(inner.replace(/<[^>]*>/g, ''));
        if (depth === 1 && !title) title = plain || text;
        const base = slug(plain);
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        const id = n ? `${base}-${n}` : base;
        return `<h${depth} id="${escapeHtml(id)}">${inner}</h${depth}>\n`;
      },
      link(token: Tokens.Link) {
        const href = mdLinkToHtml(token.href);
        return href === token.href ? false : Renderer.prototype.link.call(this, { ...token, href });
      },
      html(token: Tokens.HTML | Tokens.Tag) {
        return token.text.trim() === TESTED_MARK ? '' : false;
      },
    },
  });
  const html = marked.parse(markdown, { async: false });
  return { html, title };
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
function decodeEntities(s: string): string {
  return s.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&(lt|gt|amp|quot);/g, (_, e: string) => ENTITIES[e] ?? '');
}

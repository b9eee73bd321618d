/// <reference types="mocha" />
/**
 * The county portal demo (demo/county-portal.html with demo/assets/county-portal.css: a legacy
 * global stylesheet with "* { font-size: 12px }", 宋体, a Bootstrap-3-era reset, table layout…)
 * loading the banner's own CDN file (dist/cdn/memorial-campaign-banner.min.js: run
 * `npm run build` first):
 *
 * - the page's CSS does not reach the banner: every computed style of every part of the banner
 *   equals that of the same banner on a clean page (this test page);
 * - the banner's CSS does not reach the page: every element of the page has the same computed
 *   style as on the same page with scripts disabled (where the banner never upgrades);
 * - with scripts disabled, each banner is its fallback link, visible and pointing at the column.
 */
import { expect } from '@esm-bundle/chai';
import '../../../src/elements/campaign-banner/define.js';
import type { MemorialCampaignBanner } from '../../../src/elements/campaign-banner/campaign-banner.js';
import { until } from '../fixtures/until.js';

const PAGE = '/demo/county-portal.html';
const VARIANTS = ['strip', 'card', 'float'] as const;
const PARTS = ['base', 'banner', 'label', 'title', 'theme', 'dates', 'countdown', 'link', 'close-button'];

/**
 * Computed values that depend on the box's size or place (the portal lays the banner out in a
 * table cell, the clean page in a plain div) rather than on the cascade.
 */
const LAYOUT = /^(width|height|inline-size|block-size|top|right|bottom|left|inset.*|transform-origin|perspective-origin|x|y|cx|cy|r|rx|ry|d)$/;

function computed(el: Element): Record<string, string> {
  const style = getComputedStyle(el);
  const out: Record<string, string> = {};
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    if (!LAYOUT.test(name) && !name.startsWith('--')) out[name] = style.getPropertyValue(name);
  }
  return out;
}

function differences(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys(a)
    .filter((k) => a[k] !== b[k])
    .map((k) => `${k}: ${JSON.stringify(a[k])} ≠ ${JSON.stringify(b[k])}`);
}

async function loadFrame(scripts: boolean): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  // without allow-scripts the page runs no JavaScript at all: the banner never upgrades
  if (!scripts) frame.setAttribute('sandbox', 'allow-same-origin');
  frame.width = String(innerWidth);
  frame.height = String(innerHeight);
  frame.src = PAGE;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame;
}

const bannersOf = (doc: Document) => [...doc.querySelectorAll('memorial-campaign-banner')] as MemorialCampaignBanner[];
const variantOf = (el: Element) => el.getAttribute('variant') ?? 'strip';

describe('county portal demo (legacy global CSS)', function () {
  this.timeout(30_000);
  let live: HTMLIFrameElement;
  let noScript: HTMLIFrameElement;
  const clean: HTMLElement = document.createElement('div');

  before(async () => {
    const probe = await fetch('/dist/cdn/memorial-campaign-banner.min.js', { method: 'HEAD' });
    if (!probe.ok) throw new Error('dist/cdn/memorial-campaign-banner.min.js is missing: run `npm run build` first');
    [live, noScript] = await Promise.all([loadFrame(true), loadFrame(false)]);
    const doc = live.contentDocument as Document;
    await until('the portal’s banners to load', () => bannersOf(doc).length === 3 && bannersOf(doc).every((b) => 'loadState' in b && b.loadState !== 'loading'));
    for (const b of bannersOf(doc)) await b.updateComplete;

    // the same three banners on a clean page
    clean.lang = 'zh-Hans';
    clean.innerHTML = VARIANTS.map(
      (v) => `<memorial-campaign-banner campaign="current" variant="${v}" api-base="${location.origin}"><a href="https://www.chinamartyrs.gov.cn/">中华英烈网</a></memorial-campaign-banner>`,
    ).join('');
    document.body.append(clean);
    // the portal page follows the API server's fixed clock (demo/shared/server-clock.js); so do these
    const clock = (live.contentDocument as Document).documentElement.dataset['memorialClock'];
    expect(clock, 'the API server’s fixed clock, as the portal page saw it').to.be.a('string');
    for (const b of bannersOf(document)) b.now = new Date(clock!);
    for (const b of bannersOf(document)) {
      await until('the clean banners to load', () => b.loadState !== 'loading');
      await b.updateComplete;
    }
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  });

  after(() => {
    live?.remove();
    noScript?.remove();
    clean.remove();
  });

  it('upgrades all three banners from the CDN file', () => {
    const banners = bannersOf(live.contentDocument as Document);
    expect(banners.map(variantOf)).to.deep.equal(['strip', 'card', 'float']);
    for (const b of banners) {
      expect(b.shadowRoot, 'upgraded').to.not.equal(null);
      expect(b.loadState, 'the campaign active at the fixed clock').to.equal('loaded');
    }
  });

  for (const variant of VARIANTS) {
    it(`the page's CSS does not change the ${variant} banner`, () => {
      const inPortal = bannersOf(live.contentDocument as Document).find((b) => variantOf(b) === variant) as MemorialCampaignBanner;
      const onClean = bannersOf(document).find((b) => variantOf(b) === variant) as MemorialCampaignBanner;
      expect(inPortal.loadState).to.equal(onClean.loadState);
      let compared = 0;
      for (const name of PARTS) {
        const a = inPortal.shadowRoot?.querySelector(`[part~="${name}"]`);
        const b = onClean.shadowRoot?.querySelector(`[part~="${name}"]`);
        expect(Boolean(a), `part ${name} rendered in both`).to.equal(Boolean(b));
        if (!a || !b) continue;
        const diff = differences(computed(b), computed(a));
        expect(diff, `part "${name}" of the ${variant} banner: clean ≠ portal`).to.deep.equal([]);
        compared++;
      }
      if (inPortal.loadState === 'loaded') expect(compared).to.be.at.least(4);
    });
  }

  it('the banner changes nothing on the page', () => {
    const a = live.contentDocument as Document;
    const b = noScript.contentDocument as Document;
    const pageElements = (doc: Document) => [...doc.querySelectorAll('body *')].filter((el) => !el.closest('memorial-campaign-banner'));
    const withBanner = pageElements(a);
    const without = pageElements(b);
    expect(withBanner.length).to.equal(without.length);
    expect(withBanner.length).to.be.greaterThan(50);
    const diffs: string[] = [];
    withBanner.forEach((el, i) => {
      const other = without[i] as Element;
      expect(el.localName).to.equal(other.localName);
      for (const d of differences(computed(other), computed(el))) diffs.push(`<${el.localName} class="${el.className}"> ${d}`);
    });
    for (const doc of [a, b]) for (const el of [doc.documentElement, doc.body]) expect(el.getAttribute('style'), 'no inline style added').to.equal(null);
    expect(diffs).to.deep.equal([]);
  });

  it('with scripts disabled, every banner is its fallback link, visible and pointing at the column', () => {
    const doc = noScript.contentDocument as Document;
    const banners = bannersOf(doc);
    expect(banners).to.have.length(3);
    for (const b of banners) {
      expect(b.shadowRoot, 'never upgraded').to.equal(null);
      const link = b.querySelector('a') as HTMLAnchorElement;
      expect(link.href).to.equal('https://www.chinamartyrs.gov.cn/');
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.contain('noopener');
      link.scrollIntoView({ block: 'center' });
      const r = link.getBoundingClientRect();
      expect(r.height, `${variantOf(b)}'s fallback link is visible`).to.be.greaterThan(0);
      expect(doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2), `${variantOf(b)}'s fallback link is on top`).to.equal(link);
    }
  });
});

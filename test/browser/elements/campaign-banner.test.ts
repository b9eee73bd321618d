/// <reference types="mocha" />
/**
 * <memorial-campaign-banner> (issue 5): every example in every locale and elder mode with axe,
 * then the behaviour: variants and states, the fallback, the float's remembered close, the
 * embed report's beacons, days decided in Asia/Shanghai, the provider's client, and the check
 * of campaigns fetched without the SDK against the contract's schema.
 *
 * The reference server is the real one (proxied under /api/), at a fixed clock; its calendar
 * rules make qingming-2020 (2020-02-10 – 2020-04-10, 致敬), qingming-2026 (2026-02-10 –
 * 2026-04-11, no theme) and martyrs-day-2026 (2026-09-30). The banner's clock is fixed with its `now` property, or by
 * stubbing `Date.now`.
 */
import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/campaign-banner/define.js';
import { Campaign } from '../../../src/contract/campaign.js';
import type { MemorialProvider } from '../../../src/elements/provider/provider.js';
import type { MemorialCampaignBanner } from '../../../src/elements/campaign-banner/campaign-banner.js';
import { campaignBannerExamples, CAMPAIGN_CLOCK, CAMPAIGN_FALLBACK } from '../../../src/elements/campaign-banner/campaign-banner.examples.js';
import { campaignPhase, shanghaiDay } from '../../../src/elements/campaign-banner/calendar.js';
import { validateCampaign } from '../../../src/contract/generated/validators.js';
import { json, stubClient } from '../../../src/elements/shared/example-support.js';
import { UNREACHABLE_API_BASE } from '../../../src/elements/shared/examples.js';
import type { MemorialCampaignClickEvent, MemorialErrorEvent, MemorialLoadEvent } from '../../../src/elements/shared/events.js';
import { runExamples } from '../fixtures/run-examples.js';
import { until } from '../fixtures/until.js';

runExamples(campaignBannerExamples);

const API = `${location.origin}/api/v1/`;
const QINGMING_2020 = {
  id: 'qingming-2020',
  kind: 'qingming',
  title: '致敬·2020清明祭英烈',
  theme: '致敬',
  startDate: '2020-02-10',
  endDate: '2020-04-10',
  url: 'https://www.chinamartyrs.gov.cn/',
  partnerLinks: [],
};
/** Instants against qingming-2020's window, in Asia/Shanghai. */
const IN_2020 = new Date('2020-03-01T10:00:00+08:00');

const SHARED = Symbol.for('memorial-elements.campaign-banner');
type Shared = { sent: Set<string>; closed: Set<string> };
const shared = () => (globalThis as unknown as Record<symbol, Shared | undefined>)[SHARED];

/** A new page view as far as the banner's once-per-page-view state is concerned. */
function newPageView(): void {
  shared()?.sent.clear();
  shared()?.closed.clear();
  for (const key of Object.keys(localStorage)) if (key.startsWith('memorial-campaign-banner:')) localStorage.removeItem(key);
}

const mounted: HTMLElement[] = [];
function mount(html: string, before?: (root: HTMLElement) => void): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  before?.(root);
  document.body.append(root);
  mounted.push(root);
  return root;
}
const bannersIn = (root: ParentNode) => [...root.querySelectorAll('memorial-campaign-banner')] as MemorialCampaignBanner[];
const bannerIn = (root: ParentNode) => bannersIn(root)[0] as MemorialCampaignBanner;
const part = (el: Element, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`) as HTMLElement | null;
const shadowText = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function settled(el: MemorialCampaignBanner): Promise<void> {
  await el.updateComplete;
  await until(`<${el.localName} campaign=${el.campaign}> to load`, () => el.loadState !== 'loading');
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** A banner on the reference API, at `now` (`null`: the reader's clock). */
async function banner(attrs: string, now: Date | null = IN_2020, fallback = CAMPAIGN_FALLBACK): Promise<MemorialCampaignBanner> {
  const el = bannerIn(
    mount(`<memorial-campaign-banner api-base="${location.origin}" ${attrs}>${fallback}</memorial-campaign-banner>`, (root) => {
      if (now) bannerIn(root).now = now;
    }),
  );
  await settled(el);
  return el;
}

/** Clicks (synthetically) and stops the navigation at the window, reporting whether anything before us prevented it. */
function clickWithoutLeaving(target: HTMLElement): { defaultPrevented: boolean } {
  const seen = { defaultPrevented: false };
  const stop = (e: Event) => {
    seen.defaultPrevented = e.defaultPrevented;
    e.preventDefault();
  };
  window.addEventListener('click', stop, { once: true });
  target.click();
  window.removeEventListener('click', stop);
  return seen;
}

/** `true` when the element is what is painted at its own centre (visible, not covered). */
function hitTestable(el: Element): boolean {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  // inside a shadow root, ask the shadow root (the document would answer with the host)
  const scope = el.getRootNode() as Document | ShadowRoot;
  const hit = scope.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return hit === el || (hit !== null && el.contains(hit));
}

interface Beacon {
  url: string;
  body: { type: string; origin: string; path: string };
  raw: string;
}
let beacons: Beacon[] = [];
const originalBeacon = Object.getOwnPropertyDescriptor(Navigator.prototype, 'sendBeacon');
function stubBeacon(): void {
  beacons = [];
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: (url: string, data?: BodyInit | null) => {
      const raw = typeof data === 'string' ? data : '';
      beacons.push({ url: String(url), body: JSON.parse(raw) as Beacon['body'], raw });
      return true;
    },
  });
}
function restoreBeacon(): void {
  delete (navigator as unknown as Record<string, unknown>)['sendBeacon'];
  if (originalBeacon && !('sendBeacon' in navigator)) Object.defineProperty(Navigator.prototype, 'sendBeacon', originalBeacon);
}

describe('<memorial-campaign-banner>', () => {
  beforeEach(() => {
    newPageView();
    stubBeacon();
  });
  afterEach(() => {
    for (const root of mounted.splice(0)) root.remove();
    restoreBeacon();
    newPageView();
  });

  describe('rendering', () => {
    it('shows the yearly title with its theme, the dates and a call to action that opens safely in a new tab', async () => {
      const loads: MemorialLoadEvent[] = [];
      document.addEventListener('memorial-load', (e) => loads.push(e), { once: true });
      const el = await banner('campaign="qingming-2020"');
      expect(el.loadState).to.equal('loaded');
      expect(el.getAttribute('phase')).to.equal('active');
      expect(part(el, 'title')?.textContent?.trim()).to.equal('致敬·2020清明祭英烈');
      expect(part(el, 'theme')?.textContent).to.equal('致敬');
      expect(part(el, 'dates')?.textContent?.trim()).to.equal('2020年2月10日至2020年4月10日');
      const link = part(el, 'link') as HTMLAnchorElement;
      expect(link.href).to.equal('https://www.chinamartyrs.gov.cn/');
      expect(link.target).to.equal('_blank');
      expect(link.rel.split(' ')).to.include.members(['noopener', 'noreferrer']);
      // the accessible name says where it goes and that it opens a new window
      expect(link.textContent?.replace(/\s+/g, '')).to.contain('前往网上祭扫').and.to.contain('（在新窗口打开）');
      expect(link.querySelector('.visually-hidden')?.textContent).to.equal('（在新窗口打开）');
      expect(link.getBoundingClientRect().height).to.be.at.least(44);
      // loaded: the fallback is not rendered, so there is one link, not two
      expect(part(el, 'fallback')).to.equal(null);
      expect((el.querySelector('a') as HTMLAnchorElement).getBoundingClientRect().height).to.equal(0);
      await until('memorial-load', () => loads.length > 0);
      expect((loads[0]?.detail.data as { id: string }).id).to.equal('qingming-2020');
      expect(loads[0]?.detail.empty).to.equal(false);
    });

    it('strip is full width, card stacks for a side column', async () => {
      const wide = mount(`<div class="frame"></div>`);
      wide.style.width = '720px';
      const strip = await banner('campaign="qingming-2020"');
      wide.append(strip);
      await strip.updateComplete;
      expect(strip.getBoundingClientRect().width).to.equal(720);
      expect(getComputedStyle(part(strip, 'banner') as HTMLElement).flexDirection).to.equal('row');
      const card = await banner('campaign="qingming-2020" variant="card"');
      expect(getComputedStyle(part(card, 'banner') as HTMLElement).flexDirection).to.equal('column');
      expect(card.getAttribute('variant')).to.equal('card');
    });

    it('float sits in the top layer (or fixed), in the corner, with a permanent close of at least 44 px', async () => {
      const el = await banner('campaign="qingming-2020" variant="float"');
      const box = part(el, 'base') as HTMLElement;
      if ('popover' in HTMLElement.prototype) {
        expect(box.getAttribute('popover')).to.equal('manual');
        expect(box.matches(':popover-open'), 'shown as a popover').to.equal(true);
      }
      expect(getComputedStyle(box).position).to.equal('fixed');
      const r = box.getBoundingClientRect();
      expect(r.right).to.be.at.most(innerWidth);
      expect(r.bottom).to.be.at.most(innerHeight);
      expect(r.width, 'a small entry').to.be.below(Math.max(innerWidth * 0.6, 400));
      const close = part(el, 'close-button') as HTMLButtonElement;
      expect(close.getAttribute('aria-label')).to.equal('关闭活动入口');
      const c = close.getBoundingClientRect();
      expect(c.width).to.be.at.least(44);
      expect(c.height).to.be.at.least(44);
      expect(hitTestable(close), 'the close button is never covered').to.equal(true);
      expect(hitTestable(part(el, 'link') as HTMLElement)).to.equal(true);
    });

    it('in elder mode the float’s close and the call to action are at least 60 px', async () => {
      const el = await banner('campaign="qingming-2020" variant="float" elder-mode');
      for (const name of ['close-button', 'link']) {
        const r = (part(el, name) as HTMLElement).getBoundingClientRect();
        expect(r.height, name).to.be.at.least(60);
      }
      expect(parseFloat(getComputedStyle(part(el, 'title') as HTMLElement).fontSize)).to.be.at.least(18);
    });

    it('before the window: an upcoming state with the days remaining and a link to the column', async () => {
      const el = await banner('campaign="qingming-2020"', new Date('2020-02-01T09:00:00+08:00'));
      expect(el.getAttribute('phase')).to.equal('upcoming');
      expect(el.loadState).to.equal('loaded');
      expect(part(el, 'countdown')?.textContent?.trim()).to.equal('还有 9 天开始');
      expect(part(el, 'link')?.textContent).to.contain('了解活动');
    });

    it('after the window: hidden by default, a plain link with after="link"', async () => {
      const loads: MemorialLoadEvent[] = [];
      document.addEventListener('memorial-load', (e) => loads.push(e), { once: true });
      const hidden = await banner('campaign="qingming-2020"', new Date('2020-04-11T00:00:00+08:00'));
      expect(hidden.getAttribute('phase')).to.equal('ended');
      expect(hidden.loadState).to.equal('empty');
      expect(getComputedStyle(hidden).display).to.equal('none');
      await until('memorial-load', () => loads.length > 0);
      expect(loads[0]?.detail.empty).to.equal(true);

      const link = await banner('campaign="qingming-2020" after="link"', new Date('2020-04-11T00:00:00+08:00'));
      expect(link.loadState).to.equal('loaded');
      const a = part(link, 'link') as HTMLAnchorElement;
      expect(a.classList.contains('button')).to.equal(false);
      expect(a.textContent?.replace(/\s+/g, '')).to.equal('致敬·2020清明祭英烈（已结束）（在新窗口打开）');
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.contain('noopener');
      expect(part(link, 'banner')).to.equal(null);
      // the property and the attribute are one setting
      link.afterWindow = 'hide';
      await link.updateComplete;
      expect(link.getAttribute('after')).to.equal('hide');
      expect(getComputedStyle(link).display).to.equal('none');
    });

    it('a one-day campaign shows one date', async () => {
      const el = await banner('campaign="martyrs-day-2026"', new Date(CAMPAIGN_CLOCK.martyrsDay));
      expect(part(el, 'dates')?.textContent?.trim()).to.equal('2026年9月30日');
    });

    it('campaign="current" shows the campaign the server picks and reports it under its own id', async () => {
      // the API server runs at a fixed clock (test/wtr/api-server.mjs); the banner is given the same
      const { clock } = (await (await fetch(`${API}health`)).json()) as { clock?: string };
      expect(clock, 'the API server’s fixed clock').to.be.a('string');
      const current = (await (await fetch(`${API}campaigns/current`)).json()) as { id?: string };
      expect(current.id).to.be.a('string');
      const el = await banner('campaign="current"', new Date(clock!));
      expect(el.loadState).to.equal('loaded');
      expect(el.data?.id).to.equal(current.id);
      await until('an impression', () => beacons.length > 0);
      expect(beacons[0]?.url).to.equal(`${API}campaigns/${current.id}/events`);
    });

    it('speaks zh-Hant and English, keeping the Chinese title marked as Chinese', async () => {
      const hant = await banner('campaign="qingming-2020" locale="zh-TW"');
      expect(part(hant, 'link')?.textContent).to.contain('前往網上祭掃').and.to.contain('（在新視窗開啟）');
      expect(part(hant, 'title')?.getAttribute('lang')).to.equal('zh-Hans');
      const en = await banner('campaign="qingming-2020" locale="en"', new Date('2020-02-08T12:00:00+08:00'));
      expect(part(en, 'base')?.getAttribute('lang')).to.equal('en');
      expect(part(en, 'dates')?.textContent?.trim()).to.equal('10 February 2020 to 10 April 2020');
      expect(part(en, 'countdown')?.textContent?.trim()).to.equal('Starts in 2 days');
      expect(part(en, 'link')?.textContent).to.contain('About the campaign').and.to.contain('(opens in a new window)');
      expect(part(en, 'title')?.getAttribute('lang')).to.equal('zh-Hans');
      const one = await banner('campaign="qingming-2020" locale="en"', new Date('2020-02-09T12:00:00+08:00'));
      expect(part(one, 'countdown')?.textContent?.trim()).to.equal('Starts in 1 day');
    });

    it('follows a change of the page’s lang', async () => {
      const root = mount(`<div lang="zh-CN"></div>`);
      const el = await banner('campaign="qingming-2020"');
      root.firstElementChild?.append(el);
      await el.updateComplete;
      expect(shadowText(el)).to.contain('前往网上祭扫');
      (root.firstElementChild as HTMLElement).lang = 'en';
      await until('English', () => shadowText(el).includes('Pay tribute online'));
    });

    it('has an open shadow root and no style attributes (strict CSP)', async () => {
      const el = await banner('campaign="qingming-2020" variant="float" elder-mode');
      expect(el.shadowRoot?.mode).to.equal('open');
      expect(el.shadowRoot?.querySelectorAll('[style]').length).to.equal(0);
      expect(el.hasAttribute('style')).to.equal(false);
    });

    it('honours reduced motion, more contrast and forced colours', async function () {
      const el = await banner('campaign="qingming-2020"');
      const link = part(el, 'link') as HTMLElement;
      const box = part(el, 'banner') as HTMLElement;
      expect(parseFloat(getComputedStyle(link).transitionDuration)).to.be.greaterThan(0);
      // every engine: the shadow root's own sheets answer the three preferences
      const media = [...(el.shadowRoot?.adoptedStyleSheets ?? [])].flatMap((sheet) =>
        [...sheet.cssRules].filter((r): r is CSSMediaRule => r instanceof CSSMediaRule).map((r) => r.conditionText.replace(/\s+/g, ' ')),
      );
      for (const query of ['(prefers-reduced-motion: reduce)', '(prefers-contrast: more)', '(forced-colors: active)']) expect(media, query).to.include(query);
      try {
        await emulateMedia({ reducedMotion: 'reduce' });
      } catch {
        this.skip(); // the WebDriver launcher cannot emulate media features
      }
      try {
        if (!matchMedia('(prefers-reduced-motion: reduce)').matches) this.skip();
        expect(parseFloat(getComputedStyle(link).transitionDuration)).to.equal(0);
        type Media = Parameters<typeof emulateMedia>[0] & { forcedColors?: string; contrast?: string };
        await emulateMedia({ reducedMotion: 'no-preference', contrast: 'more' } as Media).catch(() => undefined);
        if (matchMedia('(prefers-contrast: more)').matches) {
          expect(getComputedStyle(box).backgroundColor).to.equal('rgb(255, 255, 255)');
          expect(getComputedStyle(box).color).to.equal('rgb(0, 0, 0)');
        }
        await emulateMedia({ contrast: 'no-preference', forcedColors: 'active' } as Media).catch(() => undefined);
        if (matchMedia('(forced-colors: active)').matches) {
          const probe = document.createElement('span');
          probe.style.color = 'CanvasText';
          document.body.append(probe);
          const canvasText = getComputedStyle(probe).color;
          probe.remove();
          expect(getComputedStyle(box).borderTopColor).to.equal(canvasText);
          expect(getComputedStyle(box).borderLeftColor).to.equal(canvasText);
        }
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference', contrast: 'no-preference', forcedColors: 'none' } as Parameters<typeof emulateMedia>[0]).catch(() => undefined);
      }
    });
  });

  describe('fallback', () => {
    it('shows the light-DOM link, working, while loading, with no campaign, and when the API is down', async () => {
      const errors: MemorialErrorEvent[] = [];
      const down = mount(
        `<memorial-campaign-banner api-base="${UNREACHABLE_API_BASE}" campaign="qingming-2026">${CAMPAIGN_FALLBACK}</memorial-campaign-banner>`,
        (r) => r.addEventListener('memorial-error', (e) => errors.push(e)),
      );
      const el = bannerIn(down);
      await settled(el);
      expect(el.loadState).to.equal('error');
      await until('memorial-error', () => errors.length > 0);
      expect(errors[0]?.detail.kind).to.equal('network');
      expect(errors[0]?.detail.error).to.have.property('name', 'MemorialNetworkError');
      const link = el.querySelector('a') as HTMLAnchorElement;
      expect(link.href).to.equal('https://www.chinamartyrs.gov.cn/');
      expect(hitTestable(link), 'the fallback link is visible and on top').to.equal(true);
      expect(clickWithoutLeaving(link).defaultPrevented, 'nothing stops the fallback link').to.equal(false);
      // no error text to readers: the link is the graceful state
      expect(shadowText(el)).to.equal('');

      const idle = bannerIn(mount(`<memorial-campaign-banner api-base="${location.origin}">${CAMPAIGN_FALLBACK}</memorial-campaign-banner>`));
      await idle.updateComplete;
      expect(idle.loadState).to.equal('idle');
      expect(hitTestable(idle.querySelector('a') as HTMLElement)).to.equal(true);

      const hanging = stubClient((_url, request) => new Promise<Response>((_r, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))));
      const loading = bannerIn(
        mount(`<memorial-provider><memorial-campaign-banner campaign="qingming-2026">${CAMPAIGN_FALLBACK}</memorial-campaign-banner></memorial-provider>`, (r) => {
          (r.querySelector('memorial-provider') as MemorialProvider).client = hanging;
        }),
      );
      await loading.updateComplete;
      await until('loading', () => loading.loadState === 'loading');
      expect(hitTestable(loading.querySelector('a') as HTMLElement)).to.equal(true);
    });

    it('not found and a malformed id fall back without an error message', async () => {
      const missing = await banner('campaign="qingming-1900"');
      expect(missing.loadState).to.equal('error');
      expect(missing.error?.kind).to.equal('not-found');
      expect(hitTestable(missing.querySelector('a') as HTMLElement)).to.equal(true);
      const malformed = await banner('campaign="../admin"');
      expect(malformed.error?.kind).to.equal('not-found');
    });

    it('a campaign that breaks the contract is never rendered (e.g. a javascript: link)', async () => {
      const original = window.fetch;
      window.fetch = async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (url.endsWith('/campaigns/evil')) return json({ ...QINGMING_2020, id: 'evil', url: 'javascript:alert(1)' });
        return original(input, init);
      };
      try {
        const el = await banner('campaign="evil"');
        expect(el.loadState).to.equal('error');
        expect(el.error?.kind).to.equal('validation');
        expect(el.shadowRoot?.querySelector('a[href^="javascript"]')).to.equal(null);
      } finally {
        window.fetch = original;
      }
    });

    it('is the page’s own link with no script at all (a frame with scripts disabled)', async () => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-same-origin'); // no allow-scripts: JavaScript is off in the frame
      frame.srcdoc = `<!doctype html><html lang="zh-Hans"><body>
        <script type="module" src="/dist/cdn/memorial-campaign-banner.min.js"></script>
        <memorial-campaign-banner campaign="current" api-base="${location.origin}">${CAMPAIGN_FALLBACK}</memorial-campaign-banner></body></html>`;
      frame.width = '600';
      frame.height = '200';
      mounted.push(frame);
      document.body.append(frame);
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      const doc = frame.contentDocument as Document;
      const el = doc.querySelector('memorial-campaign-banner') as HTMLElement;
      expect(el.shadowRoot, 'never upgraded').to.equal(null);
      const link = doc.querySelector('a') as HTMLAnchorElement;
      expect(link.href).to.equal('https://www.chinamartyrs.gov.cn/');
      const r = link.getBoundingClientRect();
      expect(r.height).to.be.greaterThan(0);
      expect(doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)).to.equal(link);
    });
  });

  describe('float close', () => {
    it('is remembered per campaign in localStorage, across re-creating the element', async () => {
      const el = await banner('campaign="qingming-2020" variant="float"');
      (part(el, 'close-button') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(el.hasAttribute('closed')).to.equal(true);
      expect(getComputedStyle(el).display).to.equal('none');
      expect(el.shadowRoot?.querySelector(':popover-open, .float')).to.equal(null);
      expect(localStorage.getItem('memorial-campaign-banner:closed:qingming-2020')).to.equal('1');

      // a reload: a new element, and nothing remembered in memory, only in storage
      shared()?.closed.clear();
      const again = await banner('campaign="qingming-2020" variant="float"');
      expect(again.hasAttribute('closed')).to.equal(true);
      expect(getComputedStyle(again).display).to.equal('none');

      // another campaign still floats; the strip of the closed one still shows
      const other = await banner('campaign="qingming-2026" variant="float"', new Date(CAMPAIGN_CLOCK.active));
      expect(other.hasAttribute('closed')).to.equal(false);
      expect(part(other, 'close-button')).to.not.equal(null);
      const strip = await banner('campaign="qingming-2020"');
      expect(strip.hasAttribute('closed')).to.equal(false);
      expect(getComputedStyle(strip).display).to.equal('block');
    });

    it('Escape inside the float closes it too', async () => {
      const el = await banner('campaign="qingming-2020" variant="float"');
      const link = part(el, 'link') as HTMLElement;
      link.focus();
      link.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await el.updateComplete;
      expect(el.hasAttribute('closed')).to.equal(true);
    });

    it('still closes, for this page view, when storage is blocked', async () => {
      const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('storage is blocked', 'SecurityError');
        },
      });
      try {
        expect(() => window.localStorage).to.throw();
        const el = await banner('campaign="qingming-2020" variant="float"');
        (part(el, 'close-button') as HTMLButtonElement).click();
        await el.updateComplete;
        expect(el.hasAttribute('closed')).to.equal(true);
        const again = await banner('campaign="qingming-2020" variant="float"');
        expect(again.hasAttribute('closed')).to.equal(true);
      } finally {
        if (own) Object.defineProperty(window, 'localStorage', own);
        else delete (window as unknown as Record<string, unknown>)['localStorage'];
      }
      expect(localStorage.getItem('memorial-campaign-banner:closed:qingming-2020')).to.equal(null);
    });
  });

  describe('embed report', () => {
    /** A banner in a scroll box, first far below its fold, then with `visible` of its height showing. */
    async function belowTheFold(attrs: string, visible: number): Promise<{ el: MemorialCampaignBanner; box: HTMLElement }> {
      const root = mount(`<div><div class="spacer"></div><memorial-campaign-banner api-base="${location.origin}" ${attrs}>${CAMPAIGN_FALLBACK}</memorial-campaign-banner><div class="after"></div></div>`, (r) => {
        const box = r.firstElementChild as HTMLElement;
        box.style.height = '300px';
        box.style.overflow = 'auto';
        (box.querySelector('.spacer') as HTMLElement).style.height = '2000px';
        (box.querySelector('.after') as HTMLElement).style.height = '1000px';
        bannerIn(r).now = IN_2020;
      });
      const box = root.firstElementChild as HTMLElement;
      const el = bannerIn(root);
      await settled(el);
      const h = el.getBoundingClientRect().height;
      (box.querySelector('.spacer') as HTMLElement).style.height = `${300 - h * visible}px`;
      return { el, box };
    }
    const settle = () => new Promise((r) => setTimeout(r, 150));

    it('sends one impression once at least half of the banner is on screen, and only one per page view', async () => {
      const { el, box } = await belowTheFold('campaign="qingming-2020"', 0.3);
      await settle();
      expect(beacons, 'only 30 % visible').to.have.length(0);
      box.scrollTop = 200;
      await until('the impression', () => beacons.length > 0);
      expect(beacons[0]?.url).to.equal(`${API}campaigns/qingming-2020/events`);
      expect(beacons[0]?.body).to.deep.equal({ type: 'impression', origin: location.origin, path: location.pathname });
      // away and back again, and a second banner for the same campaign: still one
      box.scrollTop = 0;
      await settle();
      box.scrollTop = 200;
      await banner('campaign="qingming-2020" variant="card"');
      await settle();
      expect(beacons.filter((b) => b.body.type === 'impression')).to.have.length(1);
      expect(el.loadState).to.equal('loaded');
      // another campaign is another impression
      await banner('campaign="qingming-2026" variant="card"', new Date(CAMPAIGN_CLOCK.active));
      await until('the second campaign’s impression', () => beacons.length === 2);
      expect(beacons[1]?.url).to.equal(`${API}campaigns/qingming-2026/events`);
    });

    it('sends one click per page view with the campaign-click event, and nothing personal', async () => {
      history.replaceState(history.state, '', `${location.pathname}?name=${encodeURIComponent('张三')}&mobile=13800000000#frag`);
      try {
        const clicks: MemorialCampaignClickEvent[] = [];
        document.addEventListener('memorial-campaign-click', (e) => clicks.push(e));
        const el = await banner('campaign="qingming-2020"');
        const link = part(el, 'link') as HTMLAnchorElement;
        expect(clickWithoutLeaving(link).defaultPrevented).to.equal(false);
        clickWithoutLeaving(link);
        expect(clicks).to.have.length(2);
        expect(clicks[0]?.detail).to.deep.equal({ campaignId: 'qingming-2020', url: 'https://www.chinamartyrs.gov.cn/' });
        expect(clicks[0]?.bubbles && clicks[0]?.composed && clicks[0]?.cancelable).to.equal(true);
        const sent = beacons.filter((b) => b.body.type === 'click');
        expect(sent).to.have.length(1);
        expect(sent[0]?.body).to.deep.equal({ type: 'click', origin: location.origin, path: location.pathname });
        for (const b of beacons) {
          expect(Object.keys(b.body).sort()).to.deep.equal(['origin', 'path', 'type']);
          expect(b.raw).not.to.contain('mobile').and.not.to.contain('frag').and.not.to.contain('?');
        }
      } finally {
        history.replaceState(history.state, '', location.pathname);
      }
    });

    it('a cancelled campaign-click keeps the page and sends no click', async () => {
      const el = await banner('campaign="qingming-2020"');
      const cancel = (e: Event) => e.preventDefault();
      el.addEventListener('memorial-campaign-click', cancel);
      expect(clickWithoutLeaving(part(el, 'link') as HTMLElement).defaultPrevented).to.equal(true);
      el.removeEventListener('memorial-campaign-click', cancel);
      expect(beacons.filter((b) => b.body.type === 'click')).to.have.length(0);
    });

    it('no-beacon sends nothing, and the click event still fires', async () => {
      let clicked = 0;
      const el = await banner('campaign="qingming-2020" no-beacon');
      el.addEventListener('memorial-campaign-click', () => clicked++);
      await settle();
      clickWithoutLeaving(part(el, 'link') as HTMLElement);
      await settle();
      expect(beacons).to.have.length(0);
      expect(clicked).to.equal(1);
    });

    it('falls back to fetch with keepalive (text/plain, no credentials) without sendBeacon', async () => {
      Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: undefined });
      const original = window.fetch;
      const sent: { url: string; init: RequestInit | undefined }[] = [];
      window.fetch = async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (url.endsWith('/events')) {
          sent.push({ url, init });
          return new Response('{"recorded":true}', { status: 202 });
        }
        return original(input, init);
      };
      try {
        await banner('campaign="qingming-2020"');
        await until('the impression by fetch', () => sent.length > 0);
        expect(sent[0]?.url).to.equal(`${API}campaigns/qingming-2020/events`);
        expect(sent[0]?.init).to.include({ method: 'POST', keepalive: true, credentials: 'omit' });
        expect(new Headers(sent[0]?.init?.headers).get('content-type')).to.equal('text/plain');
        expect(JSON.parse(String(sent[0]?.init?.body))).to.deep.equal({ type: 'impression', origin: location.origin, path: location.pathname });
      } finally {
        window.fetch = original;
      }
    });

    it('the real server accepts the beacon body (text/plain JSON)', async () => {
      const body = JSON.stringify({ type: 'impression', origin: location.origin, path: location.pathname });
      const res = await fetch(`${API}campaigns/qingming-2020/events`, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
      expect(res.status).to.equal(202);
      // Counted only inside the campaign's window (qingming-2020 has ended): test/node/security.embeds.test.ts.
      expect(await res.json()).to.deep.equal({ recorded: false });
    });
  });

  describe('days in Asia/Shanghai', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

    it(`decides the phase by the Shanghai day (this browser runs in ${zone})`, async () => {
      const cases: [string, string][] = [
        ['2020-04-10T23:59:00+08:00', 'active'], // one minute before midnight on the last day
        ['2020-04-11T00:00:00+08:00', 'ended'],
        ['2020-02-09T23:59:59+08:00', 'upcoming'],
        ['2020-02-10T00:00:00+08:00', 'active'], // already the first day in Shanghai, still 9 February in the Americas
      ];
      for (const [iso, phase] of cases) {
        const el = await banner('campaign="qingming-2020" after="link"', new Date(iso));
        expect(el.getAttribute('phase'), iso).to.equal(phase);
      }
      const eve = await banner('campaign="qingming-2020"', new Date('2020-02-09T23:59:00+08:00'));
      expect(part(eve, 'countdown')?.textContent?.trim(), 'the last minute before the start day').to.equal('还有 1 天开始');
    });

    it('uses the reader’s clock (Date.now) when no `now` is given, and re-checks at Shanghai midnight', async function () {
      this.timeout(15_000);
      const realNow = Date.now;
      const fake = new Date('2020-04-10T23:59:58.500+08:00').getTime();
      const started = realNow();
      Date.now = () => fake + (realNow() - started);
      try {
        const el = await banner('campaign="qingming-2020"', null);
        expect(el.getAttribute('phase')).to.equal('active');
        expect(getComputedStyle(el).display).to.equal('block');
        // midnight passes while the page is open: the banner goes without a reload
        await until('the phase to change at Shanghai midnight', () => el.getAttribute('phase') === 'ended', 5000);
        await el.updateComplete;
        expect(getComputedStyle(el).display).to.equal('none');
      } finally {
        Date.now = realNow;
      }
    });

    it('computes the Shanghai day the way Intl does with timeZone Asia/Shanghai', () => {
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
      const day = (ms: number) => {
        const p = Object.fromEntries(intl.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
        return `${p['year']}-${p['month']}-${p['day']}`;
      };
      // every 97 minutes for two years, plus the minutes around each Shanghai midnight
      for (let ms = Date.UTC(2019, 0, 1); ms < Date.UTC(2021, 0, 1); ms += 97 * 60_000) expect(shanghaiDay(ms)).to.equal(day(ms));
      for (let d = 0; d < 400; d++) {
        const midnight = Date.UTC(2026, 0, 1, 16) + d * 86_400_000; // 00:00 in Shanghai
        for (const ms of [midnight - 60_000, midnight, midnight + 60_000]) expect(shanghaiDay(ms)).to.equal(day(ms));
      }
      expect(campaignPhase(QINGMING_2020, Date.parse('2020-04-10T15:59:00Z'))).to.equal('active');
      expect(campaignPhase(QINGMING_2020, Date.parse('2020-04-10T16:00:00Z'))).to.equal('ended');
    });
  });

  describe('inside a provider', () => {
    it('uses the provider’s client (the SDK), locale and elder mode', async () => {
      const client = stubClient((url) =>
        url.pathname === '/api/v1/campaigns/qingming-2020' ? json(QINGMING_2020) : json({ code: 'not_found', message: 'not found' }, 404),
      );
      const root = mount(
        `<memorial-provider locale="en" elder-mode><memorial-campaign-banner campaign="qingming-2020" variant="float" no-beacon>${CAMPAIGN_FALLBACK}</memorial-campaign-banner></memorial-provider>`,
        (r) => {
          (r.querySelector('memorial-provider') as MemorialProvider).client = client;
          bannerIn(r).now = IN_2020;
        },
      );
      const el = bannerIn(root);
      await settled(el);
      expect(el.loadState).to.equal('loaded');
      expect(client.requests.map((u) => u.pathname)).to.deep.equal(['/api/v1/campaigns/qingming-2020']);
      expect(el.resolvedLocale).to.equal('en');
      expect(el.hasAttribute('elder-active')).to.equal(true);
      expect(part(el, 'close-button')?.getAttribute('aria-label')).to.equal('Close the campaign entry');
      expect((part(el, 'close-button') as HTMLElement).getBoundingClientRect().height).to.be.at.least(60);
    });

    it('finds a provider that is defined after it', async () => {
      const client = stubClient(() => json(QINGMING_2020));
      const root = mount(
        `<memorial-late-banner-provider locale="en"><memorial-campaign-banner campaign="qingming-2020" no-beacon>${CAMPAIGN_FALLBACK}</memorial-campaign-banner></memorial-late-banner-provider>`,
      );
      const el = bannerIn(root);
      el.now = IN_2020;
      await settled(el);
      expect(el.error?.kind, 'no provider yet and no api-base: not configured').to.equal('config');
      (root.firstElementChild as MemorialProvider).client = client;
      const Provider = customElements.get('memorial-provider') as CustomElementConstructor;
      customElements.define('memorial-late-banner-provider', class extends Provider {});
      await until('the banner to load through the late provider', () => el.loadState === 'loaded');
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Pay tribute online');
      expect(client.requests).to.have.length(1);
    });

    it('its own api-base wins over the provider, and a <meta> gives the address otherwise', async () => {
      const client = stubClient(() => json(QINGMING_2020));
      const root = mount(`<memorial-provider><memorial-campaign-banner api-base="${location.origin}" campaign="qingming-2026" no-beacon></memorial-campaign-banner></memorial-provider>`, (r) => {
        (r.querySelector('memorial-provider') as MemorialProvider).client = client;
        bannerIn(r).now = new Date(CAMPAIGN_CLOCK.active);
      });
      const own = bannerIn(root);
      await settled(own);
      expect(own.data?.id).to.equal('qingming-2026');
      expect(client.requests).to.have.length(0);

      const meta = document.createElement('meta');
      meta.name = 'memorial-api-base';
      meta.content = location.origin;
      document.head.append(meta);
      try {
        const el = bannerIn(mount(`<memorial-campaign-banner campaign="qingming-2020" no-beacon></memorial-campaign-banner>`));
        await settled(el);
        expect(el.dataSource?.apiRoot).to.equal(API);
        expect(el.data?.id).to.equal('qingming-2020');
      } finally {
        meta.remove();
      }
    });
  });

  describe('the generated check of campaigns fetched without ky', () => {
    const valid = QINGMING_2020;
    const cases: [string, unknown][] = [
      ['valid', valid],
      ['valid, no theme, partner links, an extra field', { ...valid, theme: null, partnerLinks: [{ title: '重庆', url: 'http://example.gov.cn/a', extra: 1 }], extra: true }],
      ['a one-day campaign', { ...valid, startDate: '2026-09-30', endDate: '2026-09-30' }],
      ['a title with a character outside the BMP', { ...valid, title: '𠀋'.repeat(100) }],
      ['a title one too long', { ...valid, title: '𠀋'.repeat(101) }],
      ['null', null],
      ['an array', [valid]],
      ['a missing title', { ...valid, title: undefined }],
      ['an empty title', { ...valid, title: '   ' }],
      ['a title of zero-width characters only', { ...valid, title: '\u200b\u200d\ufeff' }],
      ['a title of blank fillers only', { ...valid, title: '\u3164\u2800' }],
      ['a theme with a zero-width joiner inside', { ...valid, theme: '致\u200d敬' }],
      ['a control character', { ...valid, title: 'a\u0007b' }],
      ['a lone surrogate', { ...valid, title: 'a\ud800b' }],
      ['an uppercase id', { ...valid, id: 'Qingming-2020' }],
      ['an unknown kind', { ...valid, kind: 'festival' }],
      ['every known kind', { ...valid, kind: 'memorial-day' }],
      ['a theme too long', { ...valid, theme: '致'.repeat(41) }],
      ['an empty theme', { ...valid, theme: '' }],
      ['a javascript: url', { ...valid, url: 'javascript:alert(1)' }],
      ['a data: url', { ...valid, url: 'data:text/html,x' }],
      ['a relative url', { ...valid, url: '/column' }],
      ['a url too long', { ...valid, url: `https://e.gov.cn/${'a'.repeat(2000)}` }],
      ['no such day', { ...valid, endDate: '2020-02-30' }],
      ['a leap day', { ...valid, startDate: '2020-02-29' }],
      ['a date with a time', { ...valid, startDate: '2020-02-10T00:00:00Z' }],
      ['end before start', { ...valid, startDate: '2020-04-11' }],
      ['21 partner links', { ...valid, partnerLinks: Array.from({ length: 21 }, () => ({ title: 'x', url: 'https://e.gov.cn/' })) }],
      ['a bad partner link', { ...valid, partnerLinks: [{ title: 'x', url: 'ftp://e.gov.cn/' }] }],
      ['a partner link that is not an object', { ...valid, partnerLinks: ['https://e.gov.cn/'] }],
      ['partner links not an array', { ...valid, partnerLinks: {} }],
    ];
    for (const [name, input] of cases) {
      it(`agrees with the contract's Campaign schema: ${name}`, () => {
        const schema = Campaign.safeParse(input);
        const guard = validateCampaign(input);
        expect(guard.issues === undefined, `accepted by the generated validator (schema: ${schema.success})`).to.equal(schema.success);
        if (schema.success) expect(guard.data).to.deep.equal(schema.data);
      });
    }
    it('knows every campaign kind of the contract', () => {
      const kinds = (Campaign.shape.kind as unknown as { options: string[] }).options;
      for (const kind of kinds) expect(validateCampaign({ ...valid, kind }).issues, kind).to.equal(undefined);
    });
  });
});

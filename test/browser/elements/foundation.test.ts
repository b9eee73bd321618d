/// <reference types="mocha" />
/**
 * The element foundation (issue 3) with <memorial-provider> and a throwaway element built on
 * the base (test/browser/fixtures/test-card.ts).
 */
import { expect } from '@esm-bundle/chai';
import '../../../src/elements/provider/define.js';
import { MemorialProvider } from '../../../src/elements/provider/provider.js';
import { define } from '../../../src/elements/shared/define.js';
import { MemorialErrorEvent, MemorialLoadEvent, MemorialCampaignClickEvent, MemorialTributeEvent } from '../../../src/elements/shared/events.js';
import { sampleClient, SAMPLE_MARTYR } from '../../../src/elements/shared/example-support.js';
import { UNREACHABLE_API_BASE } from '../../../src/elements/shared/examples.js';
import { VERSION } from '../../../src/elements/shared/version.js';
import { createMemorialClient } from '../../../src/sdk/index.js';
import { MemorialTestCard } from '../fixtures/test-card.js';
import { until } from '../fixtures/until.js';
import { mount } from '../fixtures/mount.js';

const card = (root: ParentNode, i = 0) => root.querySelectorAll('memorial-test-card')[i] as MemorialTestCard;
const providerIn = (root: ParentNode) => root.querySelector('memorial-provider') as MemorialProvider;
const shadowText = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const settled = (el: MemorialTestCard) => until(`<${el.localName}> to settle`, () => el.loadState !== 'loading' && el.loadState !== 'idle').then(() => el.updateComplete);

function withProvider(attrs = '', cards = 1): HTMLElement {
  const inner = Array.from({ length: cards }, () => `<memorial-test-card martyr-id="${SAMPLE_MARTYR.id}"></memorial-test-card>`).join('');
  return mount(`<memorial-provider ${attrs}>${inner}</memorial-provider>`, (root) => {
    providerIn(root).client = sampleClient();
  });
}

describe('<memorial-provider> and the element base', () => {
  it('renders data from the provider’s client, in open shadow roots', async () => {
    const root = withProvider();
    const el = card(root);
    await settled(el);
    expect(el.loadState).to.equal('loaded');
    expect(el.shadowRoot?.mode).to.equal('open');
    expect(shadowText(el)).to.contain(SAMPLE_MARTYR.name);
    expect(shadowText(el)).to.contain('1949年10月1日');
    expect(shadowText(el)).to.contain('解放战争时期');
  });

  it('re-renders every consumer when the provider’s locale changes', async () => {
    const root = withProvider('locale="zh-Hans"', 2);
    const [a, b] = [card(root, 0), card(root, 1)];
    await settled(a);
    await settled(b);
    expect(shadowText(a)).to.contain('献花');
    const provider = providerIn(root);
    provider.locale = 'en';
    await provider.updateComplete;
    await a.updateComplete;
    await b.updateComplete;
    for (const el of [a, b]) {
      expect(shadowText(el)).to.contain('Lay flowers');
      expect(shadowText(el)).to.contain('1 October 1949');
      expect(el.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('lang')).to.equal('en');
    }
    provider.setAttribute('locale', 'zh-HK');
    await provider.updateComplete;
    await a.updateComplete;
    expect(shadowText(a)).to.contain('獻花');
    expect(shadowText(a)).to.contain('解放戰爭時期');
  });

  it('elder mode raises text to ≥18px, line height to ≥1.3 and targets to ≥60px (≥44px by default)', async () => {
    const root = withProvider();
    const el = card(root);
    await settled(el);
    const button = () => el.shadowRoot?.querySelector('button[part~="tribute-button"]') as HTMLButtonElement;
    const measure = () => {
      const style = getComputedStyle(button());
      const rect = button().getBoundingClientRect();
      const fontSize = parseFloat(style.fontSize);
      const bodyStyle = getComputedStyle(el.shadowRoot?.querySelector('.muted') as Element);
      return { fontSize, width: rect.width, height: rect.height, bodyLine: parseFloat(bodyStyle.lineHeight) / parseFloat(bodyStyle.fontSize), bodyFont: parseFloat(bodyStyle.fontSize) };
    };
    const normal = measure();
    expect(normal.height).to.be.at.least(44);
    expect(normal.width).to.be.at.least(44);
    expect(normal.fontSize).to.be.below(18);
    expect(el.hasAttribute('elder-active')).to.equal(false);

    const provider = providerIn(root);
    provider.elderMode = true;
    await provider.updateComplete;
    await el.updateComplete;
    expect(el.hasAttribute('elder-active')).to.equal(true);
    const elder = measure();
    expect(elder.fontSize).to.be.at.least(18);
    expect(elder.bodyFont, 'even small text').to.be.at.least(18);
    expect(elder.bodyLine).to.be.at.least(1.3);
    expect(elder.height).to.be.at.least(60);
    expect(elder.width).to.be.at.least(60);

    provider.elderMode = false;
    await provider.updateComplete;
    await el.updateComplete;
    expect(measure().height).to.be.below(60);

    // on the element itself, outside any provider
    const alone = card(mount(`<memorial-test-card elder-mode></memorial-test-card>`));
    alone.martyr = SAMPLE_MARTYR;
    await alone.updateComplete;
    const b = alone.shadowRoot?.querySelector('button') as HTMLButtonElement;
    expect(parseFloat(getComputedStyle(b).fontSize)).to.be.at.least(18);
    expect(b.getBoundingClientRect().height).to.be.at.least(60);
  });

  it('a site theme cannot shrink elder-mode text', async () => {
    const root = mount(`<memorial-test-card elder-mode></memorial-test-card>`);
    const el = card(root);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('memorial-test-card { --memorial-sys-font-size: 12px; --memorial-sys-target-size: 20px; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      el.martyr = SAMPLE_MARTYR;
      await el.updateComplete;
      const b = el.shadowRoot?.querySelector('button') as HTMLButtonElement;
      expect(parseFloat(getComputedStyle(b).fontSize)).to.be.at.least(18);
      expect(b.getBoundingClientRect().height).to.be.at.least(60);
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  it('API down: shows the light-DOM fallback and a localized retry, and fires memorial-error', async () => {
    const errors: MemorialErrorEvent[] = [];
    const root = mount(
      `<memorial-test-card api-base="${UNREACHABLE_API_BASE}" martyr-id="${SAMPLE_MARTYR.id}"><a href="https://www.chinamartyrs.gov.cn/">中华英烈网</a></memorial-test-card>`,
      (r) => r.addEventListener('memorial-error', (e) => errors.push(e)),
    );
    const el = card(root);
    const link = root.querySelector('a') as HTMLAnchorElement;
    await settled(el);
    await until('memorial-error', () => errors.length > 0);
    expect(el.loadState).to.equal('error');
    expect(errors[0]).to.be.instanceOf(MemorialErrorEvent);
    expect(errors[0]?.detail.kind).to.be.oneOf(['network', 'timeout']);
    expect(errors[0]?.detail.phase).to.equal('load');
    expect(errors[0]?.composed && errors[0]?.bubbles).to.equal(true);
    const slot = el.shadowRoot?.querySelector('slot:not([name])') as HTMLSlotElement;
    expect(slot.assignedElements()).to.include(link);
    expect(link.getBoundingClientRect().height, 'the fallback link is visible').to.be.greaterThan(0);
    expect(shadowText(el)).to.contain('暂时无法连接服务');
    const retry = el.shadowRoot?.querySelector('[part~="retry-button"]') as HTMLButtonElement;
    expect(retry.textContent?.trim()).to.equal('重试');
    retry.click();
    await el.updateComplete;
    await settled(el);
    await until('a second memorial-error after retry', () => errors.length > 1);
  });

  it('shows the fallback before data is asked for, and hides it once loaded', async () => {
    const root = mount(`<memorial-test-card><a href="/x">fallback</a></memorial-test-card>`);
    const el = card(root);
    await el.updateComplete;
    const link = root.querySelector('a') as HTMLAnchorElement;
    expect(el.loadState).to.equal('idle');
    expect(link.getBoundingClientRect().height).to.be.greaterThan(0);
    el.martyr = SAMPLE_MARTYR;
    await el.updateComplete;
    expect(el.loadState).to.equal('loaded');
    expect(link.getBoundingClientRect().height).to.equal(0);
  });

  it('fires memorial-load (bubbling, composed, typed) once data is rendered', async () => {
    const loads: MemorialLoadEvent[] = [];
    const root = withProvider();
    root.addEventListener('memorial-load', (e) => loads.push(e));
    await settled(card(root));
    await until('memorial-load', () => loads.length > 0);
    expect(loads[0]).to.be.instanceOf(MemorialLoadEvent);
    expect((loads[0]?.detail.data as { name: string }).name).to.equal(SAMPLE_MARTYR.name);
    expect(loads[0]?.detail.empty).to.equal(false);
  });

  it('an exception in render becomes memorial-error and a visible error state, never an uncaught error', async () => {
    const errors: MemorialErrorEvent[] = [];
    const original = console.error;
    console.error = () => {};
    try {
      const root = mount(`<memorial-test-card></memorial-test-card>`, (r) => r.addEventListener('memorial-error', (e) => errors.push(e)));
      const el = card(root);
      el.explode = true;
      await el.updateComplete.catch(() => undefined);
      await until('memorial-error', () => errors.length > 0);
      await el.updateComplete;
      expect(errors[0]?.detail.phase).to.equal('lifecycle');
      expect(errors[0]?.detail.kind).to.equal('internal');
      expect(el.loadState).to.equal('error');
      expect(shadowText(el)).to.contain('加载失败');
      el.explode = false;
      (el.shadowRoot?.querySelector('[part~="retry-button"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(el.loadState).to.equal('idle');
    } finally {
      console.error = original;
    }
  });

  it('defining a tag twice only warns, naming both versions', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class Other extends MemorialTestCard {
        static override readonly memorialVersion = '9.9.9';
      }
      expect(() => define('memorial-test-card', Other)).not.to.throw();
      expect(define('memorial-test-card', Other)).to.equal(false);
      expect(customElements.get('memorial-test-card')).to.equal(MemorialTestCard);
      expect(define('memorial-test-card', MemorialTestCard)).to.equal(false);
    } finally {
      console.warn = original;
    }
    expect(warnings.length).to.equal(3);
    expect(String(warnings[0]?.[0])).to.contain(VERSION).and.to.contain('9.9.9').and.to.contain('<memorial-test-card>');
  });

  it('resolves the locale from its own attribute, then the provider, then the nearest lang', async () => {
    const cases: [string, string][] = [
      ['zh-TW', 'zh-Hant'],
      ['zh-HK', 'zh-Hant'],
      ['zh-MO', 'zh-Hant'],
      ['zh-Hant-TW', 'zh-Hant'],
      ['zh-Hant', 'zh-Hant'],
      ['zh-CN', 'zh-Hans'],
      ['zh', 'zh-Hans'],
      ['zh-Hans-HK', 'zh-Hans'],
      ['en', 'en'],
      ['en-US', 'en'],
      ['fr', 'zh-Hans'],
    ];
    for (const [lang, want] of cases) {
      const root = mount(`<section lang="${lang}"><div><memorial-test-card></memorial-test-card></div></section>`);
      expect(card(root).resolvedLocale, lang).to.equal(want);
    }
    const own = mount(`<div lang="en"><memorial-test-card locale="zh-TW"></memorial-test-card></div>`);
    expect(card(own).resolvedLocale).to.equal('zh-Hant');
    const provided = mount(`<div lang="en"><memorial-provider locale="zh-Hant"><memorial-test-card></memorial-test-card><memorial-test-card locale="en"></memorial-test-card></memorial-provider></div>`);
    await providerIn(provided).updateComplete;
    expect(card(provided, 0).resolvedLocale).to.equal('zh-Hant');
    expect(card(provided, 1).resolvedLocale).to.equal('en');
    // a provider without a locale leaves each element to its nearest lang
    const open = mount(`<div lang="zh-Hans"><memorial-provider><p lang="en"><memorial-test-card></memorial-test-card></p></memorial-provider></div>`);
    expect(card(open).resolvedLocale).to.equal('en');
  });

  it('follows a change of the page’s lang', async () => {
    const root = mount(`<div lang="zh-CN"><memorial-test-card></memorial-test-card></div>`);
    const el = card(root);
    el.martyr = SAMPLE_MARTYR;
    await el.updateComplete;
    expect(shadowText(el)).to.contain('献花');
    (root.firstElementChild as HTMLElement).lang = 'en';
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Lay flowers');
  });

  it('resolves its client from api-base, then the provider, then <meta name="memorial-api-base">', async () => {
    const meta = document.createElement('meta');
    meta.name = 'memorial-api-base';
    meta.content = location.origin;
    document.head.append(meta);
    try {
      const lone = card(mount(`<memorial-test-card></memorial-test-card>`));
      expect(lone.client?.baseUrl).to.equal(`${location.origin}/api/v1/`);
      const own = card(mount(`<memorial-test-card api-base="https://api.example.gov.cn/memorial"></memorial-test-card>`));
      expect(own.client?.baseUrl).to.equal('https://api.example.gov.cn/memorial/api/v1/');
      const root = mount(`<memorial-provider api-base="https://p.example.gov.cn"><memorial-test-card></memorial-test-card></memorial-provider>`);
      await providerIn(root).updateComplete;
      expect(card(root).client?.baseUrl).to.equal('https://p.example.gov.cn/api/v1/');
    } finally {
      meta.remove();
    }
    const none = card(mount(`<memorial-test-card martyr-id="x"></memorial-test-card>`));
    expect(none.client).to.equal(undefined);
    await settled(none);
    expect(none.loadState).to.equal('error');
    expect(shadowText(none)).to.contain('尚未设置数据服务地址');
  });

  it('shares one client per API address, and one request for identical concurrent loads', async () => {
    const root = mount(`
      <memorial-test-card api-base="${location.origin}"></memorial-test-card>
      <memorial-test-card api-base="${location.origin}/"></memorial-test-card>
      <memorial-test-card api-base="${location.origin}/api/v1"></memorial-test-card>`);
    expect(card(root, 0).client).to.not.equal(undefined);
    expect(card(root, 0).client).to.equal(card(root, 1).client);
    expect(card(root, 0).client).to.equal(card(root, 2).client);

    const client = sampleClient();
    const many = mount(
      `<memorial-provider>${`<memorial-test-card martyr-id="${SAMPLE_MARTYR.id}"></memorial-test-card>`.repeat(4)}</memorial-provider>`,
      (r) => {
        providerIn(r).client = client;
      },
    );
    for (let i = 0; i < 4; i++) await settled(card(many, i));
    expect(client.requests.map((u) => u.pathname)).to.deep.equal([`/api/v1/martyrs/${SAMPLE_MARTYR.id}`]);
  });

  it('loads a real record from the reference server', async () => {
    const page = await createMemorialClient({ baseUrl: location.origin }).martyrs.search({ limit: 1 }).firstPage();
    const first = page.items[0];
    expect(first, 'the test server is seeded').to.not.equal(undefined);
    const el = card(mount(`<memorial-test-card api-base="${location.origin}" martyr-id="${first?.id}"></memorial-test-card>`));
    await settled(el);
    expect(el.loadState).to.equal('loaded');
    expect(shadowText(el)).to.contain(first?.name ?? '?');
  });

  it('finds a provider that upgrades after its elements', async () => {
    const client = sampleClient();
    const root = mount(`<memorial-late-provider-test locale="en"><memorial-test-card martyr-id="${SAMPLE_MARTYR.id}"></memorial-test-card></memorial-late-provider-test>`);
    const el = card(root);
    await settled(el);
    expect(el.loadState, 'no provider yet: no API address').to.equal('error');
    (root.firstElementChild as MemorialProvider).client = client;
    customElements.define('memorial-late-provider-test', class extends MemorialProvider {});
    await until('the card to load through the late provider', () => el.loadState === 'loaded');
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Lay flowers');
    expect(client.requests.length).to.equal(1);
  });

  it('event classes are typed, bubbling and composed', () => {
    const tribute = new MemorialTributeEvent({ martyrId: 'a', kind: 'flower', counted: true, summary: { martyrId: 'a', day: '2025-04-04', today: { flower: 1, bow: 0, candle: 0, sweep: 0 }, total: { flower: 1, bow: 0, candle: 0, sweep: 0 } } });
    expect(tribute.type).to.equal('memorial-tribute');
    expect(tribute.bubbles && tribute.composed).to.equal(true);
    expect(tribute).to.be.instanceOf(CustomEvent);
    const click = new MemorialCampaignClickEvent({ campaignId: 'qingming-2026', url: 'https://www.chinamartyrs.gov.cn/' });
    expect(click.cancelable).to.equal(true);
  });

  it('uses no style attributes anywhere in its shadow DOM', async () => {
    const root = withProvider('elder-mode');
    const el = card(root);
    await settled(el);
    expect(el.shadowRoot?.querySelectorAll('[style]').length).to.equal(0);
    expect(el.hasAttribute('style')).to.equal(false);
  });
});

/// <reference types="mocha" />
/**
 * <memorial-campaign-banner>: the wording follows the day (issue 18) and between campaigns.
 *
 * Against the real reference servers: the main one (test/wtr/api-server.mjs, clock
 * BROWSER_TEST_CLOCK) for the campaigns by id, and a second one at BETWEEN_CAMPAIGNS_CLOCK
 * (2026-12-01, after 烈士纪念日, before 国家公祭日), proxied under /between, where
 * `campaigns/current` answers 404.
 */
import { expect } from '@esm-bundle/chai';
import '../../../src/elements/campaign-banner/define.js';
import type { MemorialCampaignBanner } from '../../../src/elements/campaign-banner/campaign-banner.js';
import { CAMPAIGN_CLOCK, CAMPAIGN_FALLBACK } from '../../../src/elements/campaign-banner/campaign-banner.examples.js';
import type { CalendarCampaign } from '../../../src/contract/campaign.js';
import type { Locale } from '../../../src/i18n/locale.js';
import { axeViolations, describeViolations } from '../fixtures/axe.js';
import { until } from '../fixtures/until.js';

const BETWEEN_BASE = `${location.origin}/between`;
const LOCALES: Locale[] = ['zh-Hans', 'zh-Hant', 'en'];
const MOURNING = {
  'zh-Hans': { label: '悼念死难同胞', cta: '参加网上公祭', never: ['缅怀英烈', '网上祭扫'] },
  'zh-Hant': { label: '悼念死難同胞', cta: '參加網上公祭', never: ['緬懷英烈', '網上祭掃', '缅怀英烈', '网上祭扫'] },
  en: { label: 'Mourning the victims', cta: 'Join the online memorial', never: ['Remembering the martyrs', 'Honouring the martyrs', 'Pay tribute online'] },
} as const;
const NEXT_LINE = {
  'zh-Hans': (title: string) => `下一个纪念活动：${title}（2026年12月13日起）`,
  'zh-Hant': (title: string) => `下一個紀念活動：${title}（2026年12月13日起）`,
  en: (title: string) => `Next: ${title}, from 13 December 2026`,
} as const;

const mounted: HTMLElement[] = [];
const part = (el: Element, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`) as HTMLElement | null;
const shadowText = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

let beacons: string[] = [];
const originalBeacon = Object.getOwnPropertyDescriptor(Navigator.prototype, 'sendBeacon');

/** A banner on `base`, with its events recorded, once it has settled. */
async function banner(attrs: string, opts: { base?: string; now?: string } = {}): Promise<{ el: MemorialCampaignBanner; events: string[] }> {
  const root = document.createElement('div');
  root.innerHTML = `<memorial-campaign-banner api-base="${opts.base ?? location.origin}" ${attrs}>${CAMPAIGN_FALLBACK}</memorial-campaign-banner>`;
  const el = root.firstElementChild as MemorialCampaignBanner;
  if (opts.now) el.now = new Date(opts.now);
  const events: string[] = [];
  for (const type of ['memorial-load', 'memorial-error', 'memorial-campaign-click']) el.addEventListener(type, () => events.push(type));
  document.body.append(root);
  mounted.push(root);
  await el.updateComplete;
  await until(`<memorial-campaign-banner ${attrs}> to load`, () => el.loadState !== 'loading');
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  return { el, events };
}

async function api(base: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}/api/v1/${path}`);
  return { status: res.status, body: await res.json() };
}

describe('<memorial-campaign-banner>: wording by kind, and between campaigns', () => {
  beforeEach(() => {
    beacons = [];
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      value: (url: string) => {
        beacons.push(String(url));
        return true;
      },
    });
    for (const key of Object.keys(localStorage)) if (key.startsWith('memorial-campaign-banner:')) localStorage.removeItem(key);
  });
  afterEach(() => {
    for (const root of mounted.splice(0)) root.remove();
    delete (navigator as unknown as Record<string, unknown>)['sendBeacon'];
    if (originalBeacon && !('sendBeacon' in navigator)) Object.defineProperty(Navigator.prototype, 'sendBeacon', originalBeacon);
  });

  describe('国家公祭日 mourns (tone="mourning")', () => {
    for (const locale of LOCALES) {
      it(`${locale}: 悼念死难同胞 and 参加网上公祭, never 缅怀英烈 nor 网上祭扫; axe clean`, async () => {
        const { body } = await api(location.origin, 'campaigns/memorial-day-2026');
        const campaign = body as CalendarCampaign;
        expect(campaign.kind).to.equal('memorial-day');
        const { el } = await banner(`campaign="memorial-day-2026" locale="${locale}"`, { now: CAMPAIGN_CLOCK.memorialDay });
        expect(el.loadState).to.equal('loaded');
        expect(el.getAttribute('phase')).to.equal('active');
        expect(el.getAttribute('tone')).to.equal('mourning');
        expect(part(el, 'label')?.textContent?.trim()).to.equal(MOURNING[locale].label);
        // the server's own label for the day is what shows
        expect(part(el, 'label')?.textContent?.trim()).to.equal(campaign.label?.[locale] ?? MOURNING[locale].label);
        expect(part(el, 'link')?.textContent).to.contain(MOURNING[locale].cta);
        const text = shadowText(el);
        for (const word of MOURNING[locale].never) expect(text, `no ${word}`).not.to.contain(word);
        const violations = await axeViolations(el);
        expect(violations, describeViolations(violations)).to.deep.equal([]);
      });
    }

    it('drops the accent colour: the rule above the banner is the muted text grey, not the honour red', async () => {
      const { el: mourning } = await banner('campaign="memorial-day-2026"', { now: CAMPAIGN_CLOCK.memorialDay });
      const { el: honour } = await banner('campaign="qingming-2026"', { now: CAMPAIGN_CLOCK.active });
      expect(honour.getAttribute('tone')).to.equal('honour');
      expect(part(honour, 'label')?.textContent?.trim()).to.equal('缅怀英烈');
      const rule = (el: MemorialCampaignBanner) => getComputedStyle(part(el, 'banner')!).borderBlockStartColor;
      const muted = getComputedStyle(part(mourning, 'dates')!).color;
      expect(rule(mourning)).to.equal(muted);
      expect(rule(honour)).not.to.equal(rule(mourning));
    });

    it('reflects each kind’s tone, and drops it when there is no campaign', async () => {
      const { el } = await banner('campaign="martyrs-day-2026"', { now: CAMPAIGN_CLOCK.martyrsDay });
      expect(el.getAttribute('tone')).to.equal('honour');
      expect(part(el, 'link')?.textContent).to.contain('前往网上祭扫');
      el.campaign = 'memorial-day-2026';
      el.now = new Date(CAMPAIGN_CLOCK.memorialDay);
      await until('memorial-day-2026 to load', () => el.data?.id === 'memorial-day-2026' && el.loadState === 'loaded');
      await el.updateComplete;
      expect(el.getAttribute('tone')).to.equal('mourning');
      el.campaign = null;
      await el.updateComplete;
      expect(el.hasAttribute('tone')).to.equal(false);
    });
  });

  describe('between campaigns (campaigns/current answers 404)', () => {
    let next: CalendarCampaign;
    before(async () => {
      const current = await api(BETWEEN_BASE, 'campaigns/current');
      expect(current.status, 'the between server has no campaign today').to.equal(404);
      const answer = await api(BETWEEN_BASE, 'campaigns/next');
      expect(answer.status).to.equal(200);
      next = answer.body as CalendarCampaign;
      // 2026-12-01: after 烈士纪念日, the next is 国家公祭日
      expect(next.id).to.equal('memorial-day-2026');
    });

    for (const locale of LOCALES) {
      it(`${locale}: between="next" (the default) shows one quiet line with the link, no error, no beacon; axe clean`, async () => {
        const { el, events } = await banner(`campaign="current" locale="${locale}"`, { base: BETWEEN_BASE });
        expect(el.getAttribute('between')).to.equal('next');
        expect(el.loadState).to.equal('loaded');
        expect(el.error).to.equal(undefined);
        expect(events).to.deep.equal(['memorial-load']);
        expect(el.data).to.equal(undefined);
        expect(el.next?.id).to.equal(next.id);
        const line = part(el, 'next');
        expect(line, 'the next line').to.not.equal(null);
        expect(line!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(NEXT_LINE[locale](next.title) + (locale === 'en' ? ' (opens in a new window)' : locale === 'zh-Hant' ? '（在新視窗開啟）' : '（在新窗口打开）'));
        const a = line!.querySelector('a')!;
        expect(a.href).to.equal(next.url);
        expect(a.target).to.equal('_blank');
        expect(part(el, 'banner'), 'no campaign box').to.equal(null);
        expect(part(el, 'fallback'), 'not the fallback').to.equal(null);
        expect(el.hasAttribute('phase')).to.equal(false);
        expect(el.hasAttribute('tone')).to.equal(false);
        expect(shadowText(el)).not.to.contain('缅怀英烈');
        const violations = await axeViolations(el);
        expect(violations, describeViolations(violations)).to.deep.equal([]);
        await new Promise((r) => setTimeout(r, 200));
        expect(beacons, 'the quiet line sends no impression').to.deep.equal([]);
      });
    }

    it('a click on the next line fires memorial-campaign-click and sends no click report', async () => {
      const { el, events } = await banner('campaign="current"', { base: BETWEEN_BASE });
      const stop = (e: Event) => e.preventDefault();
      window.addEventListener('click', stop, { once: true });
      part(el, 'next')!.querySelector('a')!.click();
      window.removeEventListener('click', stop);
      expect(events).to.deep.equal(['memorial-load', 'memorial-campaign-click']);
      await new Promise((r) => setTimeout(r, 100));
      expect(beacons).to.deep.equal([]);
    });

    it('between="hide" shows nothing and takes no space, never the error state', async () => {
      const { el, events } = await banner('campaign="current" between="hide"', { base: BETWEEN_BASE });
      expect(el.loadState).to.equal('empty');
      expect(el.error).to.equal(undefined);
      expect(events).to.deep.equal(['memorial-load']);
      expect(part(el, 'next')).to.equal(null);
      expect(part(el, 'fallback')).to.equal(null);
      expect(shadowText(el)).to.equal('');
      expect(el.getBoundingClientRect().height).to.equal(0);
      el.between = 'next';
      await el.updateComplete;
      expect(part(el, 'next')?.textContent).to.contain(next.title);
    });

    it('a campaign id that does not exist is still an error (the fallback), only current gets the next line', async () => {
      const { el, events } = await banner('campaign="qingming-1900"', { base: BETWEEN_BASE });
      expect(el.loadState).to.equal('error');
      expect(events).to.deep.equal(['memorial-error']);
      expect(part(el, 'next')).to.equal(null);
    });
  });
});

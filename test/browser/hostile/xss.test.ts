/// <reference types="mocha" />
/**
 * Hostile host 4: XSS payloads (xss-payloads.ts, 140+) in martyr fields (given as `.martyr`, and
 * imported through the roll import and loaded from the API), in messages (posted, approved with
 * the admin SDK, shown on the wall), in campaign titles and themes (created with the admin SDK,
 * shown by the banner) and in relative-search results and queries. The data lives on an
 * isolated reference server (xss-seed.ts via test/wtr/hostile-pages.mjs).
 *
 * Each channel renders on two host pages: one under the strict CSP and one with no policy at
 * all, where an injected payload would really run. None may run (the canary `__xss` is never
 * called), no markup from the data may appear in a shadow root (no script, no on* attribute, no
 * javascript: URL…), and the text must be shown exactly as stored: data is sacred.
 */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Martyr } from '../../../src/contract/martyr.js';
import { MessageInput } from '../../../src/contract/message.js';
import * as z from 'zod/mini';
import { TAGS, openHostPage, part, parts, settled, shadowElements, topExecuted, until, type HostPage, type MemorialHost } from './host-frame.js';
import { XSS_PAYLOADS, XSS_UNIT, payloadCampaign, payloadRecord, payloadSignature, type XssPayload, type XssSetup } from './xss-payloads.js';

/** Elements that must never come from data. `svg`/`path` do appear: the elements' own icons. */
const FORBIDDEN_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'math', 'template',
  'xmp', 'plaintext', 'noscript', 'marquee', 'isindex', 'foreignobject', 'animate', 'set', 'use', 'image', 'body', 'title',
]);
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'poster', 'data', 'background', 'srcset']);
const DANGEROUS_URL = /^(javascript|vbscript|data):/i;
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URLS = /[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Markup in a shadow tree that can only have come from the data. */
function injected(host: Element): string[] {
  const found: string[] = [];
  for (const el of shadowElements(host)) {
    if (FORBIDDEN_TAGS.has(el.localName)) found.push(`<${el.localName}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc') found.push(`<${el.localName} ${name}>`);
      if (URL_ATTRIBUTES.has(name) && DANGEROUS_URL.test(attr.value.replace(IGNORED_IN_URLS, ''))) found.push(`<${el.localName} ${name}="${attr.value}">`);
    }
  }
  return found;
}

interface Page {
  name: string;
  file: string;
  /** Query parameters of the page: `csp: 'none'` has it served without any policy. */
  params?: Record<string, string>;
  host?: HostPage;
  scripts?: number;
}
const PAGE_SETUPS: Page[] = [
  { name: 'under the strict CSP', file: 'xss.html' },
  { name: 'with no CSP at all', file: 'xss.html', params: { csp: 'none' } },
];

let setup: XssSetup;
const byId = new Map(XSS_PAYLOADS.map((p) => [p.id, p]));

before(async function () {
  this.timeout(180_000);
  const result = await executeServerCommand<XssSetup, undefined>('hostile-xss-setup');
  if (!result) throw new Error('the hostile-pages plugin is not installed (web-test-runner.config.mjs)');
  setup = result;
  await Promise.all(
    PAGE_SETUPS.map(async (page) => {
      const host = await openHostPage(page.file, page.params, { width: 800, height: 900 });
      await until(`${page.file} to define every element`, () => TAGS.every((t) => host.win.customElements.get(t)), 15_000);
      page.host = host;
      page.scripts = host.doc.querySelectorAll('script').length;
    }),
  );
});

after(() => {
  for (const page of PAGE_SETUPS) page.host?.remove();
});

describe('hostile host: XSS payloads', () => {
  it(`are at least 100, all distinct, and all valid free text for the contract (${XSS_PAYLOADS.length})`, () => {
    expect(XSS_PAYLOADS.length).to.be.at.least(100);
    expect(new Set(XSS_PAYLOADS.map((p) => p.text)).size).to.equal(XSS_PAYLOADS.length);
    for (const p of XSS_PAYLOADS) expect(z.safeParse(MessageInput, { text: p.text }).success, `payload ${p.id}`).to.equal(true);
    expect(Object.keys(setup.martyrs).length, 'every payload imported as a martyr').to.equal(XSS_PAYLOADS.length);
    expect(setup.walls.flatMap((w) => w.payloadIds).length, 'every payload approved as a message').to.equal(XSS_PAYLOADS.length);
    expect(Object.keys(setup.campaigns).length, 'a campaign for every payload that fits a title').to.be.at.least(100);
  });

  it('control: the canary is live, and the strict page blocks and reports an inline script', async () => {
    const open = await openHostPage('xss.html', { csp: 'none' });
    const strict = await openHostPage('xss.html');
    try {
      for (const page of [open, strict]) {
        const img = page.doc.createElement('img');
        img.setAttribute('onerror', "__xss('control')");
        img.src = 'data:,not-an-image';
        page.doc.body.append(img);
        const script = page.doc.createElement('script');
        script.textContent = "__xss('control-script')";
        page.doc.body.append(script);
      }
      await until('the handler to run on the page without a policy', () => open.log.executed.length === 2);
      expect(open.log.executed.sort()).to.deep.equal(['control', 'control-script']);
      await until('the strict page to report the violations', () => strict.log.violations.length >= 2);
      expect(strict.log.executed).to.deep.equal([]);
    } finally {
      open.remove();
      strict.remove();
    }
  });

  for (const page of PAGE_SETUPS) {
    describe(page.name, function () {
      this.timeout(40_000);
      const doc = () => page.host!.doc;

      /** Creates elements from `markup` (tags and plain attributes only) inside the page's main. */
      function mount<E extends HTMLElement = MemorialHost>(tag: string, attrs: Record<string, string>, setupEl?: (el: E) => void): E {
        const el = doc().createElement(tag) as E;
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        setupEl?.(el);
        doc().querySelector('main')!.append(el);
        return el;
      }

      /** The verdict for everything on the page now: nothing injected, nothing ran, nothing tried. */
      async function expectNothingRan(): Promise<void> {
        const host = page.host!;
        // an injected img would fire onerror only once its request failed: give it that long
        await new Promise((r) => setTimeout(r, 150));
        const findings = [...host.doc.querySelectorAll('main > *')].flatMap((el) => injected(el).map((f) => `${el.localName}#${el.id}: ${f}`));
        expect(findings, 'no markup from the data in any shadow root').to.deep.equal([]);
        expect(host.log.executed, 'no payload ran on the host page').to.deep.equal([]);
        expect(topExecuted, 'no payload reached the test page').to.deep.equal([]);
        expect(host.log.violations, 'no payload even tried to run').to.deep.equal([]);
        expect(host.log.errors).to.deep.equal([]);
        expect(host.log.rejections).to.deep.equal([]);
        expect(host.log.memorialErrors).to.deep.equal([]);
        expect(host.doc.querySelectorAll('script').length, 'no script added to the page').to.equal(page.scripts);
      }

      afterEach(() => {
        for (const el of page.host!.doc.querySelectorAll('main > *')) el.remove();
      });

      it('martyr cards given as .martyr: every field shows the payload as text', async () => {
        const cards = XSS_PAYLOADS.map((p) => mount('memorial-martyr-card', { id: `given-${p.id}`, 'relative-search-href': '/search?martyr={id}' }, (el) => ((el as unknown as { martyr: Martyr }).martyr = givenMartyr(p))));
        for (const card of cards) await settled(card);
        XSS_PAYLOADS.forEach((p, i) => {
          const card = cards[i]!;
          expectCard(card, givenMartyr(p), `payload ${p.id}`);
          expect(part(card, 'seeking-link')?.getAttribute('href'), `payload ${p.id} id in the link`).to.equal(`/search?martyr=${encodeURIComponent(p.text)}`);
          // Chromium refuses URLs holding both a newline and "<" (dangling-markup defence): the card then shows its placeholder
          const photo = part(card, 'photo');
          if (photo) expect(photo.getAttribute('src'), `payload ${p.id} photo URL`).to.equal(givenMartyr(p).photoUrl);
          else expect(part(card, 'photo-placeholder'), `payload ${p.id} photo placeholder`).to.not.equal(null);
        });
        await expectNothingRan();
      });

      it('martyr cards loaded from the API (imported through the roll import): every field shows the payload as text', async () => {
        const cards = XSS_PAYLOADS.map((p) => mount('memorial-martyr-card', { id: `api-${p.id}`, 'api-base': setup.baseUrl, 'martyr-id': setup.martyrs[p.id]! }));
        for (const card of cards) await settled(card, 20_000);
        XSS_PAYLOADS.forEach((p, i) => {
          expect(cards[i]!.loadState, `payload ${p.id}`).to.equal('loaded');
          expectCard(cards[i]!, payloadRecord(p), `payload ${p.id}`);
        });
        await expectNothingRan();
      });

      it('message walls: every approved payload message shows as text, signatures too', async () => {
        const walls = setup.walls.map((w, i) => mount('memorial-message-wall', { id: `wall-${i}`, 'api-base': setup.baseUrl, 'martyr-id': w.martyrId, 'page-size': '100' }));
        for (const wall of walls) await settled(wall, 20_000);
        setup.walls.forEach((w, i) => {
          const wall = walls[i]!;
          const payloads = w.payloadIds.map((id) => byId.get(id)!);
          const items = parts(wall, 'message');
          expect(items.length, `wall ${i} lists every message`).to.equal(payloads.length);
          const byText = new Map(items.map((li) => [li.querySelector('[part~="message-text"]')?.textContent, li.querySelector('[part~="message-signature"]')?.textContent]));
          for (const p of payloads) {
            expect(byText.has(p.text), `payload ${p.id} shown exactly`).to.equal(true);
            const signature = payloadSignature(p);
            if (signature) expect(byText.get(p.text), `payload ${p.id} signature`).to.equal(signature);
          }
        });
        await expectNothingRan();
      });

      it('campaign banners: every payload title (and theme) shows as text', async () => {
        const ids = XSS_PAYLOADS.filter((p) => setup.campaigns[p.id]);
        const banners = ids.map((p) => mount('memorial-campaign-banner', { id: `banner-${p.id}`, 'api-base': setup.baseUrl, campaign: setup.campaigns[p.id]!, 'no-beacon': '' }));
        for (const banner of banners) await settled(banner, 20_000);
        ids.forEach((p, i) => {
          const banner = banners[i]!;
          const campaign = payloadCampaign(p, '', '')!;
          expect(banner.loadState, `payload ${p.id}`).to.equal('loaded');
          expect(part(banner, 'title')?.textContent, `payload ${p.id} title`).to.equal(campaign.title);
          if (campaign.theme) expect(part(banner, 'theme')?.textContent, `payload ${p.id} theme`).to.equal(campaign.theme);
          expect(part(banner, 'link')?.getAttribute('href')).to.equal(campaign.url);
        });
        await expectNothingRan();
      });

      it('relative search: every payload name in the results shows as text', async () => {
        const search = mount<MemorialHost & { criteria: { unit: string }; search(): boolean; results: readonly unknown[] }>('memorial-relative-search', {
          id: 'search',
          'api-base': setup.baseUrl,
          'page-size': '100',
        });
        await search.updateComplete;
        search.criteria = { unit: XSS_UNIT };
        expect(search.search()).to.equal(true);
        await settled(search, 20_000);
        for (let more = part<HTMLButtonElement>(search, 'load-more-button'); more; more = part<HTMLButtonElement>(search, 'load-more-button')) {
          const before = parts(search, 'result').length;
          more.click();
          await until('the next page', () => parts(search, 'result').length > before || !part(search, 'load-more-button'), 20_000);
        }
        const names = parts(search, 'result-name').map((n) => n.textContent);
        expect(names.slice().sort()).to.deep.equal(XSS_PAYLOADS.map((p) => payloadRecord(p).name).sort());
        await expectNothingRan();
      });

      it('relative search: a payload as the query (q, as a page fills it from its URL) stays text', async () => {
        const search = mount('memorial-relative-search', { id: 'query', 'api-base': setup.baseUrl });
        const samples = [...new Map(XSS_PAYLOADS.filter((p) => [...p.text].length <= 64).map((p) => [p.category, p])).values()];
        for (const p of samples) {
          search.setAttribute('q', p.text);
          await until(`the search for payload ${p.id}`, () => search.loadState === 'loaded' || search.loadState === 'empty' || search.loadState === 'error', 20_000);
          await search.updateComplete;
          expect(search.shadowRoot!.querySelector<HTMLInputElement>('#name')?.value, `payload ${p.id} in the field`).to.equal(p.text);
          expect(injected(search), `payload ${p.id}`).to.deep.equal([]);
        }
        expect(samples.length).to.be.at.least(10);
        await expectNothingRan();
      });
    });
  }
});

/** A record with the payload in every text field, given straight to the card (no contract check on this path). */
function givenMartyr(p: XssPayload): Martyr {
  const t = p.text;
  return {
    id: t,
    name: t,
    sex: 'female',
    ethnicity: t,
    nativePlace: { text: t, code: null },
    birthDate: '1920',
    enlistmentDate: '1938',
    unit: t,
    post: t,
    deathDate: '1950',
    deathPlace: t,
    period: 'liberation-war',
    burial: { cemetery: t, section: null, row: null, number: null },
    photoUrl: `/test/browser/hostile/pages/photo.svg#${t}`,
    biography: t,
    approval: { authority: t, date: '1951' },
    seekingRelatives: true,
    sample: true,
    updatedAt: '2026-04-04T00:00:00+08:00',
  };
}

type CardFields = Pick<Martyr, 'name' | 'ethnicity' | 'nativePlace' | 'unit' | 'post' | 'deathPlace' | 'burial' | 'biography' | 'approval'>;

/** The card shows each field exactly as stored (zh-Hans page: the approval year reads "1951年"). */
function expectCard(card: Element, m: CardFields, what: string): void {
  const field = (name: string) => card.shadowRoot?.querySelector(`[part~="field"][data-field="${name}"] dd`)?.textContent ?? null;
  expect(part(card, 'name')?.textContent, `${what}: name`).to.equal(m.name);
  expect(field('ethnicity'), `${what}: ethnicity`).to.equal(m.ethnicity);
  expect(field('native-place'), `${what}: native place`).to.equal(m.nativePlace?.text ?? null);
  expect(field('unit'), `${what}: unit and post`).to.equal([m.unit, m.post].filter((v) => v !== null).join(' ') || null);
  expect(field('death-place'), `${what}: place of death`).to.equal(m.deathPlace);
  expect(field('cemetery'), `${what}: cemetery`).to.equal(m.burial?.cemetery ?? null);
  expect(field('approval'), `${what}: approval`).to.equal(m.approval ? `${m.approval.authority} 1951年` : null);
  expect(card.shadowRoot?.querySelector('.biography-text')?.textContent, `${what}: biography`).to.equal(m.biography);
}

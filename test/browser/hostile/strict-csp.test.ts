/// <reference types="mocha" />
/**
 * Hostile host 1: a page served with `Content-Security-Policy: script-src 'self'; style-src
 * 'self'; object-src 'none'` (no inline script or style, no eval) that loads the CDN file.
 * Every element must render with its styles and work against the real reference server, inside
 * a provider and on its own, and the page must see no violation and no error.
 */
import { expect } from '@esm-bundle/chai';
import type { Martyr } from '../../../src/contract/martyr.js';
import type { TributeSummary } from '../../../src/contract/tribute.js';
import { createMemorialClient } from '../../../src/sdk/index.js';
import { VISITOR_ID_KEY, newVisitorId } from '../../../src/elements/tribute-button/visitor-id.js';
import { CDN, ENGINE, PAGES, TAGS, openHostPage, part, parts, settled, shadowElements, squash, until, type HostPage, type MemorialHost } from './host-frame.js';

const STRICT_CSP = "script-src 'self'; style-src 'self'; object-src 'none'";
/** This engine's own martyr: no other test offers tributes to it or writes on its wall. */
const MARTYR_ID = `sample-028${ENGINE}`;

let host: HostPage;
let record: Martyr;
const byId = (id: string) => host.doc.getElementById(id) as MemorialHost;

before(async function () {
  this.timeout(30_000);
  const head = await fetch(CDN, { method: 'HEAD' });
  if (!head.ok) throw new Error(`${CDN} is missing: run \`npm run build\` first`);
  // A new visitor, so this engine's first tribute of each kind today is counted.
  localStorage.setItem(VISITOR_ID_KEY, newVisitorId());
  record = await createMemorialClient({ baseUrl: location.origin }).martyrs.get(MARTYR_ID);
  host = await openHostPage('elements.html', { martyr: MARTYR_ID, q: record.name });
  for (const el of host.doc.querySelectorAll<MemorialHost>('main [id]')) {
    if (el.localName !== 'memorial-provider' && 'loadState' in el) await settled(el, 15_000);
  }
});

after(() => host?.remove());

describe('hostile host: strict CSP', function () {
  this.timeout(20_000);

  it('serves the host page with the strict policy, and the page has no inline script or style', async () => {
    const response = await fetch(`${PAGES}elements.html`);
    expect(response.headers.get('content-security-policy')).to.equal(STRICT_CSP);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).to.be.greaterThan(0);
    for (const tag of scripts) expect(tag, 'every script is external').to.match(/\ssrc=/);
    expect(html).not.to.match(/<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it('defines every element, each styled through adopted stylesheets (no <style> in a shadow root)', () => {
    for (const tag of TAGS) expect(host.win.customElements.get(tag), tag).to.not.equal(undefined);
    const elements = [...host.doc.querySelectorAll('main *')].filter((el) => el.localName.startsWith('memorial-'));
    expect(elements.length, "a provider and eleven elements").to.equal(12);
    for (const el of elements) {
      expect(el.shadowRoot, `${el.id} has an open shadow root`).to.not.equal(null);
      expect(el.shadowRoot!.adoptedStyleSheets.length, `${el.id} adopted its styles`).to.be.greaterThan(0);
      expect(el.shadowRoot!.querySelectorAll('style, link').length, `${el.id} has no <style>`).to.equal(0);
    }
    // the styles took effect: the tribute button is at least the 44px target
    const button = part(byId('p-tribute'), 'button')!;
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('renders every element with real data, inside a provider and on its own', () => {
    for (const id of ['p-card', 'p-card-compact', 'o-card']) {
      expect(byId(id).loadState, id).to.equal('loaded');
      expect(part(byId(id), 'name')?.textContent, `${id} shows the name`).to.equal(record.name);
    }
    for (const id of ['p-tribute', 'o-tribute']) {
      expect(byId(id).loadState, id).to.equal('loaded');
      expect(squash(part(byId(id), 'count')?.textContent), `${id} shows a count`).to.match(/\d/);
    }
    for (const id of ['p-wall', 'o-wall']) {
      expect(['loaded', 'empty'], id).to.include(byId(id).loadState);
      expect(part(byId(id), 'textarea'), `${id} offers the form`).to.not.equal(null);
    }
    for (const id of ['p-banner', 'o-banner']) {
      const banner = byId(id);
      expect(banner.loadState, id).to.equal('loaded');
      expect(part(banner, 'link')?.getAttribute('href'), `${id} links to the column`).to.match(/^https:\/\//);
    }
    for (const id of ['p-search', 'o-search']) {
      expect(byId(id).loadState, id).to.equal('loaded');
      expect(parts(byId(id), 'result-name').map((n) => n.textContent), `${id} finds the martyr by name`).to.include(record.name);
    }
  });

  it('offers a tribute from each tribute button: the live count rises by one (real POST)', async () => {
    for (const [id, kind] of [['p-tribute', 'candle'], ['o-tribute', 'bow']] as const) {
      const el = byId(id) as MemorialHost & { summary?: TributeSummary };
      const before = el.summary!.total[kind];
      const tributes: CustomEvent[] = [];
      host.doc.addEventListener('memorial-tribute', (e) => tributes.push(e as CustomEvent), { once: true });
      part<HTMLButtonElement>(el, 'button')!.click();
      await until(`${id}'s tribute to be acknowledged`, () => tributes.length > 0);
      expect(tributes[0]!.detail).to.include({ martyrId: MARTYR_ID, kind, counted: true });
      expect(el.summary!.total[kind], `${id} count`).to.equal(before + 1);
      await el.updateComplete;
      expect(squash(part(el, 'count')?.textContent).replace(/[\s,，]/g, ''), `${id} shows the new count`).to.contain(String(before + 1));
      expect(part(el, 'button')!.getAttribute('aria-pressed')).to.equal('true');
    }
  });

  it('takes a message: the reader gets the pending receipt', async () => {
    const wall = byId('p-wall');
    const submits: CustomEvent[] = [];
    host.doc.addEventListener('memorial-message-submit', (e) => submits.push(e as CustomEvent), { once: true });
    const textarea = part<HTMLTextAreaElement>(wall, 'textarea')!;
    textarea.value = `严格内容安全策略下的寄语 ${Date.now().toString(36)}`;
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
    await wall.updateComplete;
    part<HTMLButtonElement>(wall, 'submit-button')!.click();
    await until('the receipt', () => submits.length > 0 && part(wall, 'form-status'));
    expect(submits[0]!.detail.martyrId).to.equal(MARTYR_ID);
    expect(submits[0]!.detail.receipt.status).to.equal('pending');
    expect(squash(part(wall, 'form-status')?.textContent)).to.equal('感谢您的寄语。寄语已提交，经审核通过后将公开显示。');
  });

  it('the banner’s own CDN file works under the same policy', async () => {
    const page = await openHostPage('banner-only.html');
    try {
      const banner = await until('the banner to be defined', () => page.win.customElements.get('memorial-campaign-banner') && (page.doc.getElementById('banner') as MemorialHost));
      await settled(banner);
      expect(banner.loadState).to.equal('loaded');
      expect(part(banner, 'link')?.getAttribute('href')).to.match(/^https:\/\//);
      await new Promise((r) => setTimeout(r, 100));
      expect(page.log.violations).to.deep.equal([]);
      expect(page.log.errors).to.deep.equal([]);
      expect(page.log.rejections).to.deep.equal([]);
      expect(page.log.memorialErrors).to.deep.equal([]);
    } finally {
      page.remove();
    }
  });

  it('the host page saw no CSP violation, no error, no unhandled rejection and no memorial-error', async () => {
    // violations are reported asynchronously: give any late one a moment to arrive
    await new Promise((r) => setTimeout(r, 100));
    expect(host.log.violations).to.deep.equal([]);
    expect(host.log.errors).to.deep.equal([]);
    expect(host.log.rejections).to.deep.equal([]);
    expect(host.log.memorialErrors).to.deep.equal([]);
    expect(shadowElements(byId('p-card')).length).to.be.greaterThan(0);
  });
});

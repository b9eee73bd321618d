/// <reference types="mocha" />
/**
 * demo/cdn-only.html is the "no build step" path: a plain page whose only script is the
 * self-contained CDN file. Loaded in a same-origin iframe against the real reference server,
 * every element on it must define itself and show real data, and the page must fetch nothing
 * but that file and the API.
 */
import { expect } from '@esm-bundle/chai';
import { until } from '../fixtures/until.js';

const PAGE = '/demo/cdn-only.html';
const CDN = '/dist/cdn/memorial-elements.min.js';
const DEV_SERVER = '/__web-dev-server';
const TAGS = [
  'memorial-campaign-banner',
  'memorial-martyr-card',
  'memorial-tribute-button',
  'memorial-message-wall',
  'memorial-relative-search',
];

let frame: HTMLIFrameElement;
let win: Window & typeof globalThis;
const pageErrors: string[] = [];

const shadowText = (el: Element | null) => el?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

before(async () => {
  const head = await fetch(CDN, { method: 'HEAD' });
  if (!head.ok) throw new Error(`${CDN} is missing: run \`npm run build\` first`);
  frame = document.createElement('iframe');
  frame.title = 'CDN-only page';
  frame.width = '1000';
  frame.height = '800';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = PAGE;
  document.body.append(frame);
  await loaded;
  win = frame.contentWindow as Window & typeof globalThis;
  win.addEventListener('error', (e) => pageErrors.push(String(e.message)));
  win.addEventListener('unhandledrejection', (e) => pageErrors.push(String(e.reason)));
  await until('the CDN file to define every element', () => TAGS.every((t) => win.customElements.get(t)));
});

after(() => frame?.remove());

describe('CDN-only page (demo/cdn-only.html)', () => {
  it('has no script but the CDN file and no build-step artefacts', async () => {
    const html = await (await fetch(PAGE)).text();
    // The test runner's dev server injects its own web-socket script into every HTML page it serves.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((s) => !s.includes(DEV_SERVER));
    expect(scripts).to.deep.equal([`<script type="module" src="${CDN}">`]);
    expect(html).not.to.match(/<link\b|<style\b|\bstyle=/, 'no stylesheet of its own');
  });

  it('shows the martyr from the real API', async () => {
    const record = await (await fetch('/api/v1/martyrs/sample-0001')).json();
    const card = win.document.querySelector('memorial-martyr-card');
    await until('the card to show the name', () => shadowText(card).includes(record.name));
    expect(shadowText(card)).to.contain(record.name);
  });

  it('offers a tribute and shows the new count', async function () {
    // minting a signed visitor, then the offer: two round trips that a loaded CI machine can stretch
    this.timeout(30_000);
    const button = win.document.querySelector('memorial-tribute-button[kind="flower"]') as HTMLElement;
    const inner = await until('the tribute button', () => button.shadowRoot?.querySelector('button'));
    await until('the button to be ready', () => !inner.disabled && !inner.matches('[aria-busy="true"]'));
    const tributes = new Promise<CustomEvent>((resolve) => button.addEventListener('memorial-tribute', (e) => resolve(e as CustomEvent), { once: true }));
    inner.click();
    const event = await tributes;
    expect(event.detail.martyrId).to.equal('sample-0001');
    expect(event.detail.kind).to.equal('flower');
    const total: number = event.detail.summary.total.flower;
    expect(total).to.be.greaterThan(0);
    const countPart = () => button.shadowRoot?.querySelector('[part~="count"]')?.textContent ?? '';
    await until(`the count ${total} to show`, () => countPart().replace(/[,\s]/g, '').includes(String(total)));
  });

  it('renders the message wall, the relative search and the banner', async () => {
    const wall = win.document.querySelector('memorial-message-wall');
    await until('the wall form', () => wall?.shadowRoot?.querySelector('textarea'));
    const search = win.document.querySelector('memorial-relative-search');
    await until('the search field', () => search?.shadowRoot?.querySelector('input'));
    const banner = win.document.querySelector('memorial-campaign-banner') as HTMLElement;
    // Inside its window the banner shows its own link; outside it, the light-DOM fallback stays.
    await until('the banner to settle', () => banner.shadowRoot?.querySelector('a') || banner.querySelector('a'));
    const link = banner.shadowRoot?.querySelector('a') ?? banner.querySelector('a');
    expect(link?.getAttribute('href')).to.match(/^https:\/\//);
  });

  it('fetched nothing but the CDN file and the API, and threw nothing', () => {
    const urls = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    const other = urls.filter((p) => p !== CDN && !p.startsWith('/api/') && !p.startsWith(DEV_SERVER));
    expect(other, 'requests besides the CDN file and the API').to.deep.equal([]);
    expect(pageErrors).to.deep.equal([]);
  });
});

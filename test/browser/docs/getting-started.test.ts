/// <reference types="mocha" />
/**
 * The getting-started page works as written (issue 8, must hold): each tested ```html snippet of
 * docs/getting-started.md becomes a same-origin page (an iframe's srcdoc) exactly as written,
 * with only `npm start`'s default address swapped for this test server's origin. The CDN file
 * must define the element, and the element must show the real record from the reference server.
 */
import { expect } from '@esm-bundle/chai';
import { testedSnippets } from '../../../scripts/docs/snippets.js';
import { until } from '../fixtures/until.js';

const PAGE = '/docs/getting-started.md';
const DEFAULT_URL = 'http://127.0.0.1:8787';

type LoadState = 'idle' | 'loading' | 'loaded' | 'empty' | 'error';
interface Stateful extends HTMLElement {
  readonly loadState: LoadState;
}

const shadowText = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('docs/getting-started.md: one script tag and one element', () => {
  let snippets: ReturnType<typeof testedSnippets> = [];
  const frames: HTMLIFrameElement[] = [];

  before(async () => {
    const res = await fetch(PAGE);
    expect(res.ok, `${PAGE} is served`).to.equal(true);
    snippets = testedSnippets(await res.text()).filter((s) => s.lang === 'html');
    const cdn = await fetch('/dist/cdn/memorial-elements.min.js', { method: 'HEAD' });
    if (!cdn.ok) throw new Error('/dist/cdn/memorial-elements.min.js is missing: run `npm run build` first');
  });

  after(() => {
    for (const f of frames) f.remove();
  });

  it('marks at least one html snippet as tested, each with one script tag, using the documented default address', () => {
    expect(snippets.length, 'tested html snippets on the page').to.be.greaterThan(0);
    for (const s of snippets) {
      expect(s.code, `snippet at line ${s.line}`).to.include(DEFAULT_URL);
      expect(s.code.match(/<script\b/g) ?? [], `snippet at line ${s.line}: script tags`).to.have.length(1);
    }
  });

  it('each snippet, as written, defines its elements and shows real data from the reference server', async function () {
    this.timeout(30_000);
    for (const s of snippets) {
      const frame = document.createElement('iframe');
      frame.title = `getting-started snippet at line ${s.line}`;
      frame.width = '900';
      frame.height = '700';
      frames.push(frame);
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.srcdoc = s.code.replaceAll(DEFAULT_URL, location.origin);
      document.body.append(frame);
      await loaded;
      const doc = frame.contentDocument as Document;
      const win = frame.contentWindow as Window & typeof globalThis;
      const elements = [...doc.querySelectorAll('*')].filter((el) => el.localName.startsWith('memorial-'));
      expect(elements.length, `snippet at line ${s.line} has an element`).to.be.greaterThan(0);
      for (const el of elements) {
        await until(`<${el.localName}> to be defined`, () => win.customElements.get(el.localName));
        const state = await until(`<${el.localName}> to finish loading`, () => {
          const st = (el as Stateful).loadState;
          return st !== 'loading' && st;
        });
        expect(state, `<${el.localName}> at line ${s.line}`).to.equal('loaded');
      }
      for (const card of doc.querySelectorAll('memorial-martyr-card')) {
        const id = card.getAttribute('martyr-id');
        const record = (await (await fetch(`/api/v1/martyrs/${encodeURIComponent(id ?? '')}`)).json()) as { name: string; sample: boolean };
        expect(shadowText(card), 'the card shows the record’s name').to.include(record.name);
        expect(record.sample, 'the page promises a sample martyr').to.equal(true);
        // The light-DOM fallback (the snippet's link) takes no room once the record is shown.
        for (const child of card.children) expect(child.getBoundingClientRect().height, 'fallback height once loaded').to.equal(0);
      }
    }
  });
});


/// <reference types="mocha" />
/**
 * The CSP allowlist of docs/cms-embedding.md is enough, and its entries are needed: the tested
 * ```html page (with a `<meta http-equiv="Content-Security-Policy">`) is loaded as written into
 * a same-origin iframe, with only the documented server address swapped for this test server's
 * origin. Its elements must show real data with no policy violation; without the `connect-src`
 * entry the data must be blocked, and without the `script-src` entry the script.
 */
import { expect } from '@esm-bundle/chai';
import { testedSnippets } from '../../../scripts/docs/snippets.js';
import { until } from '../fixtures/until.js';

const PAGE = '/docs/cms-embedding.md';
const SERVER = 'https://memorial.example.gov.cn';

interface Stateful extends HTMLElement {
  readonly loadState: 'idle' | 'loading' | 'loaded' | 'empty' | 'error';
}

interface Loaded {
  doc: Document;
  win: Window & typeof globalThis;
  violations: string[];
}

const frames: HTMLIFrameElement[] = [];

async function load(html: string): Promise<Loaded> {
  const frame = document.createElement('iframe');
  frame.title = 'CSP test page';
  frame.width = '900';
  frame.height = '600';
  frames.push(frame);
  const violations: string[] = [];
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument as Document;
  // Violations during parsing happen before we can listen; the module script and the API calls come later.
  doc.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  return { doc, win, violations };
}

/** The page's policy with one directive dropped. */
function withoutDirective(html: string, directive: string): string {
  const out = html.replace(new RegExp(`${directive} [^;"]*;?\\s*`), '');
  expect(out, `the policy has a ${directive}`).to.not.equal(html);
  return out;
}

describe('docs/cms-embedding.md: the Content-Security-Policy allowlist', function () {
  this.timeout(30_000);
  let page = '';

  before(async () => {
    const res = await fetch(PAGE);
    expect(res.ok, `${PAGE} is served`).to.equal(true);
    const html = testedSnippets(await res.text()).filter((s) => s.lang === 'html');
    expect(html.length, 'tested html snippets on the page').to.be.greaterThan(0);
    const snippet = html.find((s) => s.code.includes('Content-Security-Policy'));
    if (!snippet) throw new Error('no tested html snippet carries a Content-Security-Policy');
    expect(snippet.code).to.include(SERVER);
    page = snippet.code.replaceAll(SERVER, location.origin);
  });

  after(() => {
    for (const f of frames) f.remove();
  });

  it('is enough: every element on the page defines itself and shows real data, with no violation', async () => {
    const { doc, win, violations } = await load(page);
    const elements = [...doc.querySelectorAll('*')].filter((el): el is Stateful => el.localName.startsWith('memorial-'));
    expect(elements.length).to.be.greaterThan(0);
    for (const el of elements) {
      await until(`<${el.localName}> to be defined`, () => win.customElements.get(el.localName));
      await until(`<${el.localName}> to finish loading`, () => el.loadState !== 'loading' && el.loadState !== 'idle');
      expect(el.loadState, `<${el.localName}>`).to.equal('loaded');
    }
    const record = (await (await fetch('/api/v1/martyrs/sample-0001')).json()) as { name: string };
    expect(doc.querySelector('memorial-martyr-card')?.shadowRoot?.textContent).to.include(record.name);
    expect(violations).to.deep.equal([]);
  });

  it('needs its connect-src entry: without it the API calls are blocked', async () => {
    const { doc, win, violations } = await load(withoutDirective(page, 'connect-src'));
    const card = doc.querySelector('memorial-martyr-card') as Stateful;
    await until('the card to be defined', () => win.customElements.get('memorial-martyr-card'));
    await until('the card to give up', () => card.loadState === 'error');
    expect(violations.some((v) => v.startsWith('connect-src')), violations.join(', ')).to.equal(true);
  });

  it('needs its script-src entry: without it the element script never runs and the fallback stays', async () => {
    const { doc, win } = await load(withoutDirective(page, 'script-src'));
    // A document's load event waits for its module scripts, so had it been allowed it would have run by now.
    expect(win.customElements.get('memorial-martyr-card')).to.equal(undefined);
    const link = doc.querySelector('memorial-martyr-card a') as HTMLAnchorElement;
    expect(link.getBoundingClientRect().height).to.be.greaterThan(0);
  });
});

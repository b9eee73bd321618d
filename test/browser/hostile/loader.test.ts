/// <reference types="mocha" />
/**
 * The documented snippet is the on-demand loader (dist/cdn/memorial-loader.js, issue 15): on a
 * page served with the strict CSP and carrying the snippet twice, it must load only the modules
 * of the tags on the page (each chunk once, relative to its own URL), load an element added
 * later, leave the API-down fallback showing, and never throw. The bytes of script the page
 * actually fetched are counted (gzip -9 of each fetched file as built, by a server command:
 * the dev server serves its own unminified transform) and printed; the loader itself must stay within its 2 KB budget.
 */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { openHostPage, settled, until, type HostPage, type MemorialHost } from './host-frame.js';

const LOADER = '/dist/cdn/memorial-loader.js';
const KB = 1024;

let host: HostPage;
/** The scripts of the banner page before anything is added to it. */
let bannerPage: string[] = [];

/** The script URLs the host page has fetched so far (module scripts and their imports). */
const scripts = () =>
  host.win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name))
    .filter((u) => u.pathname.startsWith('/dist/cdn/') && u.pathname.endsWith('.js'))
    .map((u) => u.pathname + u.search);

/** gzip -9 bytes of each file as built (the dev server serves its own transform of them). */
const shippedGzip = (paths: string[]) => executeServerCommand<number[], { paths: string[] }>('shipped-gzip-size', { paths });

before(async function () {
  this.timeout(30_000);
  const head = await fetch(LOADER, { method: 'HEAD' });
  if (!head.ok) throw new Error(`${LOADER} is missing: run \`npx rollup -c\` first`);
  host = await openHostPage('loader.html');
  await settled(host.doc.getElementById('banner') as MemorialHost, 15_000);
  bannerPage = scripts().filter((s) => !s.endsWith('?second-copy'));
});

after(() => host?.remove());

describe('on-demand CDN loader under a strict CSP', function () {
  this.timeout(20_000);

  it('loads the banner, and only the banner, from beside itself', () => {
    const banner = host.doc.getElementById('banner') as MemorialHost;
    expect(host.win.customElements.get('memorial-campaign-banner')).to.not.equal(undefined);
    expect(banner.loadState).to.equal('loaded');
    const fetched = scripts();
    expect(fetched).to.include('/dist/cdn/memorial-campaign-banner.js');
    for (const other of ['memorial-martyr-card', 'memorial-message-wall', 'memorial-relative-search', 'memorial-tribute-button', 'memorial-provider', 'memorial-elements.min']) {
      expect(fetched, `${other} is not fetched for a banner page`).not.to.include(`/dist/cdn/${other}.js`);
    }
    expect(new Set(fetched).size, 'each script fetched once').to.equal(fetched.length);
  });

  it('survives the second copy of the snippet and sees no error or CSP violation', () => {
    expect(scripts()).to.include(`${LOADER}?second-copy`);
    expect(host.log.errors).to.deep.equal([]);
    expect(host.log.rejections).to.deep.equal([]);
    expect(host.log.violations).to.deep.equal([]);
  });

  it('keeps the fallback link when the API is down', async () => {
    const down = host.doc.getElementById('down') as MemorialHost;
    await settled(down, 15_000);
    expect(down.loadState).to.equal('error');
    expect(host.doc.getElementById('down-link')!.getBoundingClientRect().height, 'the fallback link shows').to.be.greaterThan(0);
  });

  it('loads an element added later, with what it shares with the banner fetched only once', async () => {
    const before = scripts();
    const card = host.doc.createElement('memorial-martyr-card');
    card.setAttribute('martyr-id', 'sample-0001');
    host.doc.querySelector('main')!.append(card);
    await until('the card to be defined', () => host.win.customElements.get('memorial-martyr-card'), 15_000);
    await settled(card as MemorialHost, 15_000);
    expect((card as MemorialHost).loadState).to.equal('loaded');
    const after = scripts();
    expect(after).to.include('/dist/cdn/memorial-martyr-card.js');
    expect(new Set(after).size, 'no script fetched twice').to.equal(after.length);
    expect(after.slice(0, before.length)).to.deep.equal(before);
  });

  it('counts the bytes of script a banner page fetched; the loader is within 2 KB', async () => {
    const [loader] = await shippedGzip([LOADER]);
    expect(loader, 'loader gzip bytes').to.be.at.most(2 * KB);
    // The county page: the snippet + the banner (its first copy, the banner and its chunks).
    const total = (await shippedGzip(bannerPage)).reduce((a, b) => a + b, 0);
    console.log(`county page (loader + <memorial-campaign-banner>): ${bannerPage.join(' ')}: ${(total / KB).toFixed(1)} KB gzip -9 as built; loader ${(loader! / KB).toFixed(1)} KB`);
    expect(bannerPage.length).to.be.greaterThan(1);
  });
});

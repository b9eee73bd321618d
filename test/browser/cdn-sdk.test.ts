/// <reference types="mocha" />
/**
 * The BUILT CDN file (dist/cdn/memorial-elements.min.js, `npm run build`) used the way a plain
 * page uses it, against the real reference server (proxied by the test runner under /api/).
 * Types come from the source entry; the code under test is the minified bundle.
 */
import { expect } from '@esm-bundle/chai';

type Cdn = typeof import('../../src/cdn.js');

const CDN_URL: string = '/dist/cdn/memorial-elements.min.js';
let cdn: Cdn;

before(async () => {
  try {
    cdn = (await import(/* @vite-ignore */ CDN_URL)) as Cdn;
  } catch (error) {
    throw new Error(`could not load ${CDN_URL}: run \`npm run build\` first`, { cause: error });
  }
});

describe('CDN bundle: SDK against the reference server', () => {
  it('loads as one self-contained module with no bare imports', async () => {
    const source = await (await fetch(CDN_URL)).text();
    expect(source).not.to.match(/\bfrom\s*["'](?![./])/, 'no bare specifiers left for the page to resolve');
    expect(source).not.to.match(/\bnew\s+Function\b/, 'no string code generation (CSP without unsafe-eval)');
    expect(cdn.createMemorialClient).to.be.a('function');
  });

  it('fetches a campaign', async () => {
    const client = cdn.createMemorialClient({ baseUrl: location.origin });
    const campaign = await client.campaigns.get('qingming-2020');
    expect(campaign.id).to.equal('qingming-2020');
    expect(campaign.title).to.equal('致敬·2020清明祭英烈');
  });

  it('searches martyrs across pages with for await', async () => {
    const client = cdn.createMemorialClient({ baseUrl: location.origin });
    const first = await client.martyrs.search({ q: '张', limit: 5 }).firstPage();
    expect(first.items.length).to.be.greaterThan(0);
    for (const m of first.items) expect(m.name).to.contain('张');

    const seen: string[] = [];
    for await (const m of client.martyrs.search({ q: '张', limit: 5 })) {
      seen.push(m.id);
      if (seen.length >= 12) break;
    }
    expect(seen.length).to.be.greaterThan(first.items.length - 1);
    expect(new Set(seen).size).to.equal(seen.length);
  });

  it('turns an HTTP 404 into a MemorialHttpError', async () => {
    const client = cdn.createMemorialClient({ baseUrl: location.origin, retry: 0 });
    let caught: unknown;
    try {
      await client.martyrs.get('no-such-martyr-404');
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(cdn.MemorialHttpError);
    expect(caught).to.be.instanceOf(cdn.MemorialError);
    const err = caught as InstanceType<Cdn['MemorialHttpError']>;
    expect(err.name).to.equal('MemorialHttpError');
    expect(err.status).to.equal(404);
    expect(err.code).to.equal('not_found');
  });
});

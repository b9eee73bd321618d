/// <reference types="mocha" />
/**
 * <memorial-tribute-button> and the fair limits (issue 16), against the reference server: the
 * first offer of a browser holding an unsigned visitor id mints a signed one by itself and keeps
 * it; counts follow others' tributes (the store's refresh, which live-count.ts runs every ten
 * seconds on a visible page) while keeping what this visitor has offered; a hidden tab asks
 * nothing, and asks at once when shown again.
 */
import { expect } from '@esm-bundle/chai';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/tribute-button/define.js';
import { SIGNED_VISITOR_ID } from '../../../src/contract/index.js';
import { MemorialTributeEvent } from '../../../src/elements/shared/events.js';
import type { MemorialTributeButton } from '../../../src/elements/tribute-button/tribute-button.js';
import { tributeStore } from '../../../src/elements/tribute-button/tribute-store.js';
import { newVisitorId, VISITOR_ID_KEY } from '../../../src/elements/tribute-button/visitor-id.js';
import { createMemorialClient, type MemorialClient } from '../../../src/sdk/index.js';
import { until } from '../fixtures/until.js';
import { withClient } from '../fixtures/mount.js';

// A browser that tributed before signed ids existed: its stored id is unsigned.
localStorage.setItem(VISITOR_ID_KEY, newVisitorId());

const ENGINE = /Firefox\//.test(navigator.userAgent) ? 1 : /Chrome\//.test(navigator.userAgent) ? 0 : 2;
const martyr = (n: number) => `sample-${String(360 - ENGINE * 5 - n).padStart(4, '0')}`;

function countingClient(): MemorialClient & { log: string[] } {
  const log: string[] = [];
  const client = createMemorialClient({
    baseUrl: location.origin,
    fetch: (input, init) => {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      log.push(`${request.method} ${new URL(request.url).pathname}`);
      return fetch(request);
    },
  });
  return Object.assign(client, { log });
}
const button = (root: ParentNode) => root.querySelector('memorial-tribute-button') as MemorialTributeButton;
const inner = (el: MemorialTributeButton) => el.shadowRoot?.querySelector('button[part~="button"]') as HTMLButtonElement;

describe('tribute button: signed visitor and live counts', () => {
  it('the first offer mints a signed visitor id, keeps it, and is counted under it', async () => {
    const client = countingClient();
    const root = withClient(client, `<memorial-tribute-button martyr-id="${martyr(0)}" kind="flower"></memorial-tribute-button>`);
    const events: MemorialTributeEvent[] = [];
    root.addEventListener('memorial-tribute', (e) => events.push(e));
    const el = button(root);
    await until('loaded', () => el.summary);
    inner(el).click();
    await until('memorial-tribute', () => events.length === 1);
    expect(events[0]!.detail.counted).to.equal(true);
    expect(client.log.filter((l) => l === 'POST /api/v1/visitors')).to.have.length(1);
    const stored = localStorage.getItem(VISITOR_ID_KEY) ?? '';
    expect(stored).to.match(SIGNED_VISITOR_ID);
    const mine = await createMemorialClient({ baseUrl: location.origin }).tributes.summary(martyr(0), { visitorId: stored });
    expect(mine.offeredToday).to.deep.equal(['flower']);

    // a second kind on the same page mints nothing more
    const other = withClient(client, `<memorial-tribute-button martyr-id="${martyr(0)}" kind="bow"></memorial-tribute-button>`);
    const bow = button(other);
    await until('loaded', () => bow.summary);
    inner(bow).click();
    await until('counted', () => bow.offered && !tributeStore(client, martyr(0)).pending('bow'));
    expect(client.log.filter((l) => l === 'POST /api/v1/visitors')).to.have.length(1);
  });

  it("refresh shows others' tributes and keeps what this visitor offered", async () => {
    const client = countingClient();
    const root = withClient(client, `<memorial-tribute-button martyr-id="${martyr(1)}" kind="candle"></memorial-tribute-button>`);
    const el = button(root);
    await until('loaded', () => el.summary);
    inner(el).click();
    await until('offered', () => el.offered && !tributeStore(client, martyr(1)).pending('candle'));
    const before = el.summary!.total.candle;
    // someone else, elsewhere
    await createMemorialClient({ baseUrl: location.origin }).tributes.offer(martyr(1), { kind: 'candle' });
    await tributeStore(client, martyr(1)).refresh();
    await el.updateComplete;
    expect(el.summary!.total.candle).to.equal(before + 1);
    expect(el.offered, 'still shown as offered by this visitor').to.equal(true);
    // the refresh asked for the public, cacheable summary (no visitor named)
    expect(client.log.filter((l) => l === `GET /api/v1/martyrs/${martyr(1)}/tributes`).length).to.be.greaterThan(1);
  });

  it('a tab that becomes visible again asks at once; hiding it asks nothing', async () => {
    const client = countingClient();
    const root = withClient(client, `<memorial-tribute-button martyr-id="${martyr(2)}" kind="sweep"></memorial-tribute-button>`);
    const el = button(root);
    await until('loaded', () => el.summary);
    const gets = () => client.log.filter((l) => l === `GET /api/v1/martyrs/${martyr(2)}/tributes`).length;
    const shown = gets();
    const setVisibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      setVisibility('hidden');
      await new Promise((r) => setTimeout(r, 200));
      expect(gets(), 'nothing asked when hidden').to.equal(shown);
      setVisibility('visible');
      await until('a refresh on becoming visible', () => gets() === shown + 1);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });
});

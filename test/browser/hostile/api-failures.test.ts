/// <reference types="mocha" />
/**
 * Hostile host 3: the API fails. The strict-CSP host page (pages/elements.html) points every
 * element, inside a provider and on its own, at an API that is down (nothing listens), drops
 * the connection, answers 500, or never answers (test/wtr/hostile-pages.mjs). Every element
 * must show its fallback and its error state, fire `memorial-error` with the right kind, and
 * the host page must see no error, no unhandled rejection and no CSP violation.
 *
 * The hang case: the provider gets a client with a 1.5 s timeout (its `.client`); elements on
 * their own have no timeout setting, so they wait out the SDK's default 10 s.
 */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { openHostPage, part, rendered, settled, type HostPage, type MemorialHost } from './host-frame.js';

interface Bases {
  down: string;
  reset: string;
  error500: string;
  hang: string;
}

const MODES = [
  { key: 'down', title: 'is down (nothing listens)', kind: 'network' },
  { key: 'reset', title: 'drops the connection', kind: 'network' },
  { key: 'error500', title: 'answers 500', kind: 'http', status: 500 },
  { key: 'hang', title: 'hangs past the timeout', kind: 'timeout' },
] as const;

const ELEMENTS = ['p-banner', 'p-card', 'p-card-compact', 'p-tribute', 'p-wall', 'p-search', 'o-banner', 'o-card', 'o-tribute', 'o-wall', 'o-search'];
const SDK_DEFAULT_TIMEOUT_MS = 10_000;

const pages = new Map<string, HostPage>();
const clicks = new Map<string, string[]>();

before(async function () {
  this.timeout(SDK_DEFAULT_TIMEOUT_MS + 30_000);
  const bases = await executeServerCommand<Bases, undefined>('hostile-api-bases');
  if (!bases) throw new Error('the hostile-pages plugin is not installed (web-test-runner.config.mjs)');
  // All four pages at once: the hang page's ten seconds are spent only once.
  await Promise.all(
    MODES.map(async (mode) => {
      const params: Record<string, string> = { api: bases[mode.key], martyr: 'sample-0001', q: '张' };
      if (mode.key === 'hang') params['timeout'] = '1500';
      const page = await openHostPage('elements.html', params);
      pages.set(mode.key, page);
      // Following a fallback link must not take the test's frame away: record the click instead.
      const followed: string[] = [];
      clicks.set(mode.key, followed);
      page.doc.addEventListener('click', (e) => {
        const a = (e.target as Element).closest('a');
        if (a) followed.push(a.href);
        e.preventDefault();
      });
      for (const id of ELEMENTS) await settled(page.doc.getElementById(id) as MemorialHost, SDK_DEFAULT_TIMEOUT_MS + 15_000);
    }),
  );
});

after(() => {
  for (const page of pages.values()) page.remove();
});

for (const mode of MODES) {
  describe(`hostile host: the API ${mode.title}`, function () {
    this.timeout(15_000);
    const page = () => pages.get(mode.key)!;
    const el = (id: string) => page().doc.getElementById(id) as MemorialHost;

    it('every element shows its error state and its light-DOM fallback', () => {
      for (const id of ELEMENTS) {
        const host = el(id);
        expect(host.loadState, id).to.equal('error');
        const slot = part(host, 'fallback')?.querySelector('slot');
        expect(slot, `${id} renders its fallback slot`).to.not.equal(null);
        const link = host.querySelector(':scope > a')!;
        expect(slot!.assignedElements(), `${id}'s fallback link is slotted`).to.include(link);
        expect(rendered(link), `${id}'s fallback link is on screen`).to.equal(true);
        // the banner's error state is its fallback alone; the others add a localized reason
        if (host.localName !== 'memorial-campaign-banner') expect(part(host, 'status-message')?.textContent?.trim(), `${id} says why`).to.not.equal('');
      }
    });

    it('the campaign banners’ light-DOM link stays usable: visible, uncovered, clickable', () => {
      for (const id of ['p-banner', 'o-banner']) {
        const link = el(id).querySelector(':scope > a') as HTMLAnchorElement;
        link.scrollIntoView({ block: 'center' });
        const box = link.getBoundingClientRect();
        expect(box.width * box.height, `${id}'s link has a box`).to.be.greaterThan(0);
        const hit = page().doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        expect(hit === link || link.contains(hit), `nothing covers ${id}'s link`).to.equal(true);
        link.click();
        expect(clicks.get(mode.key)!.at(-1)).to.equal('https://www.chinamartyrs.gov.cn/');
      }
    });

    it(`every element fired memorial-error (kind "${mode.kind}")`, () => {
      const events = page().log.memorialErrors;
      for (const id of ELEMENTS) {
        const own = events.filter((e) => e.id === id);
        expect(own.length, `${id} fired memorial-error`).to.be.greaterThan(0);
        const load = own.filter((e) => e.phase === 'load');
        expect(load.length, `${id} reported the failed load`).to.equal(1);
        expect(load[0], id).to.include({ kind: mode.kind, ...('status' in mode ? { status: mode.status } : {}) });
      }
      expect(events.filter((e) => e.phase === 'lifecycle'), 'no element broke while rendering').to.deep.equal([]);
      expect(events.filter((e) => e.kind !== mode.kind), 'every failure has the same cause').to.deep.equal([]);
    });

    it('the host page saw no error, no unhandled rejection and no CSP violation', () => {
      expect(page().log.errors).to.deep.equal([]);
      expect(page().log.rejections).to.deep.equal([]);
      expect(page().log.violations).to.deep.equal([]);
    });
  });
}

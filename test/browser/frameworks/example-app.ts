/**
 * What every framework example (demo/react, demo/vue) must do, checked on its BUILT page in a
 * real browser against the real API: see app-frame.ts for how the page is opened and watched.
 */
import { expect } from '@esm-bundle/chai';
import type { Martyr } from '../../../src/contract/index.js';
import type { MemorialMartyrCard } from '../../../src/elements/martyr-card/martyr-card.js';
import type { MemorialMessageWall } from '../../../src/elements/message-wall/message-wall.js';
import type { MemorialProvider } from '../../../src/elements/provider/provider.js';
import type { MemorialRelativeSearch } from '../../../src/elements/relative-search/relative-search.js';
import type { MemorialTributeButton } from '../../../src/elements/tribute-button/tribute-button.js';
import { openApp, until, type AppFrame } from './app-frame.js';

export interface ExampleAppSpec {
  /** "React 19", "Vue 3". */
  framework: string;
  /** e.g. /dist/demo/react/index.html */
  page: string;
  /** A martyr no other test offers tributes to (per app and engine). */
  martyrId: string;
  /** The element the framework renders into. */
  mountSelector: string;
}

export function describeExampleApp({ framework, page, martyrId, mountSelector }: ExampleAppSpec): void {
  describe(`${framework} example (${page})`, () => {
    let app: AppFrame;
    let expected: Martyr;
    const $ = <T extends Element>(selector: string) => app.doc.querySelector<T>(selector);

    before(async () => {
      const response = await fetch(`/api/v1/martyrs/${martyrId}`);
      expect(response.status, `GET /api/v1/martyrs/${martyrId} from the reference server`).to.equal(200);
      expected = (await response.json()) as Martyr;
      app = await openApp(`${page}?martyr=${martyrId}`);
    });
    after(() => app?.close());

    it('is a built page with no inline script or style (it runs under script-src/style-src \'self\')', () => {
      expect(app.html).not.to.match(/<script(?![^>]*\ssrc=)[^>]*>/i, 'every <script> has a src');
      expect(app.html).not.to.match(/<style[\s>]/i, 'no <style> element');
      expect(app.html).not.to.match(/\sstyle=/i, 'no style attribute');
      expect(app.html).to.match(/src="\.\/assets\//, "assets are linked relative to the page (base: './')");
    });

    it('renders through the framework, with one copy of Lit', async () => {
      await until(`${framework} to render into ${mountSelector}`, () => $(mountSelector)?.querySelector('memorial-provider'));
      expect(app.win.litHtmlVersions, 'lit-html loaded once').to.have.length(1);
      expect(app.win.litElementVersions, 'LitElement loaded once').to.have.length(1);
    });

    it('shows the martyr it fetched with the SDK and handed to the card as a property', async () => {
      const card = await until('the card', () => $<MemorialMartyrCard>('memorial-martyr-card'));
      const name = await until('the card to show a name', () => card.shadowRoot?.querySelector('[part~="name"]')?.textContent);
      expect(name).to.equal(expected.name);
      expect(card.martyr, 'el.martyr holds the record object').to.be.an('object');
      expect(card.martyr?.id).to.equal(martyrId);
      expect(card.martyrId, 'no martyr-id: the card can only have shown the property').to.equal(null);
      expect(card.hasAttribute('martyr'), 'the record was not stringified into an attribute').to.equal(false);
      // The app's own client.martyrs.get(); the card sent no request for the record.
      expect(app.requests(`/api/v1/martyrs/${martyrId}`)).to.equal(1);
    });

    it('sets the other bindings as properties too', async () => {
      const provider = $<MemorialProvider>('memorial-provider')!;
      expect(provider.apiBase).to.equal(location.origin);
      expect(provider.hasAttribute('api-base'), 'apiBase went in as a property').to.equal(false);
      const button = await until('the tribute button', () => $<MemorialTributeButton>('memorial-tribute-button'));
      expect(button.martyrId).to.equal(martyrId);
      expect(button.kind).to.equal('flower');
      expect(button.getAttribute('slot')).to.equal('actions');
    });

    it('a tribute reaches the framework listener, whose state is shown outside the element', async () => {
      const button = await until('the tribute button', () => $<MemorialTributeButton>('memorial-tribute-button'));
      await until('the tribute counts to load', () => button.summary);
      expect(button.offered, 'nobody has offered this kind from this browser today').to.equal(false);
      const before = button.summary!.today.flower;
      expect($('.tally .offers'), 'nothing offered yet').to.equal(null);

      const inner = button.shadowRoot?.querySelector<HTMLButtonElement>('button[part~="button"]');
      expect(inner, 'the button inside the element').to.be.instanceOf(app.win.HTMLButtonElement);
      inner!.click();

      const offers = await until(`${framework} to show the offer`, () => $('.tally .offers')?.textContent);
      expect(offers).to.equal('1');
      expect(Number($('.tally .flowers-today')?.textContent), "today's flowers, from event.detail.summary").to.equal(before + 1);
      expect(button.summary?.today.flower, 'the element agrees').to.equal(before + 1);
    });

    it('shows the message wall and the relative search from the real API', async () => {
      const wall = $<MemorialMessageWall>('memorial-message-wall')!;
      await until('the message wall to load', () => ['loaded', 'empty'].includes(wall.loadState) && wall);
      expect(wall.martyrId).to.equal(martyrId);
      expect(wall.shadowRoot?.querySelector('form[part~="form"]'), 'the form to leave a message').to.be.instanceOf(app.win.HTMLFormElement);
      const search = $<MemorialRelativeSearch>('memorial-relative-search')!;
      await until('the relative search form', () => search.shadowRoot?.querySelector('form[part~="search-form"]'));
    });

    it('reported no errors: no memorial-error, console.error, uncaught error or CSP violation', () => {
      expect($('.errors'), 'memorial-error events the app listened for').to.equal(null);
      expect(app.problems).to.deep.equal([]);
      expect(app.doc.querySelectorAll('[style]').length, 'no style attributes in the page').to.equal(0);
    });
  });
}

/// <reference types="mocha" />
/**
 * The live examples on the element pages of the docs site: the built site's
 * assets/live-examples.js (with the gallery bundle copied beside it) fills a
 * `<div class="live-examples" data-tag>` with that element's examples, rendered against the
 * reference server named by `<meta name="memorial-api-base">`, and re-renders them in the
 * locale and elder mode chosen in its controls. Needs `npm run build` (dist/site/).
 */
import { expect } from '@esm-bundle/chai';
import { until } from '../fixtures/until.js';

const SCRIPT = '/dist/site/assets/live-examples.js';
const GALLERY = '/dist/site/assets/gallery.js';
const TAG = 'memorial-martyr-card';

describe('docs site: live examples on an element page', function () {
  this.timeout(30_000);
  let container: HTMLDivElement;

  before(async () => {
    const head = await fetch(SCRIPT, { method: 'HEAD' });
    if (!head.ok) throw new Error(`${SCRIPT} is missing: run \`npm run build\` first`);
    const meta = Object.assign(document.createElement('meta'), { name: 'memorial-api-base', content: '/' });
    document.head.append(meta);
    container = document.createElement('div');
    container.className = 'live-examples';
    container.dataset['tag'] = TAG;
    document.body.append(container);
    await import(SCRIPT);
  });

  it('renders every example of the element, with its markup, and a card loads real data from the server', async () => {
    const { EXAMPLE_LISTS } = (await import(GALLERY)) as { EXAMPLE_LISTS: { tag: string; examples: { name: string }[] }[] };
    const list = EXAMPLE_LISTS.find((l) => l.tag === TAG);
    expect(list, `the gallery has examples of <${TAG}>`).to.not.equal(undefined);
    const articles = await until('the examples', () => {
      const found = container.querySelectorAll('article.example');
      return found.length === list!.examples.length && found;
    });
    expect([...articles].map((a) => a.id)).to.deep.equal(list!.examples.map((e) => `${TAG}--${e.name}`));
    expect(container.querySelectorAll('details pre code').length).to.equal(list!.examples.length);
    expect(container.querySelector('section > h2'), 'the page’s own heading stands in for the gallery’s').to.equal(null);
  });

  it('switches the locale and elder mode of every example from its controls', async () => {
    const select = container.querySelector('select') as HTMLSelectElement;
    const elder = container.querySelector('input[type="checkbox"]') as HTMLInputElement;
    expect(select.labels?.length, 'the locale select is labelled').to.equal(1);
    expect(elder.labels?.length, 'the elder-mode box is labelled').to.equal(1);
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    elder.checked = true;
    elder.dispatchEvent(new Event('change'));
    await until('the examples in English, in elder mode', () => {
      const stages = [...container.querySelectorAll<HTMLElement>('.stage')];
      return stages.length > 0 && stages.every((s) => s.lang === 'en' && s.querySelector('[elder-mode]'));
    });
    const card = await until('a card loaded in elder mode', () =>
      [...container.querySelectorAll<HTMLElement & { loadState: string }>(TAG)].find((c) => c.loadState === 'loaded' && c.hasAttribute('elder-active')),
    );
    expect(card.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('lang')).to.equal('en');
  });
});

/**
 * The demo gallery (demo/gallery.html): renders every examples list — every state and variant
 * of every element — in a chosen locale, with elder mode on or off. Built into
 * dist/demo/gallery.js as one self-contained module (no inline script or style: the page
 * works under a strict CSP).
 *
 * To add an element: import its define module and its examples list below.
 */
import '../src/elements/provider/define.js';
import { providerExamples } from '../src/elements/provider/provider.examples.js';
import '../src/elements/message-wall/define.js';
import '../src/elements/martyr-card/define.js';
import { martyrCardExamples } from '../src/elements/martyr-card/martyr-card.examples.js';
import '../src/elements/tribute-button/define.js';
import '../src/elements/campaign-banner/define.js';
import { campaignBannerExamples } from '../src/elements/campaign-banner/campaign-banner.examples.js';
import '../src/elements/relative-search/define.js';
import { relativeSearchExamples } from '../src/elements/relative-search/relative-search.examples.js';
import { tributeButtonExamples } from '../src/elements/tribute-button/tribute-button.examples.js';
import { messageWallExamples } from '../src/elements/message-wall/message-wall.examples.js';
import { exampleHtml, UNREACHABLE_API_BASE, type ExampleContext, type ExampleList } from '../src/elements/shared/examples.js';
import { LOCALES, normalizeLocale, type Locale } from '../src/i18n/locale.js';

/** Every examples list the gallery shows, in order. Element issues add theirs here. */
export const EXAMPLE_LISTS: ExampleList[] = [providerExamples, campaignBannerExamples, martyrCardExamples, tributeButtonExamples, messageWallExamples, relativeSearchExamples];

const LOCALE_NAMES: Record<Locale, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };

const sheet = `
  body { margin: 0; padding: 16px; font-family: system-ui, sans-serif; color: #1b1c1a; background: #ffffff; line-height: 1.5; }
  header, main { max-width: 960px; margin: 0 auto; }
  .controls { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; padding: 12px 0; border-bottom: 1px solid #b8b7ae; }
  .controls label { display: inline-flex; gap: 8px; align-items: center; min-height: 44px; }
  .controls select, .controls input { min-height: 44px; min-width: 44px; font: inherit; }
  .example { margin: 24px 0; padding: 16px; border: 1px solid #b8b7ae; }
  .example h3 { margin: 0 0 4px; font-size: 1.1em; }
  .state { display: inline-block; margin-inline-start: 8px; padding: 0 8px; border: 1px solid #3a3b37; font-size: 0.85em; font-weight: normal; }
  .stage { margin: 12px 0; padding: 12px; border: 1px dashed #b8b7ae; }
  pre { overflow: auto; padding: 8px; background: #efeee8; font-size: 0.85em; }
  summary { min-height: 44px; display: flex; align-items: center; cursor: pointer; }
  memorial-provider:not(:defined) { display: contents; }
`;

function adoptStyles(): void {
  const css = new CSSStyleSheet();
  css.replaceSync(sheet);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, css];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export interface GalleryOptions {
  locale: Locale;
  elderMode: boolean;
  apiBase?: string;
}

/** Renders every list into `root` (replacing its content). */
export async function renderGallery(root: HTMLElement, lists: readonly ExampleList[], options: GalleryOptions): Promise<void> {
  const ctx: ExampleContext = {
    locale: options.locale,
    elderMode: options.elderMode,
    apiBase: options.apiBase ?? location.origin,
    unreachableApiBase: UNREACHABLE_API_BASE,
  };
  root.replaceChildren();
  for (const list of lists) {
    const section = el('section', { id: list.tag });
    section.append(el('h2', {}, list.title));
    for (const example of list.examples) {
      const html = exampleHtml(example, ctx);
      const stage = el('div', { className: 'stage', lang: options.locale });
      stage.innerHTML = html;
      if (options.elderMode) {
        for (const child of stage.children) if (child.localName.startsWith('memorial-')) child.setAttribute('elder-mode', '');
      }
      const state = example.state === 'variant' && example.variant ? `variant: ${example.variant}` : example.state;
      const article = el(
        'article',
        { className: 'example', id: `${list.tag}--${example.name}` },
        el('h3', {}, example.name, el('span', { className: 'state' }, state)),
        el('p', {}, example.description),
        stage,
        el('details', {}, el('summary', {}, 'HTML'), el('pre', {}, el('code', {}, html))),
      );
      section.append(article);
      try {
        await example.setup?.(stage, ctx);
      } catch (error) {
        console.error(`gallery: setup of ${list.tag} ${example.name} failed`, error);
      }
    }
    root.append(section);
  }
}

function controls(initial: GalleryOptions, onChange: (o: GalleryOptions) => void): HTMLElement {
  const select = el('select', { name: 'locale' });
  for (const l of LOCALES) select.append(el('option', { value: l, selected: l === initial.locale }, LOCALE_NAMES[l]));
  const elder = el('input', { type: 'checkbox', name: 'elder', checked: initial.elderMode });
  const update = () => onChange({ locale: normalizeLocale(select.value), elderMode: elder.checked });
  select.addEventListener('change', update);
  elder.addEventListener('change', update);
  return el('div', { className: 'controls' }, el('label', {}, '语言 Language ', select), el('label', {}, elder, ' 长辈模式 Elder mode'));
}

/** Starts the gallery on demo/gallery.html (`#gallery`); options come from and go to the query string. */
export function startGallery(root: HTMLElement, lists: readonly ExampleList[] = EXAMPLE_LISTS): void {
  adoptStyles();
  const params = new URLSearchParams(location.search);
  const options: GalleryOptions = { locale: normalizeLocale(params.get('locale') ?? document.documentElement.lang), elderMode: params.has('elder') };
  const content = el('div');
  root.replaceChildren(controls(options, (o) => {
    const q = new URLSearchParams({ locale: o.locale });
    if (o.elderMode) q.set('elder', '');
    history.replaceState(null, '', `?${q}`);
    document.documentElement.lang = o.locale;
    void renderGallery(content, lists, o);
  }), content);
  document.documentElement.lang = options.locale;
  void renderGallery(content, lists, options);
}

const root = typeof document !== 'undefined' ? document.getElementById('gallery') : null;
if (root && !root.hasAttribute('data-manual')) startGallery(root);

/* global document, location, console, URL, Option */
// Browser module of the docs site (copied to dist/site/assets/): fills each
// `<div class="live-examples" data-tag="memorial-…">` with that element's examples list, rendered
// by the demo gallery's own code (gallery.js, copied beside this file from dist/demo/), in the
// locale and elder mode chosen above the examples. The API is the server named by
// `<meta name="memorial-api-base">` (the server that serves the docs).
import { EXAMPLE_LISTS, renderGallery } from './gallery.js';

const LOCALES = [
  ['zh-Hans', '简体中文'],
  ['zh-Hant', '繁體中文'],
  ['en', 'English'],
];

const meta = document.querySelector('meta[name="memorial-api-base"]');
const apiBase = new URL(meta?.getAttribute('content') || '/', location.href).href.replace(/\/$/, '');

function controls(onChange) {
  const select = document.createElement('select');
  for (const [value, label] of LOCALES) select.append(new Option(label, value));
  const elder = document.createElement('input');
  elder.type = 'checkbox';
  const locale = document.createElement('label');
  locale.append('语言 Language ', select);
  const elderLabel = document.createElement('label');
  elderLabel.append(elder, ' 长辈模式 Elder mode');
  const box = document.createElement('div');
  box.className = 'live-examples-controls';
  box.append(locale, elderLabel);
  const fire = () => onChange({ locale: select.value, elderMode: elder.checked });
  select.addEventListener('change', fire);
  elder.addEventListener('change', fire);
  return box;
}

async function fill(container) {
  const tag = container.dataset.tag;
  const list = EXAMPLE_LISTS.find((l) => l.tag === tag);
  const status = container.querySelector('.live-examples-status');
  if (!list) {
    if (status) status.textContent = `No examples list for <${tag}> in the gallery.`;
    return;
  }
  let stage = document.createElement('div');
  let generation = 0;
  // Each change renders into a fresh box that replaces the shown one when done; a render
  // overtaken by a later change is dropped, so quick changes never mix two renderings.
  const render = async (options) => {
    const mine = ++generation;
    const next = document.createElement('div');
    container.setAttribute('aria-busy', 'true');
    await renderGallery(next, [list], { ...options, apiBase });
    if (mine !== generation) return;
    // The page's own "Live examples" heading stands in for the gallery's per-element one.
    next.querySelector('section > h2')?.remove();
    stage.replaceWith(next);
    stage = next;
    container.removeAttribute('aria-busy');
  };
  container.replaceChildren(controls((options) => void render(options)), stage);
  await render({ locale: 'zh-Hans', elderMode: false });
}

for (const container of document.querySelectorAll('.live-examples[data-tag]')) {
  fill(container).catch((error) => console.error('live examples', error));
}

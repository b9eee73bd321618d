/* global document, location, URLSearchParams */
// elements.html's own script, as a host page would write it: reads the scenario from the
// query string, loads the CDN file and puts the widgets of <template id="widgets"> on the page.
//   api      API address (default: this origin, i.e. the shared reference server)
//   martyr   the martyr every martyr-id="" gets      q  the name the relative searches look for
//   timeout  give the provider a client of its own with this timeout (ms) instead of api-base
//   css      "aggressive": add the careless CMS stylesheet
const params = new URLSearchParams(location.search);
const api = params.get('api') || location.origin;
const timeout = Number(params.get('timeout')) || 0;

if (params.get('css') === 'aggressive') {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'aggressive.css';
  const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
  document.head.append(link);
  await loaded;
}

const { createMemorialClient } = await import('/dist/cdn/memorial-elements.min.js');
const widgets = document.importNode(document.getElementById('widgets').content, true);
for (const el of widgets.querySelectorAll('[martyr-id=""]')) el.setAttribute('martyr-id', params.get('martyr') ?? '');
for (const el of widgets.querySelectorAll('[q=""]')) el.setAttribute('q', params.get('q') ?? '');
for (const el of widgets.querySelectorAll('[data-api]')) el.setAttribute('api-base', api);
for (const provider of widgets.querySelectorAll('memorial-provider')) {
  if (timeout) provider.client = createMemorialClient({ baseUrl: api, timeout });
  else provider.setAttribute('api-base', api);
}
document.querySelector('main').append(widgets);
document.documentElement.toggleAttribute('data-mounted', true);

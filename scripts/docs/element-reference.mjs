/**
 * The reference part of each element's docs page, rendered from the custom elements manifest
 * (`dist/custom-elements.json`, made by `npm run build:manifest`).
 *
 * Contract:
 * - `elementTags(manifest)`: the tag name of every element the manifest defines (classes with a
 *   `tagName`), sorted.
 * - `elementReferenceHtml(manifest, tagName, { headingLevel = 2 })`: an HTML fragment, one
 *   `<section class="element-reference" data-tag="…">` holding the summary, the import that
 *   defines the element, then one `<section class="element-reference-<kind>">` per kind, each
 *   with a heading and a `<table>`: `attributes`, `properties`, `methods`, `events` (with the
 *   event class and its `detail` type), `slots`, `parts`, `css-properties` (the element's own
 *   tokens, then the shared ones in a `<details>`). A kind the element does not have gets a
 *   short "none" line instead of a table. Each row's first cell is a `<th scope="row">` holding
 *   the name in `<code>` (the default slot: `(default)`), which is what
 *   test/node/docs-manifest.test.ts looks for.
 *   Every text from the manifest is HTML-escaped; `code` spans in descriptions become `<code>`.
 *   No inline styles, no scripts, no event-handler attributes: only classes, so the page works
 *   under `style-src 'self'; script-src 'self'`. Throws for a tag the manifest does not define.
 */

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A manifest description as inline HTML: escaped, whitespace collapsed, `code` spans kept. */
function prose(text) {
  const escaped = escapeHtml(String(text ?? '').replace(/\s+/g, ' ').trim());
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
}

const code = (text) => (text === undefined || text === null || text === '' ? '' : `<code>${escapeHtml(text)}</code>`);

function declarations(manifest) {
  return (manifest?.modules ?? []).flatMap((mod) => (mod.declarations ?? []).map((declaration) => ({ mod, declaration })));
}

/** Every element tag in the manifest, sorted. */
export function elementTags(manifest) {
  return declarations(manifest)
    .map(({ declaration }) => declaration.tagName)
    .filter((tag) => typeof tag === 'string' && tag !== '')
    .sort();
}

/** The package import that defines `tagName`, from its `custom-element-definition` export. */
function defineImport(manifest, tagName) {
  for (const mod of manifest.modules ?? []) {
    const definition = (mod.exports ?? []).find((e) => e.kind === 'custom-element-definition' && e.name === tagName);
    const dir = definition && /^src\/elements\/([^/]+)\/define\.ts$/.exec(mod.path)?.[1];
    if (dir) return `import 'memorial-elements/elements/${dir}.define.js';`;
  }
  return undefined;
}

const typeOf = (item) => item?.expandedType?.text ?? item?.type?.text ?? '';

function table(kind, headers, rows) {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('\n');
  return `<table class="element-reference-table element-reference-table-${kind}">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const nameCell = (name) => `<th scope="row"><code>${escapeHtml(name)}</code></th>`;
const cell = (html) => `<td>${html}</td>`;

function section(kind, title, level, content) {
  return `<section class="element-reference-section element-reference-${kind}">\n<h${level}>${escapeHtml(title)}</h${level}>\n${content}\n</section>`;
}

const none = (what) => `<p class="element-reference-none">${escapeHtml(what)}</p>`;

function attributesSection(el, level) {
  const rows = (el.attributes ?? []).map((a) => [
    nameCell(a.name),
    cell(code(a.fieldName)),
    cell(code(typeOf(a))),
    cell(code(a.default)),
    cell(prose(a.description)),
  ]);
  return section('attributes', 'Attributes', level, rows.length ? table('attributes', ['attribute', 'property', 'type', 'default', 'description'], rows) : none('No attributes.'));
}

function propertiesSection(el, level) {
  const fields = (el.members ?? []).filter((m) => m.kind === 'field' && !m.static);
  const rows = fields.map((f) => [
    nameCell(f.name),
    cell(f.attribute ? `${code(f.attribute)}${f.reflects ? ' <span class="element-reference-flag">reflected</span>' : ''}` : ''),
    cell(code(typeOf(f))),
    cell(f.readonly ? '<span class="element-reference-flag">read-only</span>' : code(f.default)),
    cell(prose(f.description)),
  ]);
  return section('properties', 'Properties', level, rows.length ? table('properties', ['property', 'attribute', 'type', 'default', 'description'], rows) : none('No properties.'));
}

function signature(method) {
  const params = (method.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}${p.type?.text ? `: ${p.type.text}` : ''}`).join(', ');
  const returns = method.return?.type?.text;
  return `(${params})${returns ? `: ${returns}` : ''}`;
}

function methodsSection(el, level) {
  const methods = (el.members ?? []).filter((m) => m.kind === 'method' && !m.static);
  const rows = methods.map((m) => [nameCell(m.name), cell(code(signature(m))), cell(prose(m.description))]);
  return section('methods', 'Methods', level, rows.length ? table('methods', ['method', 'signature', 'description'], rows) : none('No methods.'));
}

function eventsSection(el, level) {
  const rows = (el.events ?? []).map((e) => [nameCell(e.name), cell(code(e.type?.text)), cell(code(e.detail?.text)), cell(prose(e.description))]);
  return section('events', 'Events', level, rows.length ? table('events', ['event', 'class', 'detail', 'description'], rows) : none('No events.'));
}

function slotsSection(el, level) {
  const rows = (el.slots ?? []).map((s) => [
    s.name ? nameCell(s.name) : '<th scope="row" class="element-reference-default">(default)</th>',
    cell(prose(s.description)),
  ]);
  return section('slots', 'Slots', level, rows.length ? table('slots', ['slot', 'description'], rows) : none('No slots.'));
}

function partsSection(el, level) {
  const rows = (el.cssParts ?? []).map((p) => [nameCell(p.name), cell(prose(p.description))]);
  return section('parts', 'CSS parts', level, rows.length ? table('parts', ['part', 'description'], rows) : none('No parts.'));
}

function cssPropertiesSection(el, level) {
  const all = el.cssProperties ?? [];
  const rowsOf = (list) => list.map((p) => [nameCell(p.name), cell(code(p.default)), cell(prose(p.description))]);
  const headers = ['property', 'default', 'description'];
  const own = all.filter((p) => !p.inheritedFrom);
  const shared = all.filter((p) => p.inheritedFrom);
  if (!all.length) return section('css-properties', 'CSS custom properties', level, none('No CSS custom properties.'));
  const parts = [];
  if (own.length) parts.push(table('css-properties', headers, rowsOf(own)));
  if (shared.length) {
    parts.push(
      `<details class="element-reference-shared">\n<summary>Shared tokens (${shared.length}): reference, system, button and status tokens every element reads</summary>\n${table('css-properties-shared', headers, rowsOf(shared))}\n</details>`,
    );
  }
  return section('css-properties', 'CSS custom properties', level, parts.join('\n'));
}

/** The reference of one element as an HTML fragment (see the module comment for the contract). */
export function elementReferenceHtml(manifest, tagName, { headingLevel = 2 } = {}) {
  const found = declarations(manifest).find(({ declaration }) => declaration.tagName === tagName);
  if (!found) throw new Error(`element-reference: the manifest defines no <${tagName}> (run npm run build:manifest?)`);
  const el = found.declaration;
  const level = Math.min(6, Math.max(1, Math.round(headingLevel)));
  const intro = [];
  if (el.summary) intro.push(`<p class="element-reference-summary">${prose(el.summary)}</p>`);
  const importLine = defineImport(manifest, tagName);
  if (importLine) intro.push(`<p class="element-reference-import">Defined by <code>${escapeHtml(importLine)}</code> (class <code>${escapeHtml(el.name)}</code>).</p>`);
  const sections = [attributesSection, propertiesSection, methodsSection, eventsSection, slotsSection, partsSection, cssPropertiesSection].map((render) => render(el, level));
  return `<section class="element-reference" data-tag="${escapeHtml(tagName)}">\n${[...intro, ...sections].join('\n')}\n</section>\n`;
}

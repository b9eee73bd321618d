/**
 * The element docs against the code, through the custom elements manifest that the build
 * publishes (`dist/custom-elements.json`, written by `npm run build:manifest`, which
 * `npm run build` runs; this test reads that file and does not regenerate it):
 *
 * (a) code → manifest → code: each element's tag (from its define.ts), the `part="…"`s its
 *     templates render, the `--memorial-*` tokens its styles read, the `<slot>`s, the event
 *     classes it constructs, its `@property()` fields (and their attributes) and its public
 *     getters and methods are in the manifest for that element, and the manifest names no part,
 *     token, slot or event the code does not have. "Its" covers the element's file and every
 *     module it imports for values (not `import type`) under src/elements and src/styles, so the
 *     base classes, shared styles and helpers such as MemorialTask count.
 * (b) manifest → docs: every attribute, property, event, slot, part and CSS property is in
 *     `elementReferenceHtml()` (scripts/docs/element-reference.mjs, what the docs site shows),
 *     and every tag has its page `docs/elements/<name>.md`.
 * (c) docs → manifest: every attribute, property, method, event, part, slot and CSS property
 *     that the hand-written docs/elements/*.md pages name exists on that page's element (the
 *     foundation page: on some element).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Attribute, ClassDeclaration, ClassField, ClassMethod, CssCustomProperty, CssPart, CustomElement, Event, Package, Slot, Type } from 'custom-elements-manifest/schema';
import ts from 'typescript';
import { elementReferenceHtml, elementTags } from '../../scripts/docs/element-reference.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
const MANIFEST = path.join(root, 'dist/custom-elements.json');
const REBUILD = 'if you changed src/elements, run `npm run build:manifest` (or `npm run build`) first';

// --- the manifest ------------------------------------------------------------------------------

/** What this test reads of a manifest element (the `detail` of events is our config's addition). */
interface ManifestElement {
  name: string;
  tagName: string;
  attributes: Attribute[];
  members: (ClassField | ClassMethod)[];
  events: (Event & { detail?: Type })[];
  slots: Slot[];
  cssParts: CssPart[];
  cssProperties: CssCustomProperty[];
}

function loadManifest(): Package {
  assert.ok(existsSync(MANIFEST), `${rel(MANIFEST)} is missing: run npm run build (or npm run build:manifest) first`);
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Package;
}

function manifestElements(manifest: Package): Map<string, ManifestElement> {
  const out = new Map<string, ManifestElement>();
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.kind !== 'class') continue;
      // schema 1.0.0's CustomElementDeclaration omits the CustomElement fields it is meant to have
      const d = declaration as ClassDeclaration & Partial<CustomElement>;
      if (!d.tagName) continue;
      out.set(d.tagName, {
        name: d.name,
        tagName: d.tagName,
        attributes: d.attributes ?? [],
        members: d.members ?? [],
        events: d.events ?? [],
        slots: d.slots ?? [],
        cssParts: d.cssParts ?? [],
        cssProperties: d.cssProperties ?? [],
      });
    }
  }
  return out;
}

// --- the code ----------------------------------------------------------------------------------

const sourceCache = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile {
  let sf = sourceCache.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    sourceCache.set(file, sf);
  }
  return sf;
}

/** Source text without comments (a part or token shown in a doc comment is not one the code has). */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

const resolveImport = (from: string, spec: string) => path.resolve(path.dirname(from), spec.replace(/\.js$/, '.ts'));

/** Relative imports of `file` that bring in values (`import type` and type-only names do not). */
function valueImports(file: string): { spec: string; file: string; names: string[] }[] {
  const out: { spec: string; file: string; names: string[] }[] = [];
  for (const st of parse(file).statements) {
    if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const spec = st.moduleSpecifier.text;
    if (!spec.startsWith('.')) continue;
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text) : [];
      const whole = !clause || clause.name || (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings));
      if (!whole && named.length === 0) continue;
      out.push({ spec, file: resolveImport(file, spec), names: named });
    } else if (!st.isTypeOnly) {
      out.push({ spec, file: resolveImport(file, spec), names: [] });
    }
  }
  return out;
}

const inScope = (file: string) => /^src\/(elements|styles)\//.test(rel(file));

/** `file` and everything it imports for values, transitively, under src/elements and src/styles. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !inScope(file)) return seen;
  seen.add(file);
  for (const imp of valueImports(file)) closure(imp.file, seen);
  return seen;
}

function findClass(file: string, name: string): ts.ClassDeclaration {
  const found = parse(file).statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name);
  assert.ok(found, `class ${name} not found in ${rel(file)}`);
  return found;
}

/** The element class and the classes it extends that live in this repository. */
function classChain(file: string, name: string): { file: string; node: ts.ClassDeclaration }[] {
  const chain = [{ file, node: findClass(file, name) }];
  for (;;) {
    const last = chain[chain.length - 1]!;
    const base = last.node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!base || !ts.isIdentifier(base)) return chain;
    const imp = valueImports(last.file).find((i) => i.names.includes(base.text));
    if (!imp) return chain; // LitElement and other packages
    chain.push({ file: imp.file, node: findClass(imp.file, base.text) });
  }
}

interface CodeElement {
  tag: string;
  className: string;
  file: string;
  parts: Set<string>;
  tokens: Set<string>;
  slots: Set<string>;
  events: Set<string>;
  /** `@property()` fields: name → attribute name, or null for `attribute: false`. */
  properties: Map<string, string | null>;
  /** Public getters and methods (not lifecycle callbacks, not `@internal`). */
  api: Set<string>;
}

/** `static readonly eventName = 'memorial-…'` of each event class in events.ts. */
function eventNames(): Map<string, string> {
  const file = path.join(root, 'src/elements/shared/events.ts');
  const out = new Map<string, string>();
  for (const m of code(file).matchAll(/class (\w+)[^{]*\{\s*static readonly eventName = '([^']+)'/g)) out.set(m[1]!, m[2]!);
  assert.ok(out.size >= 7, `expected the seven event classes in events.ts, found ${out.size}`);
  return out;
}

const LIFECYCLE = new Set(['connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'adoptedCallback', 'render', 'update', 'updated', 'firstUpdated', 'willUpdate', 'shouldUpdate', 'performUpdate', 'createRenderRoot']);
const isInternal = (node: ts.Node) => ts.getJSDocTags(node).some((t) => t.tagName.text === 'internal');
const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

function propertyDecorator(member: ts.ClassElement): ts.CallExpression | undefined {
  if (!ts.canHaveDecorators(member)) return undefined;
  for (const d of ts.getDecorators(member) ?? []) {
    if (ts.isCallExpression(d.expression) && ts.isIdentifier(d.expression.expression) && d.expression.expression.text === 'property') return d.expression;
  }
  return undefined;
}

function attributeOf(name: string, call: ts.CallExpression): string | null {
  const options = call.arguments[0];
  if (options && ts.isObjectLiteralExpression(options)) {
    const attr = options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'attribute');
    if (attr?.initializer.kind === ts.SyntaxKind.FalseKeyword) return null;
    if (attr && ts.isStringLiteral(attr.initializer)) return attr.initializer.text;
  }
  return name.toLowerCase();
}

function codeElements(): CodeElement[] {
  const events = eventNames();
  // as rollup.config.mjs: every src/elements/<name>/define.ts but shared/ and `_`-prefixed internals
  const dirs = readdirSync(path.join(root, 'src/elements'), { withFileTypes: true }).filter(
    (d) => d.isDirectory() && d.name !== 'shared' && !d.name.startsWith('_') && existsSync(path.join(root, 'src/elements', d.name, 'define.ts')),
  );
  return dirs.map((dir) => {
    const defineFile = path.join(root, 'src/elements', dir.name, 'define.ts');
    const call = /\bdefine\(\s*'([^']+)'\s*,\s*(\w+)\s*\)/.exec(code(defineFile));
    assert.ok(call, `${rel(defineFile)} has no define('memorial-…', Class) call`);
    const [, tag, className] = call as unknown as [string, string, string];
    const imp = valueImports(defineFile).find((i) => i.names.includes(className));
    assert.ok(imp, `${rel(defineFile)} does not import ${className}`);
    const chain = classChain(imp.file, className);
    const files = closure(imp.file);
    const el: CodeElement = { tag, className, file: imp.file, parts: new Set(), tokens: new Set(), slots: new Set(), events: new Set(), properties: new Map(), api: new Set() };
    for (const file of files) {
      const text = code(file);
      for (const m of text.matchAll(/\spart=(?:"([^"]*)"|'([^']*)'|\$\{([^}]*)\})/g)) {
        const values = m[3] !== undefined ? [...m[3].matchAll(/'([^']+)'|"([^"]+)"/g)].map((q) => q[1] ?? q[2] ?? '') : [m[1] ?? m[2] ?? ''];
        for (const v of values) for (const p of v.split(/\s+/).filter(Boolean)) el.parts.add(p);
      }
      for (const m of text.matchAll(/var\(\s*(--memorial-[a-z0-9-]+)/g)) el.tokens.add(m[1]!);
      for (const m of text.matchAll(/<slot\b([^>]*)>/g)) el.slots.add(/\bname="([^"]+)"/.exec(m[1]!)?.[1] ?? '');
      for (const m of text.matchAll(/\bnew (Memorial\w+Event)\b/g)) {
        const name = events.get(m[1]!);
        assert.ok(name, `${rel(file)} constructs ${m[1]}, which events.ts does not declare`);
        el.events.add(name);
      }
    }
    for (const { node } of chain) {
      for (const member of node.members) {
        const name = member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name)) ? member.name.text : undefined;
        if (!name || name.startsWith('#') || name.startsWith('_')) continue;
        if (hasModifier(member, ts.SyntaxKind.PrivateKeyword) || hasModifier(member, ts.SyntaxKind.ProtectedKeyword) || hasModifier(member, ts.SyntaxKind.StaticKeyword)) continue;
        const decorator = propertyDecorator(member);
        if (decorator && !el.properties.has(name)) el.properties.set(name, attributeOf(name, decorator));
        else if ((ts.isGetAccessorDeclaration(member) || ts.isMethodDeclaration(member)) && !LIFECYCLE.has(name) && !isInternal(member)) el.api.add(name);
      }
    }
    return el;
  });
}

// --- the docs pages ----------------------------------------------------------------------------

const DOCS = path.join(root, 'docs/elements');
const pageFor = (tag: string) => path.join(DOCS, `${tag.replace(/^memorial-/, '')}.md`);

/** HTML attributes any element may carry, and those of the native elements inside ours. */
const HTML_ATTRIBUTES = new Set(
  (
    'id class slot part exportparts lang dir hidden title style tabindex role inert popover autofocus nonce is ' +
    'href target rel type name content src alt loading decoding for rows cols value placeholder autocomplete inputmode ' +
    'maxlength minlength required disabled readonly checked selected multiple novalidate action method charset media'
  ).split(' '),
);
const isHtmlAttribute = (name: string) => HTML_ATTRIBUTES.has(name) || /^(aria|data)-/.test(name);

/**
 * `memorial-…` names in the docs that are neither tags nor events: the package, the meta tag's
 * name, and the test plumbing named on the message wall page.
 */
const NOT_EVENTS = new Set(['memorial-elements', 'memorial-api-base', 'memorial-api-server', 'memorial-admin-token', 'memorial-day' /* a campaign kind */]);

/** The made-up element of the foundation page's authoring guide (`MemorialFoo`, `--memorial-foo-*`). */
const FICTIONAL = /^(--)?memorial-foo\b/;

type Kind = 'attribute' | 'property' | 'method' | 'event' | 'slot' | 'part' | 'css-property';
interface Mention {
  kind: Kind;
  name: string;
  /** The element the page or the selector names; undefined: any element. */
  tag: string | undefined;
  /** A prefix (`--memorial-sys-*`): some name must start with it. */
  prefix?: boolean;
  where: string;
}

const codeSpans = (text: string) => [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/** Table column headers that name a kind of thing. */
const COLUMN_KINDS: Record<string, Kind> = { attribute: 'attribute', property: 'property', method: 'method', event: 'event', slot: 'slot', part: 'part', token: 'css-property' };

/** What a page's text names, with `label` (its path) for the messages. */
function mentions(text: string, label: string, pageTag: string | undefined, tags: ReadonlySet<string>): Mention[] {
  const out: Mention[] = [];
  const lines = text.split('\n');
  let fence: string | undefined;
  let heading = '';
  let header: (Kind | undefined)[] | undefined;
  const add = (kind: Kind, name: string, line: number, tag = pageTag, prefix = false) => {
    if (FICTIONAL.test(name) || (tag && FICTIONAL.test(tag))) return;
    out.push({ kind, name, tag, prefix, where: `${label}:${line + 1}` });
  };
  const scanHtml = (text: string, line: number) => {
    for (const m of text.matchAll(/<(memorial-[a-z-]+)((?:\s+[a-z][a-z0-9-]*(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
      if (!tags.has(m[1]!)) continue;
      for (const a of m[2]!.matchAll(/([a-z][a-z0-9-]*)(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)) if (!isHtmlAttribute(a[1]!)) add('attribute', a[1]!, line, m[1]);
    }
    for (const m of text.matchAll(/\bpart="([^"]+)"/g)) for (const p of m[1]!.split(/\s+/)) add('part', p, line);
  };
  const scanAnywhere = (text: string, line: number) => {
    for (const m of text.matchAll(/--memorial-[a-z0-9-]+(\*)?/g)) {
      const name = m[0].replace(/\*$/, '');
      add('css-property', name, line, pageTag, m[1] === '*' || name.endsWith('-'));
    }
    for (const m of text.matchAll(/(memorial-[a-z-]+)?::part\(([a-z0-9-]+)\)/g)) add('part', m[2]!, line, m[1] && tags.has(m[1]) ? m[1] : pageTag);
    for (const m of text.matchAll(/addEventListener\(\s*['"](memorial-[a-z-]+)['"]/g)) add('event', m[1]!, line);
  };

  lines.forEach((line, i) => {
    const fenceMark = /^\s*(```+)(\w*)/.exec(line);
    if (fenceMark) {
      fence = fence ? undefined : fenceMark[2] || 'text';
      return;
    }
    if (fence) {
      scanAnywhere(line, i);
      if (['html', 'css', 'js', 'text'].includes(fence)) scanHtml(line, i);
      return;
    }
    const h = /^#+\s+(.*)$/.exec(line);
    if (h) {
      heading = h[1]!;
      header = undefined;
      return;
    }
    const spans = codeSpans(line);
    for (const span of spans) {
      scanAnywhere(span, i);
      scanHtml(span, i);
      const attr = /^([a-z][a-z0-9-]*)=(?:"[^"]*"|'[^']*'|\S+)$/.exec(span);
      if (attr && !isHtmlAttribute(attr[1]!)) add('attribute', attr[1]!, i);
      if (/^memorial-[a-z]+(-[a-z]+)*$/.test(span) && !tags.has(span) && !NOT_EVENTS.has(span)) add('event', span, i);
    }
    // tables whose columns say what their names are
    if (/^\s*\|/.test(line)) {
      const row = cells(line);
      if (row.every((c) => /^:?-+:?$/.test(c))) return;
      if (!header) {
        header = row.map((c) => COLUMN_KINDS[c.replace(/`/g, '').toLowerCase()]);
        return;
      }
      row.forEach((c, col) => {
        const kind = header?.[col];
        if (!kind) return;
        for (const span of codeSpans(c)) {
          if (kind === 'method') add('method', span.replace(/\(.*$/, ''), i);
          else if (kind === 'property' && span.startsWith('--')) continue; // scanned above
          else if (kind === 'css-property') continue; // scanned above
          else if (/^[a-zA-Z][\w-]*$/.test(span)) add(kind, span, i);
        }
      });
      return;
    }
    header = undefined;
    // "Parts: `a`, `b`" and the paragraphs of a section headed "Parts"
    if (/^Parts:/.test(line.trim()) || /^parts$/i.test(heading)) {
      for (const span of spans) if (/^[a-z][a-z0-9-]*$/.test(span)) add('part', span, i);
    }
    // "Methods: `search()`, `openLeadForm(martyrSummary)`" and "Method: `offer(): Promise<void>`"
    const methods = /\bMethods?:(.*)$/.exec(line);
    if (methods) for (const span of codeSpans(methods[1]!)) if (/^\w+\(/.test(span)) add('method', span.replace(/\(.*$/, ''), i);
  });
  return out;
}

function namesOf(el: ManifestElement, kind: Kind): string[] {
  switch (kind) {
    case 'attribute':
      return el.attributes.map((a) => a.name);
    case 'property':
      return el.members.filter((m) => m.kind === 'field').map((m) => m.name);
    case 'method':
      return el.members.filter((m) => m.kind === 'method').map((m) => m.name);
    case 'event':
      return el.events.map((e) => e.name ?? '');
    case 'slot':
      return el.slots.map((s) => s.name);
    case 'part':
      return el.cssParts.map((p) => p.name);
    case 'css-property':
      return el.cssProperties.map((p) => p.name);
  }
}

/** Mentions that name nothing in the manifest, as readable lines. */
function unknownMentions(list: readonly Mention[], elements: ReadonlyMap<string, ManifestElement>): string[] {
  return list
    .filter((m) => {
      const scope = m.tag ? [elements.get(m.tag)].filter((e): e is ManifestElement => e !== undefined) : [...elements.values()];
      const names = scope.flatMap((el) => namesOf(el, m.kind));
      return !(m.prefix ? names.some((n) => n.startsWith(m.name)) : names.includes(m.name));
    })
    .map((m) => `${m.where}: ${m.kind} ${m.prefix ? `${m.name}*` : m.name}${m.tag ? ` (on <${m.tag}>)` : ''}`);
}

// --- the reference renderer --------------------------------------------------------------------

/** Row names of each `element-reference-<kind>` section of the rendered reference. */
function renderedNames(html: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of html.matchAll(/<section class="element-reference-section element-reference-([a-z-]+)">([\s\S]*?)<\/section>/g)) {
    const names = new Set<string>();
    for (const row of m[2]!.matchAll(/<th scope="row"(?: class="[^"]*")?>(?:<code>([^<]*)<\/code>|\(default\))<\/th>/g)) names.add(row[1] ?? '');
    out.set(m[1]!, names);
  }
  return out;
}

// --- the tests ---------------------------------------------------------------------------------

describe('docs and manifest', () => {
  const manifest = loadManifest();
  const elements = manifestElements(manifest);
  const fromCode = codeElements();
  const tags = new Set(elements.keys());

  it('finds the elements in the code and in the manifest', () => {
    assert.ok(fromCode.length >= 6, `expected at least six define.ts files, found ${fromCode.length}`);
    assert.deepEqual([...tags].sort(), fromCode.map((e) => e.tag).sort(), `the manifest's tags differ from the define.ts files; ${REBUILD}`);
    assert.deepEqual(elementTags(manifest), [...tags].sort());
    for (const el of fromCode) assert.equal(elements.get(el.tag)?.name, el.className, `<${el.tag}> is defined with ${el.className}`);
  });

  describe('(a) code → manifest', () => {
    for (const el of fromCode) {
      it(`<${el.tag}>: parts, tokens, slots, events, properties and methods`, () => {
        const m = elements.get(el.tag);
        assert.ok(m, `<${el.tag}> is not in the manifest; ${REBUILD}`);
        const problems: string[] = [];
        const compare = (what: string, inCode: Iterable<string>, inManifest: readonly string[], both = true) => {
          const documented = new Set(inManifest);
          const real = new Set(inCode);
          for (const n of real) if (!documented.has(n)) problems.push(`${what} ${JSON.stringify(n)} is in the code but not in the manifest (document it in the class JSDoc)`);
          if (both) for (const n of documented) if (!real.has(n)) problems.push(`${what} ${JSON.stringify(n)} is in the manifest but not in the code (stale JSDoc)`);
        };
        compare('part', el.parts, m.cssParts.map((p) => p.name));
        compare('CSS property', el.tokens, m.cssProperties.map((p) => p.name));
        compare('slot', el.slots, m.slots.map((s) => s.name));
        compare('event', el.events, m.events.map((e) => e.name ?? ''));
        const fields = m.members.filter((x) => x.kind === 'field');
        for (const [name, attribute] of el.properties) {
          const field = fields.find((f) => f.name === name);
          if (!field) problems.push(`property ${name} is not in the manifest`);
          if (attribute !== null && !m.attributes.some((a) => a.name === attribute && a.fieldName === name)) problems.push(`attribute ${attribute} (property ${name}) is not in the manifest`);
        }
        compare('getter or method', el.api, m.members.map((x) => x.name), false);
        for (const item of [...m.attributes, ...m.members, ...m.events, ...m.cssParts, ...m.cssProperties]) {
          if (!item.description?.trim()) problems.push(`${item.name} has no description`);
        }
        for (const e of m.events) {
          if (!e.type?.text || !e.detail?.text) problems.push(`event ${e.name} has no class or detail type`);
        }
        assert.deepEqual(problems, [], `<${el.tag}> (${rel(el.file)}); ${REBUILD}:\n  ${problems.join('\n  ')}`);
      });
    }

    it('shows no private or internal members', () => {
      const leaked = [...elements.values()].flatMap((el) =>
        el.members
          .filter((x) => /^[_#]/.test(x.name) || ('privacy' in x && x.privacy && x.privacy !== 'public') || x.static || ['registerTask', 'emitError', 'connectedCallback', 'styles'].includes(x.name))
          .map((x) => `<${el.tagName}>.${x.name}`),
      );
      assert.deepEqual(leaked, []);
    });

    it('package.json points tools at the manifest and the web-types', () => {
      const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { customElements?: string; 'web-types'?: string; exports: Record<string, unknown> };
      assert.equal(pkg.customElements, 'dist/custom-elements.json');
      assert.equal(pkg['web-types'], 'dist/web-types.json');
      assert.equal(pkg.exports['./custom-elements.json'], './dist/custom-elements.json');
    });

    it('the editor files name every element', () => {
      const html = JSON.parse(readFileSync(path.join(root, 'dist/vscode.html-custom-data.json'), 'utf8')) as { tags: { name: string; attributes: { name: string }[] }[] };
      const webTypes = JSON.parse(readFileSync(path.join(root, 'dist/web-types.json'), 'utf8')) as { contributions: { html: { elements: { name: string }[] } } };
      assert.ok(existsSync(path.join(root, 'dist/vscode.css-custom-data.json')));
      assert.deepEqual(html.tags.map((t) => t.name).sort(), [...tags].sort());
      assert.deepEqual(webTypes.contributions.html.elements.map((e) => e.name).sort(), [...tags].sort());
      for (const t of html.tags) assert.deepEqual(t.attributes.map((a) => a.name).sort(), elements.get(t.name)?.attributes.map((a) => a.name).sort());
    });
  });

  describe('(b) manifest → docs', () => {
    for (const [tag, el] of elements) {
      it(`<${tag}>: every name is in the rendered reference, and the page exists`, () => {
        assert.ok(existsSync(pageFor(tag)), `${rel(pageFor(tag))} is missing`);
        const rendered = renderedNames(elementReferenceHtml(manifest, tag));
        const expect: [string, string[]][] = [
          ['attributes', el.attributes.map((a) => a.name)],
          ['properties', el.members.filter((x) => x.kind === 'field').map((x) => x.name)],
          ['methods', el.members.filter((x) => x.kind === 'method').map((x) => x.name)],
          ['events', el.events.map((e) => e.name ?? '')],
          ['slots', el.slots.map((s) => s.name)],
          ['parts', el.cssParts.map((p) => p.name)],
          ['css-properties', el.cssProperties.map((p) => p.name)],
        ];
        const missing = expect.flatMap(([section, names]) => names.filter((n) => !rendered.get(section)?.has(n)).map((n) => `${section}: ${JSON.stringify(n)}`));
        assert.deepEqual(missing, []);
      });
    }

    it('escapes what it renders and uses no inline style or script', () => {
      const element: ClassDeclaration & CustomElement = {
        kind: 'class',
        customElement: true,
        name: 'X',
        tagName: 'memorial-x',
        summary: '<img src=x onerror=alert(1)>',
        attributes: [{ name: 'a"><script>alert(1)</script>', description: '`<b>` & <i>' }],
        cssParts: [{ name: 'p', description: '" onmouseover="x' }],
      };
      const hostile: Package = { schemaVersion: '1.0.0', modules: [{ kind: 'javascript-module', path: 'src/elements/x/x.ts', declarations: [element] }] };
      const html = elementReferenceHtml(hostile, 'memorial-x');
      // after escaping, every `<` left starts one of the renderer's own tags, with only its own attributes
      const TAGS = new Set(['section', 'p', 'code', 'h2', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'span']);
      for (const m of html.matchAll(/<\/?([a-z][a-z0-9]*)([^>]*)>/g)) {
        assert.ok(TAGS.has(m[1]!), `unexpected tag ${m[0]}`);
        assert.equal(m[2]!.replace(/\s+(class|scope|data-tag)="[^"<>]*"/g, ''), '', `unexpected attribute in ${m[0]}`);
      }
      assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
      assert.match(html, /<code>&lt;b&gt;<\/code> &amp; &lt;i&gt;/);
      assert.throws(() => elementReferenceHtml(hostile, 'memorial-nope'), /memorial-nope/);
    });
  });

  describe('(c) docs → manifest', () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
    for (const page of pages) {
      const tag = `memorial-${page.replace(/\.md$/, '')}`;
      const pageTag = tags.has(tag) ? tag : undefined;
      it(`${page} names only what exists${pageTag ? ` on <${pageTag}>` : ''}`, () => {
        const found = mentions(readFileSync(path.join(DOCS, page), 'utf8'), `docs/elements/${page}`, pageTag, tags);
        assert.ok(found.length > 0 || !pageTag, `${page}: no names found at all`);
        assert.deepEqual(unknownMentions(found, elements), []);
      });
    }

    it('the check itself catches bogus names and lets real ones through', () => {
      const page = [
        '# `<memorial-martyr-card>`',
        '```html',
        '<memorial-martyr-card martyrid="m-1" variant="compact" class="x"><img loading="lazy" alt=""></memorial-martyr-card>',
        '```',
        'Set `varient="compact"` or `variant="full"`; `aria-pressed="true"` and `<a target="_blank">` are HTML.',
        'Tokens `--memorial-martyr-card-nope`, `--memorial-nope-*`, `--memorial-sys-*`, `--memorial-martyr-card-padding`.',
        '```css',
        'memorial-martyr-card::part(portrait) { color: red; } memorial-martyr-card::part(name) {}',
        'memorial-tribute-button::part(icon) {}',
        '```',
        'Rows are `<div part="nope">`, `<div part="field">`. Fires `memorial-tribute` and `memorial-load`; see `memorial-elements`.',
        '',
        '| attribute | property | |',
        '|---|---|---|',
        '| `variant` | `martyrID` | `compact` is not checked here |',
        '| — | `martyr` | |',
        '',
        'Methods: `refresh()`, `recover()`.',
        '',
        '| slot | |',
        '|---|---|',
        '| `footer` | |',
        '| `actions` | |',
        '',
        '## Parts',
        '',
        '`card`, `nope2` (the `<article>`).',
      ].join('\n');
      const bad = unknownMentions(mentions(page, 'fixture.md', 'memorial-martyr-card', tags), elements).map((line) => line.replace(/^fixture\.md:\d+: /, ''));
      assert.deepEqual(bad.sort(), [
        'attribute martyrid (on <memorial-martyr-card>)',
        'attribute varient (on <memorial-martyr-card>)',
        'css-property --memorial-martyr-card-nope (on <memorial-martyr-card>)',
        'css-property --memorial-nope-* (on <memorial-martyr-card>)',
        'event memorial-tribute (on <memorial-martyr-card>)',
        'method refresh (on <memorial-martyr-card>)',
        'part nope (on <memorial-martyr-card>)',
        'part nope2 (on <memorial-martyr-card>)',
        'part portrait (on <memorial-martyr-card>)',
        'property martyrID (on <memorial-martyr-card>)',
        'slot footer (on <memorial-martyr-card>)',
      ]);
    });
  });
});

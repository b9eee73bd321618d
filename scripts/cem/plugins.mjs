// The analyzer plugins behind custom-elements-manifest.config.mjs: they add only what the code
// already says (where each tag is defined, event classes and their `detail` types, token
// defaults) and take out what is not public API.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const outdir = 'dist';

/**
 * The published module that defines (and exports) an element class: the class in
 * `src/elements/<name>/*.ts` is registered by `src/elements/<name>/define.ts`, built to
 * `dist/elements/<name>.define.js`.
 */
export const publishedDefineModule = (modulePath) => modulePath.replace(/^src\/elements\/([^/]+)\/[^/]+\.ts$/, 'dist/elements/$1.define.js');

/**
 * Our `define(tag, Class)` (src/elements/shared/define.ts) wraps `customElements.define`, which
 * the analyzer does not see through: record each call as the module's
 * `custom-element-definition` export, as the analyzer does for `customElements.define`.
 */
export function defineCallsPlugin() {
  return {
    name: 'memorial: define() calls',
    analyzePhase({ ts: tsApi, node, moduleDoc }) {
      if (!tsApi.isCallExpression(node) || !tsApi.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !tsApi.isStringLiteral(tag) || !tsApi.isIdentifier(klass)) return;
      const source = node.getSourceFile();
      let module = moduleDoc.path;
      for (const statement of source.statements) {
        if (!tsApi.isImportDeclaration(statement) || !tsApi.isStringLiteral(statement.moduleSpecifier)) continue;
        const named = statement.importClause?.namedBindings;
        if (named && tsApi.isNamedImports(named) && named.elements.some((e) => e.name.text === klass.text)) {
          const spec = statement.moduleSpecifier.text;
          module = spec.startsWith('.') ? path.posix.join(path.posix.dirname(moduleDoc.path), spec).replace(/\.js$/, '.ts') : spec;
        }
      }
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } }];
    },
  };
}

/** Lifecycle callbacks and framework hooks: public in JavaScript, never called by a user. */
const NOT_API = new Set(['connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'adoptedCallback', 'styles', 'shadowRootOptions']);

/**
 * Only the public API: drops `#private`, `private` and `protected` members (also those inherited
 * from GuardedElement / MemorialElement / LitElement), `_`-prefixed names, lifecycle callbacks
 * and static members. Runs after the analyzer's inheritance step.
 */
export function publicApiPlugin() {
  const isPublic = (m) => !m.static && !NOT_API.has(m.name) && !/^[_#]/.test(m.name) && (m.privacy ?? 'public') === 'public';
  return {
    name: 'memorial: public API only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          if (decl.members) decl.members = decl.members.filter(isPublic);
          if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !/^[_#]/.test(a.fieldName ?? a.name));
          // `pageSize = DEFAULT_PAGE_SIZE`: the analyzer resolves the constant for the field only
          for (const attr of decl.attributes ?? []) {
            const field = decl.members?.find((m) => m.name === attr.fieldName);
            if (field?.default !== undefined) attr.default = field.default;
          }
        }
      }
    },
  };
}

/**
 * MemorialElement and MemorialLeanElement adopt the same token and base styles
 * (src/styles/), so they read the same `--memorial-*` tokens; those are documented once, on
 * MemorialElement, and copied here to the lean base and its subclasses.
 */
export function sharedTokensPlugin({ from, to }) {
  return {
    name: 'memorial: shared tokens',
    packageLinkPhase({ customElementsManifest }) {
      const classes = customElementsManifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind === 'class'));
      const source = classes.find((c) => c.name === from);
      const tokens = (source?.cssProperties ?? []).filter((p) => !p.inheritedFrom);
      const byName = new Map(classes.map((c) => [c.name, c]));
      const extendsTarget = (c) => {
        for (let k = c; k; k = byName.get(k.superclass?.name)) if (k.name === to) return true;
        return false;
      };
      for (const klass of classes.filter(extendsTarget)) {
        const have = new Set((klass.cssProperties ?? []).map((p) => p.name));
        const added = tokens.filter((t) => !have.has(t.name)).map((t) => ({ ...t, inheritedFrom: { name: to } }));
        klass.cssProperties = [...(klass.cssProperties ?? []), ...added];
      }
    },
  };
}

/**
 * Keeps the modules that make up the elements' API: the element classes, the classes they
 * extend, the define modules and the event classes. Helper modules (calendar, fetch guards,
 * the tribute store…) are not part of what a page or an editor needs.
 */
export function pruneModulesPlugin() {
  return {
    name: 'memorial: element modules only',
    packageLinkPhase({ customElementsManifest }) {
      const classes = customElementsManifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind === 'class'));
      const byName = new Map(classes.map((c) => [c.name, c]));
      const keep = new Set();
      for (const el of classes.filter((c) => c.tagName)) {
        for (let k = el; k; k = byName.get(k.superclass?.name)) keep.add(k.name);
        for (const e of el.events ?? []) if (e.type?.text) keep.add(e.type.text.replace(/<.*$/, ''));
      }
      customElementsManifest.modules = customElementsManifest.modules.filter(
        (m) => (m.declarations ?? []).some((d) => keep.has(d.name)) || (m.exports ?? []).some((e) => e.kind === 'custom-element-definition'),
      );
    },
  };
}

/**
 * `variant: MartyrCardVariant`, `kind: TributeKind` (a `z.infer` of a zod enum): editors can only
 * offer values they can see, so a type alias that stands for a union of literals is spelled out
 * as `expandedType` (`'compact' | 'full'`), read with the TypeScript checker over the element
 * modules (about 3 s). `typesSrc: 'expandedType'` below makes the editor files use it.
 */
export function expandedTypesPlugin() {
  return {
    name: 'memorial: expanded types',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules.filter((m) => (m.declarations ?? []).some((d) => d.kind === 'class' && d.tagName));
      const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      const program = ts.createProgram(
        modules.map((m) => path.join(root, m.path)),
        { ...config?.options, noEmit: true },
      );
      const checker = program.getTypeChecker();
      const literal = (t) => t.isStringLiteral() || t.isNumberLiteral() || (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0;
      for (const mod of modules) {
        const source = program.getSourceFile(path.join(root, mod.path));
        for (const decl of (mod.declarations ?? []).filter((d) => d.kind === 'class' && d.tagName)) {
          const node = source?.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === decl.name);
          if (!node) continue;
          const instance = checker.getTypeAtLocation(node);
          const expand = (name, typeText) => {
            if (!typeText || !/^[A-Z]\w*$/.test(typeText)) return undefined;
            const symbol = instance.getProperty(name);
            if (!symbol) return undefined;
            const type = checker.getTypeOfSymbolAtLocation(symbol, node);
            const parts = type.isUnion() ? type.types : [type];
            if (!parts.every(literal)) return undefined;
            return { text: parts.map((t) => checker.typeToString(t).replace(/^"(.*)"$/, "'$1'")).join(' | ') };
          };
          for (const m of decl.members ?? []) {
            const expanded = m.kind === 'field' && expand(m.name, m.type?.text);
            if (expanded) m.expandedType = expanded;
          }
          for (const a of decl.attributes ?? []) {
            const expanded = a.fieldName && expand(a.fieldName, a.type?.text);
            if (expanded) a.expandedType = expanded;
          }
        }
      }
    },
  };
}

/**
 * The VS Code and JetBrains generators list every element's CSS properties and parts in one
 * flat list, so the shared tokens came out once per element: keep the first of each name.
 */
export function dedupeEditorFilesPlugin() {
  const first = (list) => list && list.filter((item, i) => list.findIndex((other) => other.name === item.name) === i);
  return {
    name: 'memorial: dedupe editor files',
    packageLinkPhase() {
      const rewrite = (file, edit) => {
        const full = path.join(root, outdir, file);
        const data = JSON.parse(readFileSync(full, 'utf8'));
        edit(data);
        writeFileSync(full, `${JSON.stringify(data, null, 2)}\n`);
      };
      rewrite('vscode.css-custom-data.json', (d) => {
        d.properties = first(d.properties);
        d.pseudoElements = first(d.pseudoElements);
      });
      rewrite('web-types.json', (d) => {
        const css = d.contributions?.css ?? {};
        for (const key of Object.keys(css)) css[key] = first(css[key]);
      });
    },
  };
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every `--memorial-*` token's first declared value (its default) in src/styles and src/elements. */
function tokenDefaults() {
  const defaults = new Map();
  for (const file of [...sourceFiles(path.join(root, 'src/styles')), ...sourceFiles(path.join(root, 'src/elements'))]) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of text.matchAll(/(?<![\w(-])(--memorial-[a-z0-9-]+)\s*:\s*([^;]+);/g)) {
      if (!defaults.has(m[1])) defaults.set(m[1], m[2].replace(/\s*!important$/, '').trim());
    }
  }
  return defaults;
}

/** Fills in each documented CSS custom property's default from its declaration (JSDoc may override). */
export function tokenDefaultsPlugin() {
  return {
    name: 'memorial: token defaults',
    packageLinkPhase({ customElementsManifest }) {
      const defaults = tokenDefaults();
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          for (const prop of decl.cssProperties ?? []) if (prop.default === undefined && defaults.has(prop.name)) prop.default = defaults.get(prop.name);
        }
      }
    },
  };
}

/**
 * Event classes and `detail` types, read from src/elements/shared/events.ts: each class's
 * `static readonly eventName` and the `MemorialEvent<Detail>` it extends. An event's `type` is its
 * class (`@fires {MemorialLoadEvent<Martyr>} memorial-load` in JSDoc narrows it; without a type
 * the class is looked up by name), and `detail` (not in the manifest schema, like the
 * `expandedType` fields of other plugins) spells the detail out, type arguments applied.
 */
function eventInfo() {
  const file = path.join(root, 'src/elements/shared/events.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const interfaces = new Map();
  const classes = new Map();
  for (const st of source.statements) {
    if (ts.isInterfaceDeclaration(st)) {
      const params = (st.typeParameters ?? []).map((p) => p.name.text);
      const members = st.members.filter(ts.isPropertySignature).map((m) => `${m.name.getText()}${m.questionToken ? '?' : ''}: ${m.type?.getText() ?? 'unknown'}`);
      interfaces.set(st.name.text, { params, text: `{ ${members.join('; ')} }` });
    }
    if (ts.isClassDeclaration(st) && st.name) {
      const eventName = st.members
        .filter(ts.isPropertyDeclaration)
        .find((m) => m.name.getText() === 'eventName' && m.initializer)
        ?.initializer?.getText()
        .match(/'([^']+)'/)?.[1];
      const base = st.heritageClauses?.[0]?.types[0];
      const detailRef = base?.typeArguments?.[0];
      if (eventName && detailRef && ts.isTypeReferenceNode(detailRef)) {
        classes.set(st.name.text, {
          eventName,
          params: (st.typeParameters ?? []).map((p) => p.name.text),
          detail: detailRef.typeName.getText(),
          detailArgs: (detailRef.typeArguments ?? []).map((a) => a.getText()),
        });
      }
    }
  }
  return { interfaces, classes };
}

const substitute = (text, params, args) =>
  params.reduce((t, p, i) => (args[i] === undefined ? t : t.replace(new RegExp(`\\b${p}\\b`, 'g'), args[i])), text);

export function eventTypesPlugin() {
  return {
    name: 'memorial: event types',
    packageLinkPhase({ customElementsManifest }) {
      const { interfaces, classes } = eventInfo();
      const names = new Set([...classes.values()].map((c) => c.eventName));
      const classFor = (name) => [...classes].find(([, c]) => c.eventName === name)?.[0];
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          // the analyzer also lists any `dispatchEvent(new X(…))`; only our events are API (not the context protocol's request)
          if (decl.events) decl.events = decl.events.filter((e) => names.has(e.name));
          for (const event of decl.events ?? []) {
            const declared = event.type?.text?.match(/^(\w+)(?:<(.*)>)?$/);
            const className = declared && classes.has(declared[1]) ? declared[1] : classFor(event.name);
            const info = className && classes.get(className);
            if (!info || info.eventName !== event.name) continue;
            const given = declared?.[1] === className && declared[2] ? declared[2].split(/,\s*/) : [];
            const args = info.params.map((_p, i) => given[i] ?? 'unknown');
            const detailArgs = info.detailArgs.map((a) => substitute(a, info.params, args));
            const detail = interfaces.get(info.detail);
            event.type = { text: declared?.[1] === className ? event.type.text : className };
            if (detail) event.detail = { text: substitute(detail.text, detail.params, detail.params.map((_p, i) => detailArgs[i] ?? 'unknown')) };
          }
        }
      }
    },
  };
}

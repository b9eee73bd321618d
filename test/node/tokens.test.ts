/**
 * Design tokens and embedding hygiene of the element sources (src/):
 * - every `--memorial-*` token used through var() is declared somewhere, and every declared
 *   token is used (so the documented token list is the real one);
 * - no rem units (sizes are px or em relative to the host);
 * - no `style=` bindings or styleMap (a strict `style-src 'self'` CSP refuses them);
 * - the version define() reports matches package.json.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return files(p);
    return /\.(ts|css)$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Source text without comments (docs may show tokens in examples without declaring them). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

const sources = files(src).map((file) => ({ file: path.relative(root, file), text: code(file) }));

export function tokenUsage(texts: readonly { file: string; text: string }[]) {
  const used = new Map<string, string[]>();
  const declared = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, f: string) => m.set(k, [...(m.get(k) ?? []), f]);
  for (const { file, text } of texts) {
    for (const m of text.matchAll(/var\(\s*(--memorial-[a-z0-9-]+)/g)) add(used, m[1] as string, file);
    for (const m of text.matchAll(/(?<![\w(-])(--memorial-[a-z0-9-]+)\s*:/g)) add(declared, m[1] as string, file);
  }
  return { used, declared };
}

describe('design tokens', () => {
  const { used, declared } = tokenUsage(sources);

  it('finds tokens at all', () => {
    assert.ok(declared.size > 20, `expected the token tiers in src/styles, found ${declared.size} declarations`);
    for (const tier of ['--memorial-ref-', '--memorial-sys-']) {
      assert.ok([...declared.keys()].some((k) => k.startsWith(tier)), `no ${tier}* tokens`);
    }
  });

  it('declares every token it uses', () => {
    const missing = [...used.keys()].filter((k) => !declared.has(k)).map((k) => `${k} (used in ${used.get(k)?.join(', ')})`);
    assert.deepEqual(missing, [], `tokens used but never declared:\n  ${missing.join('\n  ')}`);
  });

  it('uses every token it declares', () => {
    const unused = [...declared.keys()].filter((k) => !used.has(k)).map((k) => `${k} (declared in ${declared.get(k)?.join(', ')})`);
    assert.deepEqual(unused, [], `tokens declared but never used:\n  ${unused.join('\n  ')}`);
  });

  it('the check itself catches both mistakes', () => {
    const r = tokenUsage([{ file: 'x.ts', text: ':host { --memorial-a: 1px; width: var(--memorial-b); }' }]);
    assert.deepEqual([...r.declared.keys()], ['--memorial-a']);
    assert.deepEqual([...r.used.keys()], ['--memorial-b']);
  });
});

describe('embedding hygiene of element sources', () => {
  const styled = sources.filter((s) => /^src\/(elements|styles)\//.test(s.file.split(path.sep).join('/')));

  it('sizes in px or em, never rem', () => {
    const offenders = styled.filter((s) => /\d(\.\d+)?rem\b/.test(s.text)).map((s) => s.file);
    assert.deepEqual(offenders, []);
  });

  it('no style= bindings or styleMap (strict style-src CSP)', () => {
    const offenders = styled.filter((s) => /\sstyle\s*=|styleMap|unsafeCSS/.test(s.text)).map((s) => s.file);
    assert.deepEqual(offenders, []);
  });

  it('no is= customized built-ins', () => {
    const offenders = styled.filter((s) => /customElements\.define\([^)]*extends|\sis\s*=\s*["']/.test(s.text)).map((s) => s.file);
    assert.deepEqual(offenders, []);
  });

  it('the version define() reports matches package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const version = /VERSION\s*=\s*'([^']+)'/.exec(readFileSync(path.join(src, 'elements/shared/version.ts'), 'utf8'))?.[1];
    assert.equal(version, pkg.version);
  });
});

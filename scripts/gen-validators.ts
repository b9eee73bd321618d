// Browser validators generated from the zod contract (issue 15): what a page needs to check an
// API answer, without zod's runtime (about 10 KB gzip for the Campaign schema alone).
//
//   node --import tsx scripts/gen-validators.ts           writes src/contract/generated/validators.ts
//   node --import tsx scripts/gen-validators.ts --check   fails when that file is not what the contract gives
//
// The output is plain code (no `eval`, no `new Function`: strict CSP) that applies exactly the
// schema's checks: types, enums, literals, unions, nullable/optional, arrays, objects (unknown
// keys dropped, as zod does), regular expressions, lengths, and the contract's own rules by
// calling the same functions (rules.ts) the schemas refine with. A check it does not know (a
// bare `z.refine`) stops the generation instead of being skipped.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as z from 'zod/mini';
import { Campaign, CampaignIdParam } from '../src/contract/campaign.js';
import { ErrorBody } from '../src/contract/error.js';
import { ruleCalls } from '../src/contract/refine.js';

/** Exported name → schema, and the contract type its data has. */
const TARGETS: { name: string; schema: z.core.$ZodType; type: string; from: string }[] = [
  { name: 'validateCampaign', schema: Campaign, type: 'Campaign', from: '../campaign.js' },
  { name: 'validateCampaignIdParam', schema: CampaignIdParam, type: 'CampaignIdParam', from: '../campaign.js' },
  { name: 'validateErrorBody', schema: ErrorBody, type: 'ErrorBody', from: '../error.js' },
];

const OUT = fileURLToPath(new URL('../src/contract/generated/validators.ts', import.meta.url));

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  format?: string;
  pattern?: RegExp;
  check?: string;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  maximum?: number;
  minimum?: number;
  error?: unknown;
}

const defOf = (s: z.core.$ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The message a check was given (`z.regex(re, 'message')`), else `fallback`. */
function messageOf(def: CheckDef, fallback: string): string {
  const e = def.error;
  const m = typeof e === 'function' ? (e as (issue: unknown) => unknown)({}) : e;
  return typeof m === 'string' ? m : fallback;
}

const functions: string[] = [];
const ids = new Map<z.core.$ZodType, string>();
const bodies = new Map<string, string>();
const q = (v: unknown) => JSON.stringify(v);
const push = (message: string) => `is.push({ path: p, message: ${q(message)} });`;

/** One check on a value of the node's type (string, array or object). */
function checkCode(check: { _zod: { def: CheckDef } }, what: 'string' | 'array' | 'object'): string {
  const rule = ruleCalls.get(check);
  if (rule) {
    const args = [what === 'object' ? 'o' : 'v', ...rule.args.map(q)].join(', ');
    const path = rule.path ? `{ path: at(p, ${q(rule.path.join('.'))}), message: ${q(rule.message)} }` : `{ path: p, message: ${q(rule.message)} }`;
    return `if (!rules.${rule.name}(${args})) is.push(${path});`;
  }
  const def = check._zod.def;
  if (def.check === 'string_format' && def.pattern) return `if (!${def.pattern}.test(v)) ${push(messageOf(def, `must match ${def.pattern}`))}`;
  if (def.check === 'max_length') return `if (v.length > ${def.maximum}) ${push(messageOf(def, `must have at most ${def.maximum} ${what === 'array' ? 'items' : 'characters'}`))}`;
  if (def.check === 'min_length') return `if (v.length < ${def.minimum}) ${push(messageOf(def, `must have at least ${def.minimum} ${what === 'array' ? 'items' : 'characters'}`))}`;
  throw new Error(`gen-validators: no browser form for the check ${q(def.check)} (a bare z.refine? use rule() from refine.ts)`);
}

/** The name of the function that checks `schema`: `(v, p, is) => output`. */
function fn(schema: z.core.$ZodType): string {
  const known = ids.get(schema);
  if (known) return known;
  const def = defOf(schema);
  const body: string[] = [];
  const checks = def.checks ?? [];
  switch (def.type) {
    case 'string':
      body.push(`if (typeof v !== 'string') { ${push('must be a string')} return v; }`);
      // z.iso.date() and friends: the schema is itself a format check.
      if (def.check === 'string_format' && def.pattern) body.push(`if (!${def.pattern}.test(v)) ${push(`must be a ${def.format ?? 'formatted string'}`)}`);
      for (const c of checks) body.push(checkCode(c, 'string'));
      body.push('return v;');
      break;
    case 'boolean':
    case 'number':
      if (checks.length) throw new Error(`gen-validators: checks on ${def.type} are not supported yet`);
      body.push(`if (typeof v !== '${def.type}'${def.type === 'number' ? ' || !Number.isFinite(v)' : ''}) ${push(`must be a ${def.type}`)}`, 'return v;');
      break;
    case 'enum':
      body.push(`if (!${q(Object.values(def.entries ?? {}))}.includes(v as string)) ${push('must be one of the known values')}`, 'return v;');
      break;
    case 'literal':
      body.push(`if (!${q(def.values)}.includes(v)) ${push(`must be ${(def.values ?? []).map((x) => q(x)).join(' or ')}`)}`, 'return v;');
      break;
    case 'nullable':
      body.push(`return v === null ? null : ${fn(def.innerType!)}(v, p, is);`);
      break;
    case 'optional':
      body.push(`return v === undefined ? undefined : ${fn(def.innerType!)}(v, p, is);`);
      break;
    case 'union':
      body.push(
        `for (const option of [${def.options!.map(fn).join(', ')}]) {`,
        '  const own: Issues = [];',
        '  const out = option(v, p, own);',
        '  if (!own.length) return out;',
        '}',
        push('matches none of the allowed forms'),
        'return v;',
      );
      break;
    case 'array':
      body.push(`if (!Array.isArray(v)) { ${push('must be an array')} return v; }`);
      for (const c of checks) body.push(checkCode(c, 'array'));
      body.push(`return v.map((item, i) => ${fn(def.element!)}(item, at(p, i), is));`);
      break;
    case 'object': {
      body.push(`if (!isObject(v)) { ${push('must be an object')} return v; }`);
      if (checks.length) body.push('const before = is.length;');
      body.push('const o: Record<string, unknown> = {};');
      for (const [key, value] of Object.entries(def.shape ?? {})) {
        const optional = defOf(value).type === 'optional';
        const line = `o[${q(key)}] = ${fn(value)}(v[${q(key)}], at(p, ${q(key)}), is);`;
        body.push(optional ? `if (v[${q(key)}] !== undefined) ${line}` : line);
      }
      // As zod: the object's own checks run once its fields are valid.
      if (checks.length) body.push('if (is.length === before) {', ...checks.map((c) => `  ${checkCode(c, 'object')}`), '}');
      body.push('return o;');
      break;
    }
    default:
      throw new Error(`gen-validators: no browser form for zod type ${q(def.type)}`);
  }
  // Schemas built alike (every `text(1, 100)`) share one function.
  const code = body.map((l) => `  ${l}`).join('\n');
  let id = bodies.get(code);
  if (!id) {
    id = `c${bodies.size}`;
    bodies.set(code, id);
    functions.push(`function ${id}(v: any, p: string, is: Issues): unknown {\n${code}\n}`);
  }
  ids.set(schema, id);
  return id;
}

const exports = TARGETS.map(({ name, schema, type }) => {
  const id = fn(schema);
  return `/** The contract's \`${type}\` schema as a browser check: the data with only the schema's fields, or the issues. */\nexport const ${name} = (value: unknown): Checked<z.output<typeof ${type}>> => run(${id}, value);`;
});
const typeImports = new Map<string, string[]>();
for (const t of TARGETS) typeImports.set(t.from, [...(typeImports.get(t.from) ?? []), t.type]);

const source = `// Generated by scripts/gen-validators.ts from the zod contract: do not edit.
// \`npm run build:validators\` regenerates it; test/node/validators.test.ts checks it is current
// and that it agrees with the schemas.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type * as z from 'zod/mini';
import { rules } from '../rules.js';
${[...typeImports].map(([from, types]) => `import type { ${types.sort().join(', ')} } from '${from}';`).join('\n')}

type Issues = { path: string; message: string }[];
export type Checked<T> = { data: T; issues?: undefined } | { data?: undefined; issues: Issues };

const at = (p: string, key: string | number): string => (p ? \`\${p}.\${key}\` : String(key));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function run<T>(check: (v: unknown, p: string, is: Issues) => unknown, value: unknown): Checked<T> {
  const issues: Issues = [];
  const data = check(value, '', issues);
  return issues.length ? { issues } : { data: data as T };
}

${functions.join('\n\n')}

${exports.join('\n\n')}
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== source) {
    console.error('gen-validators: src/contract/generated/validators.ts is stale; run `npm run build:validators`');
    process.exit(1);
  }
  console.log('gen-validators: src/contract/generated/validators.ts is current');
} else {
  writeFileSync(OUT, source);
  console.log(`gen-validators: wrote ${TARGETS.length} validators to src/contract/generated/validators.ts`);
}

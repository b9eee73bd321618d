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
import { CalendarCampaign, Campaign, CampaignIdParam } from '../src/contract/campaign.js';
import { ErrorBody } from '../src/contract/error.js';
import { ruleCalls } from '../src/contract/refine.js';

/** Exported name → schema, and the contract type its data has. */
const TARGETS: { name: string; schema: z.core.$ZodType; type: string; from: string }[] = [
  { name: 'validateCampaign', schema: Campaign, type: 'Campaign', from: '../campaign.js' },
  { name: 'validateCalendarCampaign', schema: CalendarCampaign, type: 'CalendarCampaign', from: '../campaign.js' },
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

/** One check as a `[test, message]` pair (the object's own checks also carry a path). */
function testCode(check: { _zod: { def: CheckDef } }, what: 'string' | 'array' | 'object'): string {
  const rule = ruleCalls.get(check);
  if (rule) {
    const args = rule.args.map((a) => `, ${q(a)}`).join('');
    const test = args ? `(x) => rules.${rule.name}(x${args})` : `rules.${rule.name}`;
    return `[${test}, ${q(rule.message)}${rule.path ? `, ${q(rule.path.join('.'))}` : ''}]`;
  }
  const def = check._zod.def;
  const unit = what === 'array' ? 'items' : 'characters';
  if (def.check === 'string_format' && def.pattern) return `[(x) => ${def.pattern}.test(x), ${q(messageOf(def, `must match ${def.pattern}`))}]`;
  if (def.check === 'max_length') return `[(x) => x.length <= ${def.maximum}, ${q(messageOf(def, `must have at most ${def.maximum} ${unit}`))}]`;
  if (def.check === 'min_length') return `[(x) => x.length >= ${def.minimum}, ${q(messageOf(def, `must have at least ${def.minimum} ${unit}`))}]`;
  throw new Error(`gen-validators: no browser form for the check ${q(def.check)} (a bare z.refine? use rule() from refine.ts)`);
}

const list = (items: string[]) => (items.length ? `[${items.join(', ')}]` : '[]');

/** The name of the constant that checks `schema` (a `Check`), declared after those it uses. */
function fn(schema: z.core.$ZodType): string {
  const known = ids.get(schema);
  if (known) return known;
  const def = defOf(schema);
  const checks = def.checks ?? [];
  let expr: string;
  switch (def.type) {
    case 'string': {
      // z.iso.date() and friends: the schema is itself a format check.
      const own = def.check === 'string_format' && def.pattern ? [`[(x) => ${def.pattern}.test(x), ${q(`must be a ${def.format ?? 'formatted string'}`)}]`] : [];
      expr = `value((x) => typeof x === 'string', 'must be a string', ${list([...own, ...checks.map((c) => testCode(c, 'string'))])})`;
      break;
    }
    case 'boolean':
    case 'number':
      if (checks.length) throw new Error(`gen-validators: checks on ${def.type} are not supported yet`);
      expr = `value((x) => typeof x === '${def.type}'${def.type === 'number' ? ' && Number.isFinite(x)' : ''}, 'must be a ${def.type}')`;
      break;
    case 'enum':
      expr = `value((x) => ${q(Object.values(def.entries ?? {}))}.includes(x), 'must be one of the known values')`;
      break;
    case 'literal':
      expr = `value((x) => ${q(def.values)}.includes(x), ${q(`must be ${(def.values ?? []).map((x) => q(x)).join(' or ')}`)})`;
      break;
    case 'nullable':
      expr = `nullable(${fn(def.innerType!)})`;
      break;
    case 'optional':
      expr = `optional(${fn(def.innerType!)})`;
      break;
    case 'union':
      expr = `union(${list(def.options!.map(fn))})`;
      break;
    case 'array':
      expr = `array(${fn(def.element!)}, ${list(checks.map((c) => testCode(c, 'array')))})`;
      break;
    case 'object': {
      const fields = Object.entries(def.shape ?? {}).map(([key, value]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : q(key)}: ${fn(value)}`);
      expr = `object({ ${fields.join(', ')} }${checks.length ? `, ${list(checks.map((c) => testCode(c, 'object')))}` : ''})`;
      break;
    }
    default:
      throw new Error(`gen-validators: no browser form for zod type ${q(def.type)}`);
  }
  // Schemas built alike (every `text(1, 100)`) share one check.
  let id = bodies.get(expr);
  if (!id) {
    id = `c${bodies.size}`;
    bodies.set(expr, id);
    functions.push(`const ${id}: Check = /* @__PURE__ */ ${expr};`);
  }
  ids.set(schema, id);
  return id;
}

const exports = TARGETS.map(({ name, schema, type }) => {
  const id = fn(schema);
  return `/** The contract's \`${type}\` schema as a browser check: the data with only the schema's fields, or the issues. */\nexport const ${name} = (value: unknown): Checked<z.output<typeof ${type}>> => check(${id}, value);`;
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
/** Checks \`v\` at path \`p\`, adding what is wrong to \`is\`; returns the output (as zod's: unknown keys dropped). */
type Check = (v: any, p: string, is: Issues) => unknown;
/** A test and the message when it fails; an object's own tests may name the field (\`path\`). */
type Test = readonly [(v: any) => boolean, string, string?];

const at = (p: string, key: string | number): string => (p ? \`\${p}.\${key}\` : String(key));
const fail = (is: Issues, path: string, message: string): void => void is.push({ path, message });
const run = (v: unknown, p: string, is: Issues, tests: readonly Test[]): void => {
  for (const [test, message, path] of tests) if (!test(v)) fail(is, path ? at(p, path) : p, message);
};

/** A value \`ok\` accepts (else \`message\`), then every test. */
const value = (ok: (v: any) => boolean, message: string, tests: readonly Test[] = []): Check => (v, p, is) => {
  if (!ok(v)) fail(is, p, message);
  else run(v, p, is, tests);
  return v;
};
const nullable = (check: Check): Check => (v, p, is) => (v === null ? null : check(v, p, is));
const optional = (check: Check): Check => (v, p, is) => (v === undefined ? undefined : check(v, p, is));
/** The first option that takes the value without issues. */
const union = (options: readonly Check[]): Check => (v, p, is) => {
  for (const option of options) {
    const own: Issues = [];
    const out = option(v, p, own);
    if (!own.length) return out;
  }
  fail(is, p, 'matches none of the allowed forms');
  return v;
};
const array = (item: Check, tests: readonly Test[]): Check => (v, p, is) => {
  if (!Array.isArray(v)) return fail(is, p, 'must be an array'), v;
  run(v, p, is, tests);
  return v.map((x, i) => item(x, at(p, i), is));
};
/** The shape's fields only; the object's own tests run once its fields are valid, as zod's do. */
const object = (shape: Record<string, Check>, tests: readonly Test[] = []): Check => (v, p, is) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(is, p, 'must be an object'), v;
  const before = is.length;
  const o: Record<string, unknown> = {};
  for (const key in shape) {
    const out = shape[key]!(v[key], at(p, key), is);
    if (out !== undefined) o[key] = out;
  }
  if (is.length === before) run(o, p, is, tests);
  return o;
};

function check<T>(root: Check, value: unknown): Checked<T> {
  const issues: Issues = [];
  const data = root(value, '', issues);
  return issues.length ? { issues } : { data: data as T };
}

${functions.join('\n')}

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

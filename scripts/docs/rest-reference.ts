/**
 * The REST reference page, generated from the OpenAPI document (server/openapi.ts), which is in
 * turn generated from the contract's route table: one section per operation with method, path,
 * auth, parameters, request body and responses, and the named schemas at the end. JSON Schema is
 * written compactly, TypeScript-like: `{ name: string, sex?: "male" | "female" | null }`.
 */
import { escapeHtml } from './markdown.js';

type Schema = {
  $ref?: string;
  type?: string | string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  description?: string;
};

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema: Schema;
}

interface Operation {
  operationId: string;
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, unknown> };
}

export interface OperationRef {
  method: string;
  path: string;
  operationId: string;
}

/** Every operation in the document, in document order. */
export function operations(doc: OpenApiDocument): (OperationRef & { op: Operation })[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, operationId: op.operationId, op })),
  );
}

export const operationAnchor = (operationId: string) => `op-${operationId}`;
const schemaAnchor = (name: string) => `schema-${name}`;

function range(min: number | undefined, max: number | undefined, unit = ''): string {
  if (min === undefined && max === undefined) return '';
  if (min !== undefined && max !== undefined) return min === max ? `${min}${unit}` : `${min}–${max}${unit}`;
  return min !== undefined ? `≥ ${min}${unit}` : `≤ ${max}${unit}`;
}

function scalar(type: string, s: Schema): string {
  const notes: string[] = [];
  if (type === 'string') {
    if (s.format) notes.push(s.format);
    const len = range(s.minLength, s.maxLength, ' chars');
    if (len) notes.push(len);
    if (s.pattern) notes.push(`/${s.pattern}/`);
  } else if (type === 'integer' || type === 'number') {
    const r = range(s.minimum ?? s.exclusiveMinimum, s.maximum ?? s.exclusiveMaximum);
    if (r) notes.push(r);
  }
  return escapeHtml(type) + (notes.length ? ` <span class="constraint">(${escapeHtml(notes.join(', '))})</span>` : '');
}

/** One schema as compact HTML (inside a `<pre>`); `indent` is the current line's indentation. */
export function schemaHtml(s: Schema | boolean | undefined, indent = ''): string {
  if (s === undefined || s === true || (typeof s === 'object' && Object.keys(s).length === 0)) return 'any';
  if (s === false) return 'never';
  let out: string;
  if (s.$ref) {
    const name = s.$ref.split('/').pop() ?? s.$ref;
    out = `<a href="#${schemaAnchor(name)}">${escapeHtml(name)}</a>`;
  } else if (s.anyOf || s.oneOf) {
    out = (s.anyOf ?? s.oneOf ?? []).map((x) => schemaHtml(x, indent)).join(' | ');
  } else if (s.allOf) {
    out = s.allOf.map((x) => schemaHtml(x, indent)).join(' &amp; ');
  } else if (s.const !== undefined) {
    out = escapeHtml(JSON.stringify(s.const));
  } else if (s.enum) {
    out = s.enum.map((v) => escapeHtml(JSON.stringify(v))).join(' | ');
  } else {
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [s.properties ? 'object' : 'any'];
    out = types.map((t) => typed(t, s, indent)).join(' | ');
  }
  if (s.default !== undefined) out += ` = ${escapeHtml(JSON.stringify(s.default))}`;
  return out;
}

function typed(type: string, s: Schema, indent: string): string {
  if (type === 'object') {
    const props = Object.entries(s.properties ?? {});
    if (!props.length) {
      if (s.additionalProperties && typeof s.additionalProperties === 'object') return `{ [key: string]: ${schemaHtml(s.additionalProperties, indent)} }`;
      return '{}';
    }
    const inner = `${indent}  `;
    const required = new Set(s.required ?? []);
    const lines = props.map(([name, p]) => {
      const comment = p.description ? `  <span class="comment">// ${escapeHtml(p.description.replace(/\s+/g, ' '))}</span>` : '';
      return `${inner}${escapeHtml(name)}${required.has(name) ? '' : '?'}: ${schemaHtml(p, inner)}${comment}`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (type === 'array') {
    const item = schemaHtml(s.items, indent);
    const count = range(s.minItems, s.maxItems, ' items');
    return `${/ \| /.test(item) ? `(${item})` : item}[]${count ? ` <span class="constraint">(${escapeHtml(count)})</span>` : ''}`;
  }
  return scalar(type, s);
}

const jsonSchemaOf = (content: Record<string, { schema: Schema }> | undefined) => content?.['application/json']?.schema;

function operationHtml({ method, path, operationId, op }: OperationRef & { op: Operation }): string {
  const admin = Boolean(op.security?.length);
  const params = op.parameters ?? [];
  const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
  const errors = Object.entries(op.responses).filter(([status]) => !status.startsWith('2'));
  const body = jsonSchemaOf(op.requestBody?.content);
  const parts = [
    `<section class="operation" id="${operationAnchor(operationId)}">`,
    `<h3><span class="method method-${method.toLowerCase()}">${method}</span> <code>${escapeHtml(path)}</code></h3>`,
    op.summary ? `<p>${escapeHtml(op.summary).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>` : '',
    `<p class="auth">${
      admin
        ? `<strong>Admin</strong>: staff only, with the role the summary names. A staff session (the <code>memorial_staff</code> cookie from <code>POST /staff/session</code>${method === 'GET' ? '' : ', plus <code>X-CSRF-Token</code>'})${
            JSON.stringify(op.security).includes('apiToken') ? ' or a personal API token (<code>Authorization: Bearer mat_…</code>)' : ' only'
          }.`
        : '<strong>Public</strong>: no credentials.'
    } Operation id <code>${escapeHtml(operationId)}</code>.</p>`,
  ];
  if (params.length) {
    parts.push(
      '<table class="params"><caption>Parameters</caption><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">required</th><th scope="col">schema</th></tr></thead><tbody>',
      ...params.map(
        (p) =>
          `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${schemaHtml(p.schema)}</code>${p.description ? ` ${escapeHtml(p.description)}` : ''}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  if (body) parts.push('<h4>Request body <span class="media-type">application/json</span></h4>', `<pre class="schema">${schemaHtml(body)}</pre>`);
  parts.push('<h4>Responses</h4><dl class="responses">');
  for (const [status, r] of success) {
    const schema = jsonSchemaOf(r.content);
    parts.push(`<dt>${escapeHtml(status)} ${escapeHtml(r.description)}</dt><dd>${schema ? `<pre class="schema">${schemaHtml(schema)}</pre>` : 'no body'}</dd>`);
  }
  if (errors.length) {
    parts.push(
      `<dt>Errors</dt><dd><ul>${errors.map(([status, r]) => `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(r.description).replace(/`([^`]+)`/g, '<code>$1</code>')}</li>`).join('')}</ul>` +
        'Each as <a href="#schema-ErrorBody">ErrorBody</a>.</dd>',
    );
  }
  parts.push('</dl></section>');
  return parts.filter(Boolean).join('\n');
}

/** The body of the REST reference page. `openApiHref` is the served OpenAPI JSON, relative to the page. */
export function restReferenceHtml(doc: OpenApiDocument, openApiHref: string): string {
  const ops = operations(doc);
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? 'other'))];
  const out = [
    '<h1 id="rest-reference">REST reference</h1>',
    `<p>The reference server's API under <code>/api/v1</code>: JSON in and out, generated from the same zod schemas
the server validates with and the SDK checks responses against. The machine-readable document is
<a href="${escapeHtml(openApiHref)}">the OpenAPI 3.1 JSON</a>. Every error is an <a href="#schema-ErrorBody">ErrorBody</a> with a
stable <code>code</code>, a human <code>message</code>, per-field <code>issues</code> for <code>validation_failed</code>, and the
<code>requestId</code> (also in the <code>X-Request-Id</code> header). Every POST takes an optional <code>Idempotency-Key</code>
header: the same key gets the first answer again instead of doing the work twice. Writes are
rate-limited per client address (429 with <code>Retry-After</code>). Admin operations need the server's
bearer token. Schemas are written compactly: <code>name?</code> is optional, <code>A | B</code> is either.</p>`,
    '<nav class="toc" aria-label="Operations"><ul>',
    ...tags.map(
      (tag) =>
        `<li><a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a><ul>${ops
          .filter((o) => (o.op.tags?.[0] ?? 'other') === tag)
          .map((o) => `<li><a href="#${operationAnchor(o.operationId)}"><span class="method">${o.method}</span> ${escapeHtml(o.path)}</a></li>`)
          .join('')}</ul></li>`,
    ),
    '<li><a href="#schemas">Schemas</a></li></ul></nav>',
  ];
  for (const tag of tags) {
    out.push(`<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>`);
    for (const o of ops.filter((x) => (x.op.tags?.[0] ?? 'other') === tag)) out.push(operationHtml(o));
  }
  out.push('<h2 id="schemas">Schemas</h2>');
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    out.push(`<section class="schema-def" id="${schemaAnchor(name)}"><h3>${escapeHtml(name)}</h3><pre class="schema">${schemaHtml(schema)}</pre></section>`);
  }
  return out.join('\n');
}

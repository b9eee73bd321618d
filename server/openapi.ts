import * as z from 'zod/mini';
import * as contract from '../src/contract/index.js';
import { routes, type RouteDef } from '../src/contract/index.js';

/** Schemas that get a name in components.schemas; everything else is inlined where used. */
const NAMED = {
  Martyr: contract.Martyr,
  MartyrSummary: contract.MartyrSummary,
  MartyrSearchPage: contract.MartyrSearchPage,
  TributeSummary: contract.TributeSummary,
  TributeResult: contract.TributeResult,
  Message: contract.Message,
  MessagePage: contract.MessagePage,
  MessageReceipt: contract.MessageReceipt,
  Campaign: contract.Campaign,
  CampaignList: contract.CampaignList,
  CaseReceipt: contract.CaseReceipt,
  // Schemas that embed a named one must be named themselves (zod inlines only unnamed parents).
  CaseMatch: contract.CaseMatch,
  CaseMatchPage: contract.CaseMatchPage,
  RegionList: contract.RegionList,
  Photo: contract.Photo,
  MartyrGrave: contract.MartyrGrave,
  CemeterySummary: contract.CemeterySummary,
  Cemetery: contract.Cemetery,
  CemeteryPage: contract.CemeteryPage,
  Grave: contract.Grave,
  GravePage: contract.GravePage,
  AdminGravePage: contract.AdminGravePage,
  GravePhotoUpload: contract.GravePhotoUpload,
  ErrorBody: contract.ErrorBody,
} as const;

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const reg = z.registry<{ id: string }>();
  if (io === 'output') for (const [id, s] of Object.entries(NAMED)) if (s !== schema) reg.add(s, { id });
  // `uri` turns registered schemas into $refs to components; zod's single-schema typings omit it.
  const params = { target: 'draft-2020-12', io, metadata: reg, unrepresentable: 'any', uri: (id: string) => `#/components/schemas/${id}` };
  const json = z.toJSONSchema(schema, params as Parameters<typeof z.toJSONSchema>[1]) as JsonSchema;
  delete json.$schema;
  return json;
}

const named = (schema: z.core.$ZodType) => {
  const name = Object.entries(NAMED).find(([, s]) => s === schema)?.[0];
  return name ? { $ref: `#/components/schemas/${name}` } : schemaOf(schema, 'output');
};

function parameters(route: RouteDef) {
  const out: unknown[] = [];
  for (const [where, obj] of [['path', route.params], ['query', route.query]] as const) {
    if (!obj) continue;
    const json = schemaOf(obj, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema });
    }
  }
  return out;
}

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Invalid input: `code` is `validation_failed` or `invalid_json`, with `issues` per field',
  '404': 'Not found',
  '413': 'Body too large',
  '415': 'Wrong content type',
  '429': 'Too many requests; wait `Retry-After` seconds',
};

/**
 * How each operation is secured, declared on every one: explicitly public (`[]`), a staff
 * session (the cookie, plus the CSRF header on writes), or either a session or a personal API
 * token for staff routes.
 */
function securityOf(route: RouteDef): Record<string, string[]>[] {
  const session: Record<string, string[]> = route.method === 'GET' ? { staffSession: [] } : { staffSession: [], csrfToken: [] };
  if (route.admin) return [session, { apiToken: [] }];
  if (route.auth === 'session') return [session];
  return [];
}

/** The OpenAPI 3.1 document, generated from the same route table and schemas the server and SDK use. */
export function openApiDocument(serverUrl = '/') {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(routes) as [string, RouteDef][]) {
    const responses: Record<string, unknown> = {
      [String(route.status)]: { description: 'Success', content: { 'application/json': { schema: named(route.response) } } },
    };
    for (const s of route.alsoStatus ?? []) responses[String(s)] = responses[String(route.status)];
    const errors = route.method === 'GET' ? ['400', '404'] : ['400', '404', '413', '415', '429'];
    for (const s of errors) {
      responses[s] = { description: ERROR_STATUSES[s], content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
    }
    const op: Record<string, unknown> = {
      operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: [
        ...parameters(route),
        ...(route.method === 'POST'
          ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Same key, same result: a retry never counts twice', schema: { type: 'string', maxLength: 200 } }]
          : []),
      ],
      responses,
      security: securityOf(route),
    };
    if (route.multipart) {
      const file = { type: 'string', contentMediaType: route.multipart.accept.join(', '), format: 'binary' };
      const schema = { type: 'object', required: [route.multipart.field], properties: { [route.multipart.field]: { oneOf: [file, { type: 'array', items: file }] } } };
      op.requestBody = { required: true, content: { 'multipart/form-data': { schema } } };
    }
    if (route.admin || route.auth === 'session') {
      for (const [code, description] of [['401', 'Not signed in, or the token is unknown or revoked'], ['403', 'Missing role or scope, wrong CSRF token, or a second factor still owed']] as const) {
        responses[code] = { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
      }
    }
    if (route.body) op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = op;
  }
  const components = z.toJSONSchema(
    (() => {
      const reg = z.registry<{ id: string }>();
      for (const [id, s] of Object.entries(NAMED)) reg.add(s, { id });
      return reg;
    })(),
    { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` },
  ) as { schemas: Record<string, JsonSchema> };
  for (const s of Object.values(components.schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'memorial-elements reference API',
      version: '1.0.0',
      description: 'Online commemoration of martyrs (网上祭扫): the roll, tributes, messages, campaigns and relative search.',
    },
    servers: [{ url: serverUrl }],
    paths: Object.fromEntries(Object.entries(paths).map(([p, v]) => [`/api/v1${p}`, v])),
    components: {
      schemas: components.schemas,
      securitySchemes: {
        staffSession: { type: 'apiKey', in: 'cookie', name: 'memorial_staff', description: 'Set by POST /staff/session (HttpOnly, SameSite=Strict)' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The csrfToken answered by POST /staff/session; required with the cookie on every write' },
        apiToken: { type: 'http', scheme: 'bearer', description: 'A personal staff API token (`npm run staff -- token LOGIN --label TEXT`), acting as that person with their roles' },
      },
    },
  };
}

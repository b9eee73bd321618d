// Property-based bad input (issue 7, item 4): fast-check generates malformed requests for every
// route in the contract's route table — wrong types, missing fields, huge strings, deep JSON,
// invalid UTF-8 bytes, lone surrogates, zero-width and bidi controls, SQL- and script-like text,
// wrong content types, oversize bodies, bad path ids, bad query strings, bad headers — and
// asserts that the server only ever answers 2xx/4xx (4xx always with a machine-readable code),
// that it still answers afterwards, and that the database invariants hold. Then rare characters
// outside the BMP round-trip exactly through import, the API and the SDK.
//
// FUZZ_RUNS=N sets the requests per route (default 48: > 1,400 in all); FUZZ_SEED=N replays a run.
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { routes, type RouteDef } from '../../src/contract/index.js';
import { createMemorialAdminClient, createMemorialClient } from '../../src/sdk/index.js';
import { applyRoll, parseRoll } from '../../server/import/roll.js';
import { decodeRollFile } from '../../server/import/text.js';
import { openContact, type SealedRow } from '../../server/relatives/sealed-fields.js';
import { CRAFTED_CURSORS } from '../helpers/crafted.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** As the contract counts them (src/contract/common.ts): nothing a reader can see. */
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 48);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const BODY_LIMIT = 64 * 1024;

let server: TestServer;
/** Real ids the generators mix in, so that some requests get past "not found" into the handlers. */
const known = { martyr: 'sample-0001', message: '', reference: '', campaign: 'qingming-2024' };
/** What the server acknowledged, to compare with the database at the end. */
const acked = { tributes: 0, messages: 0, deletedMessages: 0, requests: 0, byStatus: new Map<number, number>() };

before(async () => {
  server = await startTestServer();
  const posted = await call(server, 'POST', `/martyrs/${known.martyr}/messages`, { json: { text: '英雄永垂不朽' } });
  assert.equal(posted.status, 202);
  known.message = posted.body.id;
  acked.messages++;
  const lead = await call(server, 'POST', '/relative-leads', {
    json: { martyrId: known.martyr, claimantName: '张明', relationship: 'grandchild', mobile: '13800138000', knowledge: '祖父的名字', consent: true },
  });
  assert.equal(lead.status, 201);
  known.reference = lead.body.reference;
});
after(() => server?.close());

// ---- generators --------------------------------------------------------------------------------

/** Text that has broken something somewhere: injections, markup, controls, surrogates, bidi, astral. */
const NASTY = [
  "' OR '1'='1", "'; DROP TABLE tribute_counts; --", "1); DELETE FROM messages; --", "$1", "\\'", '%', '_', 'pg_sleep(10)',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '</textarea><svg onload=alert(1)>',
  '${7*7}', '{{constructor.constructor("alert(1)")()}}', '__proto__', 'constructor', 'prototype',
  '\u200b', '\u200c\u200d', '\u2060', '\ufeff', '\u202e\u2066evil\u2069', '\u061c', '\u00ad',
  '\ud800', '\udfff', 'a\ud83db', '\udc00\ud800', '\u0000', '\u0007', '\u001b[2J', '\u0085', '\u2028\u2029', '\r\n\r\n',
  '𠀋', '𪚥𰻞𡒄', '👨‍👩‍👧', 'é', 'Ω≈ç√∫', '١٢٣', 'ＡＢＣ', '',
  ' ', '\t\n ', 'NaN', 'Infinity', '-0', '1e309', '-1', '0', '99999999999999999999', 'null', 'true', '[]', '{}',
  '../../etc/passwd', '%00', '%ff', '%ED%A0%80', 'current', 'sample-0001',
];
const nasty = fc.constantFrom(...NASTY);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const oddChar = fc.oneof(
  fc.constantFrom('\u200b', '\u200d', '\u202e', '\u2067', '\ufeff', '\u0000', '\u001f', '\u007f', '\u0085', "'", '"', '\\', '<', '&', '𠀋', '𰻞'),
  loneSurrogate,
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: nasty },
  { weight: 3, arbitrary: fc.string({ unit: oddChar, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(nasty, fc.string({ unit: oddChar, maxLength: 4 }), nasty).map((p) => p.join('')) },
  // Longer than every field's limit; the biggest are near the body limit.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', '字', '𠀋', '\u200b'), fc.integer({ min: 65, max: 30_000 })).map(([c, n]) => c.repeat(n)) },
);
/** The same without the very long strings: for paths and query strings, where 16 KiB ends the request early. */
const hostileShort: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: hostileString.filter((s) => s.length < 2000) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 3000 }).map((n) => '字'.repeat(n)) },
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(), // NaN and ±Infinity become null in JSON
    fc.constantFrom(0, -1, 2 ** 53, -(2 ** 31), 1e308, 0.5),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A plausible valid body per route: mutations of it reach the deeper checks. */
const VALID_BODIES: Partial<Record<keyof typeof routes, () => Record<string, unknown>>> = {
  offerTribute: () => ({ kind: 'flower', visitorId: `fuzz-visitor-${Math.random().toString(36).slice(2, 10)}` }),
  postMessage: () => ({ text: '致敬英烈', signature: '后来人' }),
  reportMessage: () => ({ reason: '不当言论' }),
  recordCampaignEvent: () => ({ type: 'impression', origin: 'https://www.example.gov.cn', path: '/news/1.html' }),
  submitLead: () => ({ martyrId: known.martyr, claimantName: '张明', relationship: 'child', mobile: '13912345678', knowledge: '家中族谱', consent: true }),
  registerFamilySearch: () => ({ martyrName: '张大山', claimantName: '张明', relationship: 'grandchild', mobile: '13912345678', knowledge: '1951年入朝', consent: true }),
  adminApproveMessage: () => ({}),
  adminRejectMessage: () => ({ reason: '广告' }),
  adminCreateCampaign: () => ({
    id: `fuzz-${Math.random().toString(36).slice(2, 8)}`, kind: 'other', title: '测试活动', theme: null,
    startDate: '2030-01-01', endDate: '2030-01-31', url: 'https://www.example.gov.cn/', partnerLinks: [],
  }),
  adminUpdateCampaign: () => ({
    id: known.campaign, kind: 'qingming', title: '铸魂·2024清明祭英烈', theme: '铸魂',
    startDate: '2024-03-01', endDate: '2024-04-30', url: 'https://www.chinamartyrs.gov.cn/', partnerLinks: [],
  }),
  adminRevealCase: () => ({ reason: '核实身份' }),
  adminCloseCase: () => ({ reason: '已联系' }),
  adminConfirmMatch: () => ({}),
  adminDismissMatch: () => ({}),
  adminSetSeekingRelatives: () => ({ seeking: true }),
  adminPurgeClosedCases: () => ({}),
  adminRegisterEmbedHost: () => ({ pageUrl: 'https://www.example.gov.cn/zt/qingming/' }),
  // Never a registered origin: the fuzz does not fetch pages off the machine.
  adminCheckEmbedHost: () => ({ origin: 'https://unregistered.example.gov.cn' }),
};

function keysOf(schema: unknown): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; bytes: Buffer; label: string };

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  contentType: string | undefined;
  headers: Record<string, string>;
  body: Body;
}

/** A path segment: a real id, or something no id can be. */
const pathSegment = (valid: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    { weight: 3, arbitrary: hostileShort.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd')).slice(0, 3000)) },
    { weight: 2, arbitrary: fc.constantFrom('%', '%zz', '%ff%fe', '%ED%A0%80', '%C0%80', '%00', '..', '.', '%2e%2e', '%2F', 'a%2Fb', ';', '%3Bx', '%E2%80%AE') },
    { weight: 1, arbitrary: fc.integer({ min: 65, max: 6000 }).map((n) => 'a'.repeat(n)) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
  );

function queryFor(route: RouteDef) {
  const keys = [...keysOf(route.query), 'limit', 'cursor', 'q'];
  const pair = fc.tuple(fc.oneof(fc.constantFrom(...keys), hostileShort), hostileShort);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 4, arbitrary: fc.array(pair, { maxLength: 4 }).map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs.map(([k, v]) => [k, v.replace(/[\ud800-\udfff]/g, '\ufffd')])).toString()}` : '')) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '?limit=%', '?limit=1e999', '?limit=-1', '?limit=0', '?limit=101', '?limit=1.5', '?limit=0x10', '?limit=%00', '?limit=1&limit=abc',
        '?cursor=%FF%FE', '?cursor=' + 'A'.repeat(5000), '?cursor=eyJ4IjoxfQ', '?cursor=W10', '?cursor=WyJ4IiwieSJd', '?q=%ED%A0%80', '?q=' + '%E5%AD%97'.repeat(70),
        '?&&&=&=', '?%', '?=%zz', '?activeAt=now', '?activeAt=2024-13-45T99:99:99Z', '?activeAt=-271821-04-19T00:00:00Z',
        '?parent=110000', '?parent=999999', '?status=all', '?status[]=x', '?deathYearFrom=1e3&deathYearTo=-5', '?seekingRelatives=maybe',
        '?visitorId=%00%00%00%00%00%00%00%00',
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom(...CRAFTED_CURSORS).map((cur) => `?cursor=${encodeURIComponent(cur)}`) },
  );
}

/** A body whose JSON nests `depth` levels. */
const deepJson = (depth: number, open: string, close: string) => Buffer.from(open.repeat(depth) + '1' + close.repeat(depth));

function bodyFor(name: keyof typeof routes, route: RouteDef): fc.Arbitrary<Body> {
  const base = VALID_BODIES[name]?.() ?? {};
  const keys = [...new Set([...Object.keys(base), ...keysOf(route.body)])];
  const mutated = fc
    .tuple(
      fc.subarray(keys.length ? keys : ['x']),
      fc.array(fc.tuple(fc.constantFrom('set', 'delete'), hostileValue), { minLength: keys.length || 1, maxLength: keys.length || 1 }),
      fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'status', 'count')), hostileValue, { maxKeys: 2 }),
    )
    .map(([picked, ops, extra]) => {
      const value: Record<string, unknown> = { ...VALID_BODIES[name]?.() };
      picked.forEach((k, i) => {
        const [op, v] = ops[i % ops.length]!;
        if (op === 'delete') delete value[k];
        else value[k] = v;
      });
      for (const [k, v] of Object.entries(extra)) Object.defineProperty(value, k, { value: v, enumerable: true, configurable: true, writable: true });
      return { kind: 'json', value } as Body;
    });
  const raw = (label: string, bytes: Buffer): Body => ({ kind: 'raw', bytes, label });
  const rawBodies = fc.oneof(
    fc.constantFrom(
      raw('invalid UTF-8', Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
      raw('overlong NUL', Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc0, 0x80, 0x22, 0x7d])),
      raw('CESU surrogate', Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])),
      raw('escaped lone surrogate', Buffer.from('{"text":"\\ud800","kind":"flower","visitorId":"abcdefgh\\udc00","reason":"\\udfff"}')),
      raw('escaped NUL', Buffer.from('{"text":"a\\u0000b","signature":"\\u0000","reason":"\\u0000"}')),
      raw('BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(base))])),
      raw('UTF-16', Buffer.from(JSON.stringify(base), 'utf16le')),
      raw('GBK not UTF-8', Buffer.concat([Buffer.from(JSON.stringify(base).slice(0, -1) + ',"text":"'), Buffer.from([0xd6, 0xc2, 0xbe, 0xb4]), Buffer.from('"}')])),
      raw('truncated', Buffer.from(JSON.stringify(base).slice(0, -1))),
      raw('trailing garbage', Buffer.from(JSON.stringify(base) + '}{')),
      raw('two documents', Buffer.from(JSON.stringify(base) + '\n' + JSON.stringify(base))),
      raw('empty', Buffer.alloc(0)),
      raw('whitespace', Buffer.from(' \n\t ')),
      raw('NUL bytes', Buffer.alloc(64)),
      raw('JS not JSON', Buffer.from("{text:'x',kind:'flower'}")),
      raw('__proto__ pollution', Buffer.from(`{"__proto__":{"isAdmin":true,"status":"approved"},"constructor":{"prototype":{"x":1}},${JSON.stringify(base).slice(1)}`)),
      raw('duplicate keys', Buffer.from(`{"kind":"flower","kind":{"$ne":null},"visitorId":"abcdefgh1","text":"a","text":[]}`)),
      raw('big number', Buffer.from('{"kind":1e400,"visitorId":-0,"seeking":1e-400,"text":123456789012345678901234567890}')),
      raw('deep array 33', deepJson(33, '[', ']')),
      raw('deep array 10000', deepJson(10_000, '[', ']')),
      raw('deep object 200', Buffer.from('{"a":'.repeat(200) + '1' + '}'.repeat(200))),
      raw('many keys', Buffer.from(JSON.stringify(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i]))))),
    ),
    // Bodies over the limit, as one big string field or as padding.
    fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT * 3 }).map((n) => raw(`oversize ${n}`, Buffer.from(JSON.stringify({ ...base, text: 'x'.repeat(n) })))),
    fc.uint8Array({ maxLength: 300 }).map((b) => raw('random bytes', Buffer.from(b))),
  );
  return fc.oneof(
    { weight: 5, arbitrary: mutated },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'json', value: base }) },
    { weight: 2, arbitrary: hostileValue.map((value) => ({ kind: 'json', value }) as Body) },
    { weight: 3, arbitrary: rawBodies },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
  );
}

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json; charset=latin1', 'application/json;charset=utf-16',
      'text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml',
      'application/jsonx', 'application/merge-patch+json', 'json', '*/*', ';', 'application/json, text/plain', '',
      'application/json; charset=gbk', 'application/json; charset="UTF-8"', 'application/json; charset=', 'text/plain; charset=iso-8859-1',
    ),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** Header values a client can put on the wire (ByteString: latin-1, no CR/LF). */
const headerValue = fc.oneof(
  // eslint-disable-next-line no-control-regex
  fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => s.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '').trim()),
  fc.constantFrom('é', 'ÿÿÿÿ', ' ', 'x'.repeat(300), "' OR 1=1 --", '<script>', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'null'),
);

function requestFor(name: keyof typeof routes, route: RouteDef): fc.Arbitrary<FuzzRequest> {
  const segments: Record<string, string[]> = {
    id: [known.martyr, known.message, known.campaign, 'current', 'sample-0360', 'no-such-thing'],
    reference: [known.reference, 'L20240101-AAAAAA', 'F19491001-ZZZZZZ'],
  };
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const writes = route.method !== 'GET';
  return fc.record({
    method: fc.oneof({ weight: 9, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE') }),
    segs: fc.tuple(...names.map((n) => pathSegment(segments[n] ?? segments.id!))),
    query: queryFor(route),
    contentType,
    body: writes ? bodyFor(name, route) : fc.constant<Body>({ kind: 'none' }),
    auth: route.admin
      ? fc.oneof({ weight: 4, arbitrary: fc.constant(`Bearer ${server.adminToken}`) }, { weight: 1, arbitrary: headerValue }, { weight: 1, arbitrary: fc.constant(undefined) })
      : fc.option(headerValue, { freq: 5 }),
    idempotencyKey: fc.option(
      fc.oneof(fc.uuid(), fc.constantFrom('same-key-for-everything', 'é', ' ', 'k'.repeat(201), 'a b'), headerValue),
      { freq: 2 },
    ),
    requestId: fc.option(headerValue, { freq: 4 }),
    actor: fc.option(headerValue, { freq: 4 }),
    language: fc.option(fc.oneof(headerValue, fc.constantFrom('zh-Hant', 'en', '*', 'xx-YY;q=2')), { freq: 4 }),
  }).map((r) => {
    let i = 0;
    const path = route.path.replace(/\{\w+\}/g, () => r.segs[i++]!);
    const headers: Record<string, string> = {};
    if (r.auth !== null && r.auth !== undefined) headers.authorization = r.auth;
    if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
    if (r.requestId !== null) headers['x-request-id'] = r.requestId;
    if (r.actor !== null) headers['x-admin-actor'] = r.actor;
    if (r.language !== null) headers['accept-language'] = r.language;
    return { method: r.method, path, query: r.query, contentType: r.contentType, headers, body: r.method === 'GET' ? { kind: 'none' } : r.body };
  });
}

function describeRequest(req: FuzzRequest): string {
  const body = req.body.kind === 'json' ? JSON.stringify(req.body.value)?.slice(0, 300) : req.body.kind === 'raw' ? `<${req.body.label}, ${req.body.bytes.length} bytes>` : '';
  return `${req.method} ${req.path.slice(0, 200)}${req.query.slice(0, 200)} [${req.contentType}] ${JSON.stringify(req.headers).slice(0, 200)} ${body}`;
}

/**
 * One request on its own connection (node:http, no keep-alive): the path goes out exactly as
 * generated, and a connection the server closes after an early answer (413) cannot spoil the
 * next request. Resolves once the answer has been read; fails if none came.
 */
function rawRequest(url: string, method: string, headers: Record<string, string>, body: Buffer | string | undefined) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const u = new URL(url);
    if (body !== undefined) headers = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = httpRequest(
      { host: u.hostname, port: u.port, method, path: url.slice(u.origin.length), headers, agent: false, timeout: 15_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    // The server may answer (413) and close before it has read an oversize body: the answer still counts.
    req.on('error', (err) => setTimeout(() => reject(err), 50));
    req.on('timeout', () => req.destroy(new Error('no answer within 15 s')));
    req.end(body);
  });
}

/** Sends one request and checks the answer; returns it for the bookkeeping. */
async function send(name: string | null, route: RouteDef | null, req: FuzzRequest): Promise<void> {
  const headers: Record<string, string> = { ...req.headers };
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  let body: Buffer | string | undefined;
  if (req.body.kind === 'json') body = JSON.stringify(req.body.value) ?? 'null';
  else if (req.body.kind === 'raw') body = req.body.bytes;
  const res = await rawRequest(`${server.baseUrl}/api/v1${req.path}${req.query}`, req.method, headers, body);
  const text = res.text;
  acked.requests++;
  acked.byStatus.set(res.status, (acked.byStatus.get(res.status) ?? 0) + 1);
  const what = () => `${res.status} for ${describeRequest(req)}\n→ ${text.slice(0, 300)}`;
  assert.ok(res.status >= 200 && res.status < 500, `never a 5xx: ${what()}`);
  // A dot segment (`/api/v1/martyrs/..`) may resolve to outside the API: hono's plain 404, not an API answer.
  if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(req.path) && res.status === 404 && !text.startsWith('{')) return;
  // Node's HTTP parser answers a request line or headers over its 16 KiB limit itself, before the app.
  if (res.status === 431) return;
  // Bytes that are not UTF-8 are refused, never read with U+FFFD in their place (issue 17).
  if (route?.body && req.method === route.method && req.body.kind === 'raw' && /UTF-8|overlong|CESU|GBK/.test(req.body.label)) {
    assert.ok(res.status >= 400, `not UTF-8 is a 4xx: ${what()}`);
  }
  if (res.status >= 400) {
    let parsed: { code?: unknown; message?: unknown };
    try {
      parsed = JSON.parse(text);
    } catch {
      assert.fail(`a 4xx has a JSON body: ${what()}`);
    }
    assert.equal(typeof parsed.code, 'string', `a 4xx has a machine-readable code: ${what()}`);
    assert.equal(typeof parsed.message, 'string', `a 4xx has a message: ${what()}`);
    if (res.status === 413) assert.equal(parsed.code, 'payload_too_large');
    return;
  }
  if (!route || req.method !== route.method) return;
  // A 2xx from the intended operation is exactly what the contract promises.
  const value = res.status === 204 ? undefined : JSON.parse(text);
  const check = z.safeParse(route.response as z.ZodMiniType, value);
  assert.ok(check.success, `a 2xx matches the contract: ${what()}\n${JSON.stringify(check.error?.issues)}`);
  const replayed = res.headers['idempotent-replayed'] === 'true';
  if (name === 'offerTribute' && !replayed && (value as { counted: boolean }).counted) acked.tributes++;
  if (name === 'postMessage' && !replayed) acked.messages++;
  if (name === 'adminDeleteMessage') acked.deletedMessages++;
}

async function stillAnswers(): Promise<void> {
  const res = await call(server, 'GET', '/health');
  assert.equal(res.status, 200);
  assert.equal(res.body.ok, true);
}

// ---- the properties ----------------------------------------------------------------------------

describe('malformed requests against every route in the table', () => {
  for (const [name, route] of Object.entries(routes) as [keyof typeof routes, RouteDef][]) {
    it(`${route.method} ${route.path} (${name}): only 2xx/4xx`, async () => {
      await fc.assert(
        fc.asyncProperty(requestFor(name, route), (req) => send(name, route, req)),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: false },
      );
      await stillAnswers();
    });
  }

  it('paths and methods outside the table: only 404/4xx', async () => {
    const path = fc.array(pathSegment(['martyrs', 'admin', 'campaigns', 'messages', 'sample-0001', 'tributes', 'openapi.json']), { minLength: 0, maxLength: 5 })
      .map((segs) => `/${segs.join('/')}`);
    const req = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
      path,
      query: fc.constantFrom('', '?x=%zz', '?limit=1'),
      contentType: contentType,
      headers: fc.constant({}),
      body: fc.constant<Body>({ kind: 'json', value: { a: 1 } }),
    }).map((r) => ({ ...r, body: r.method === 'GET' ? ({ kind: 'none' } as Body) : r.body }));
    await fc.assert(fc.asyncProperty(req, (r) => send(null, null, r)), { numRuns: RUNS_PER_ROUTE, seed: SEED });
    await stillAnswers();
  });

  it('valid writes, concurrent and retried with the same Idempotency-Key, are counted exactly once', async () => {
    const jobs: (() => Promise<void>)[] = [];
    const rnd = fc.sample(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 39 }), fc.constantFrom('flower', 'bow', 'candle', 'sweep'), fc.boolean()), { numRuns: 240, seed: SEED });
    for (const [i, [m, v, kind, retry]] of rnd.entries()) {
      const key = `valid-${SEED}-${i}`;
      const json = { kind, visitorId: `visitor-${SEED}-${v}` };
      const path = `/martyrs/sample-000${m}/tributes`;
      const once = async () => {
        const res = await call(server, 'POST', path, { json, headers: { 'idempotency-key': key } });
        assert.ok(res.status === 201 || res.status === 200 || res.status === 409, `${res.status} ${JSON.stringify(res.body)}`);
        if (res.status !== 409 && res.body.counted && res.headers.get('idempotent-replayed') !== 'true') acked.tributes++;
      };
      jobs.push(retry ? () => Promise.all([once(), once()]).then(() => once()) : once);
    }
    for (let i = 0; i < 30; i++) {
      jobs.push(async () => {
        const res = await call(server, 'POST', '/martyrs/sample-0002/messages', { json: { text: `致敬\u200b英烈 ${i} \u202b𠀋\u202c`, signature: '后来人' } });
        assert.equal(res.status, 202);
        acked.messages++;
      });
    }
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }));
    await stillAnswers();
  });

  it(`sent at least 1,000 requests (seed ${SEED}), then the database invariants hold`, async () => {
    const statuses = [...acked.byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`fuzz: ${acked.requests} requests, seed ${SEED}: ${statuses}`);
    assert.ok(acked.requests >= 1000, `${acked.requests} requests`);
    assert.ok([...acked.byStatus.keys()].every((s) => s < 500));
    const one = async <R>(sql: string): Promise<R> => (await server.db.query<R>(sql)).rows[0]!;

    // Counters move only with their offers, in the same transaction.
    const drift = await server.db.query(
      `SELECT * FROM (SELECT martyr_id, kind, day, CAST(count(*) AS int) AS n FROM tribute_offers GROUP BY 1, 2, 3) o
         FULL JOIN tribute_counts c USING (martyr_id, kind, day) WHERE o.n IS DISTINCT FROM c.count`,
    );
    assert.deepEqual(drift.rows, [], 'tribute_counts equal the offers per martyr, kind and day');
    const tributes = await one<{ n: number }>('SELECT CAST(COALESCE(SUM(count), 0) AS int) AS n FROM tribute_counts');
    assert.equal(Number(tributes.n), acked.tributes, 'every acknowledged new tribute is counted, and nothing else');

    const messages = await server.db.query<{ text: string; signature: string | null; status: string; reports: number }>('SELECT text, signature, status, reports FROM messages');
    const visiblyEmpty = (t: string | null) => t !== null && t.replace(INVISIBLE, '') === '';
    assert.deepEqual(messages.rows.filter((m) => visiblyEmpty(m.text) || visiblyEmpty(m.signature)), [], 'no message whose text or signature shows nothing');
    assert.deepEqual(messages.rows.filter((m) => CONTROL.test(m.text) || CONTROL.test(m.signature ?? '')), [], 'no message with control characters');
    assert.deepEqual(messages.rows.filter((m) => !['pending', 'approved', 'rejected'].includes(m.status) || m.reports < 0), [], 'no impossible status');
    assert.equal(messages.rows.length, acked.messages - acked.deletedMessages, 'every accepted message is stored, nothing else');

    const keys = await one<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM idempotency_keys WHERE status IS NULL OR response IS NULL');
    assert.equal(Number(keys.n), 0, 'every stored idempotency key completed (failed attempts roll back with their key)');

    const embeds = await one<{ n: number }>(
      `SELECT CAST(count(*) AS int) AS n FROM campaign_embeds
        WHERE impressions < 0 OR clicks < 0 OR origin !~ '^https?://[^/?#\\s]+$' OR last_path !~ '^/[^?#\\s]*$'`,
    );
    assert.equal(Number(embeds.n), 0, 'embed statistics hold only http(s) origins and clean paths');

    const sealed = await server.db.query<SealedRow & { knowledge: string }>(
      `SELECT mobile, claimant_name, mobile_enc, claimant_name_enc, knowledge FROM relative_leads
       UNION ALL SELECT mobile, claimant_name, mobile_enc, claimant_name_enc, knowledge FROM family_searches`,
    );
    assert.deepEqual(sealed.rows.filter((r) => r.mobile !== null || r.claimant_name !== null), [], 'names and mobiles are only stored encrypted');
    const people = sealed.rows.map((r) => ({ ...openContact(server.dataKey, r), knowledge: r.knowledge }));
    assert.deepEqual(
      people.filter((p) => !/^1[3-9]\d{9}$/.test(p.mobile) || visiblyEmpty(p.claimantName) || visiblyEmpty(p.knowledge)),
      [],
      'relative cases hold only valid mobiles and visible names',
    );

    const martyrs = await one<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM martyrs');
    assert.equal(Number(martyrs.n), 360, 'no martyr created or deleted through the API');
    const campaigns = await one<{ n: number }>(`SELECT CAST(count(*) AS int) AS n FROM campaigns WHERE end_date < start_date OR url !~ '^https?://'`);
    assert.equal(Number(campaigns.n), 0, 'campaigns hold valid windows and http(s) links');
  });
});

describe('rare characters outside the BMP round-trip exactly', () => {
  // 𠀋 U+2000B, 𪚥 U+2A6A5, 𰻞 U+30EDE (biáng, Plane 3), 𡒄 U+21484, 𤆍 U+2418D; plus a combining sequence.
  const name = '𠀋𪚥𰻞';
  const place = '𡒄𤆍村';
  const biography = '生于𡒄𤆍村。𰻞𰻞面的故乡。';
  const message = '永远怀念𠀋𪚥𰻞烈士 🕯️ 𡒄𤆍';

  it('through import, the API and the SDK', async () => {
    const csv = `source_id,name,sex,native_place,death_date,biography\nASTRAL-1,${name},男,${place},1950,${biography}\n`;
    const parsed = await parseRoll(decodeRollFile(new TextEncoder().encode(csv)), 'csv', server.db, { namespace: 'fuzz-astral' });
    assert.deepEqual(parsed.bad, []);
    const report = await applyRoll(server.db, parsed);
    assert.equal(report.inserted, 1);
    const id = parsed.rows[0]!.id;

    const stored = await server.db.query<{ name: string; native_place_text: string; biography: string }>(
      'SELECT name, native_place_text, biography FROM martyrs WHERE id = $1',
      [id],
    );
    assert.deepEqual(stored.rows[0], { name, native_place_text: place, biography });

    const raw = await call(server, 'GET', `/martyrs/${id}`);
    assert.equal(raw.status, 200);
    assert.equal(raw.body.name, name);
    assert.equal(raw.body.biography, biography);

    const client = createMemorialClient({ baseUrl: server.baseUrl });
    const martyr = await client.martyrs.get(id);
    assert.equal(martyr.name, name);
    assert.equal(martyr.biography, biography);
    assert.equal([...martyr.name].length, 3, 'three characters, six UTF-16 code units');
    const found = await client.martyrs.search({ q: name, limit: 5 }).firstPage();
    assert.ok(found.items.some((m) => m.id === id && m.name === name), 'a search by the astral name finds it');

    const receipt = await client.messages.post(id, { text: message, signature: name });
    acked.messages++;
    const admin = createMemorialAdminClient({ baseUrl: server.baseUrl, token: server.adminToken, actor: '𠀋编辑' });
    await admin.messages.approve(receipt.id);
    const wall = await client.messages.list(id).firstPage();
    assert.equal(wall.items[0]?.text, message);
    assert.equal(wall.items[0]?.signature, name);
    const length = await call(server, 'POST', `/martyrs/${id}/messages`, { json: { text: '𠀋'.repeat(500) } });
    assert.equal(length.status, 202, 'the length limit counts characters, not UTF-16 units');
    acked.messages++;
    const over = await call(server, 'POST', `/martyrs/${id}/messages`, { json: { text: '𠀋'.repeat(501) } });
    assert.equal(over.status, 400);
  });

  it('invisible characters inside a text come back exactly; a leading byte-order mark is refused', async () => {
    // zero-width space and joiner, word joiner, an inner U+FEFF, bidi isolates, a variation selector
    const text = '永远怀念\u200B烈士\u200D\u2060\uFEFF\u2067שלום\u2069 🕯\uFE0F';
    const client = createMemorialClient({ baseUrl: server.baseUrl });
    const receipt = await client.messages.post('sample-0002', { text });
    acked.messages++;
    const admin = createMemorialAdminClient({ baseUrl: server.baseUrl, token: server.adminToken });
    await admin.messages.approve(receipt.id);
    const { rows } = await server.db.query<{ text: string }>('SELECT text FROM messages WHERE id = $1', [receipt.id]);
    assert.equal(rows[0]?.text, text);
    const wall = await client.messages.list('sample-0002').firstPage();
    assert.equal(wall.items.find((m) => m.id === receipt.id)?.text, text);

    const bom = await call(server, 'POST', '/martyrs/sample-0002/messages', { json: { text: '\uFEFF永远怀念' } });
    assert.equal(bom.status, 400);
    assert.match(JSON.stringify(bom.body), /byte-order mark/);
  });
});

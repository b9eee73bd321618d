import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { routes } from '../../src/contract/index.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer({ seed: false });
});
after(() => server.close());

describe('HTTP behaviour', () => {
  it('serves a valid OpenAPI 3.1 document that covers every route in the contract', async () => {
    const res = await call(server, 'GET', '/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(res.body.openapi, '3.1.0');
    const result = await new Validator().validate(res.body);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1));
    for (const [name, route] of Object.entries(routes)) {
      const op = res.body.paths[`/api/v1${route.path}`]?.[route.method.toLowerCase()];
      assert.equal(op?.operationId, name);
    }
    assert.ok(res.body.components.schemas.Martyr.properties.name, 'schemas are generated from zod');
  });

  it('puts a request id on every response, and keeps a sane incoming one', async () => {
    const ok = await call(server, 'GET', '/health');
    assert.match(ok.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const mine = await call(server, 'GET', '/nowhere', { headers: { 'x-request-id': 'trace-12345678' } });
    assert.equal(mine.status, 404);
    assert.equal(mine.headers.get('x-request-id'), 'trace-12345678');
    assert.equal(mine.body.requestId, 'trace-12345678');
    const evil = await call(server, 'GET', '/health', { headers: { 'x-request-id': 'x'.repeat(500) } });
    assert.notEqual(evil.headers.get('x-request-id'), 'x'.repeat(500));
  });

  it('lets any host page call the API (CORS), exposing the headers the SDK reads', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/martyrs`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.example.gov.cn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    assert.ok(res.status === 204 || res.status === 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /idempotency-key/i);
    const get = await fetch(`${server.baseUrl}/api/v1/health`, { headers: { origin: 'https://www.example.gov.cn' } });
    assert.match(get.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
  });
});

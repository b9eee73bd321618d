import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMemorialClient, MemorialHttpError, photoSources, type Grave, type MemorialClient } from '../../src/sdk/index.js';
import { SAMPLE_CEMETERY } from '../../server/seed/cemetery.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let client: MemorialClient;
before(async () => {
  server = await startTestServer();
  client = createMemorialClient({ baseUrl: server.baseUrl });
});
after(() => server.close());

describe('SDK: cemeteries', () => {
  it('lists cemeteries, gets one, and walks all its graves with for await', async () => {
    const list = [];
    for await (const c of client.cemeteries.list({ limit: 1 })) list.push(c);
    assert.ok(list.some((c) => c.id === SAMPLE_CEMETERY.id));
    const cemetery = await client.cemeteries.get(SAMPLE_CEMETERY.id);
    const graves: Grave[] = [];
    for await (const g of client.cemeteries.graves(cemetery.id, { limit: 100 })) graves.push(g);
    assert.equal(graves.length, cemetery.graveCount);
    const section = cemetery.sections[2]!;
    const page = await client.cemeteries.graves(cemetery.id, { section: section.id, row: 1 }).firstPage();
    assert.equal(page.items.length, section.positions);
    assert.equal(page.nextCursor, null);
    const one = await client.cemeteries.grave(graves[10]!.id);
    assert.deepEqual(one, graves[10]);
  });

  it("gives a martyr's grave through martyrs.get, with photo URLs that load", async () => {
    const cemetery = await client.cemeteries.get(SAMPLE_CEMETERY.id);
    const page = await client.cemeteries.graves(cemetery.id, { limit: 50 }).firstPage();
    const g = page.items.find((x) => x.martyrs.length === 1 && x.photos.length)!;
    const m = await client.martyrs.get(g.martyrs[0]!.id);
    assert.equal(m.grave?.id, g.id);
    const src = photoSources(m.grave!.photo!, client.baseUrl);
    assert.ok(src.src.startsWith(`${server.baseUrl}/api/v1/photos/`));
    const res = await fetch(src.webpSrcset.split(' ')[0]!);
    assert.equal(res.headers.get('content-type'), 'image/webp');
  });

  it('rejects an unknown cemetery or grave with MemorialHttpError 404', async () => {
    await assert.rejects(client.cemeteries.get('nowhere'), (e: unknown) => e instanceof MemorialHttpError && e.status === 404 && e.code === 'not_found');
    await assert.rejects(client.cemeteries.grave('g-nowhere'), (e: unknown) => e instanceof MemorialHttpError && e.status === 404);
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMemorialClient, MemorialHttpError, type Message, type MemorialClient, type RelativeLeadInput } from '../../src/sdk/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let client: MemorialClient;
let martyrId: string;
before(async () => {
  server = await startTestServer();
  client = createMemorialClient({ baseUrl: server.baseUrl });
  const { rows } = await server.db.query<{ id: string }>('SELECT id FROM martyrs ORDER BY id LIMIT 1');
  martyrId = rows[0]!.id;
});
after(() => server.close());

/** Records every request's method and headers, forwarding to the real fetch. */
function recordingFetch() {
  const sent: { method: string; url: string; headers: Headers }[] = [];
  const f: typeof fetch = (input, init) => {
    const req = new Request(input, init);
    sent.push({ method: req.method, url: req.url, headers: req.headers });
    return fetch(req);
  };
  return { fetch: f, sent };
}

const visitor = () => `v-${randomUUID()}`;

describe('tributes', () => {
  it('offers a tribute and the summary counts it once per visitor per day', async () => {
    const before = await client.tributes.summary(martyrId);
    const v = visitor();
    const first = await client.tributes.offer(martyrId, { kind: 'candle', visitorId: v });
    assert.equal(first.counted, true);
    assert.equal(first.kind, 'candle');
    assert.equal(first.summary.total.candle, before.total.candle + 1);
    const again = await client.tributes.offer(martyrId, { kind: 'candle', visitorId: v });
    assert.equal(again.counted, false, 'a second candle from the same visitor today is not counted');
    const after = await client.tributes.summary(martyrId, { visitorId: v });
    assert.equal(after.total.candle, before.total.candle + 1);
    assert.deepEqual(after.offeredToday, ['candle']);
  });

  it('sends an Idempotency-Key on every POST, a fresh one per call', async () => {
    const rec = recordingFetch();
    const c = createMemorialClient({ baseUrl: server.baseUrl, fetch: rec.fetch });
    await c.tributes.offer(martyrId, { kind: 'bow', visitorId: visitor() });
    await c.tributes.offer(martyrId, { kind: 'bow', visitorId: visitor() });
    await c.tributes.summary(martyrId);
    const keys = rec.sent.filter((r) => r.method === 'POST').map((r) => r.headers.get('idempotency-key'));
    assert.equal(keys.length, 2);
    assert.ok(keys.every((k) => k && /^[0-9a-f-]{36}$/.test(k)), String(keys));
    assert.notEqual(keys[0], keys[1]);
    assert.equal(rec.sent.find((r) => r.method === 'GET')?.headers.get('idempotency-key'), null);
  });

  it('counts an offer sent twice with the same idempotency key once, replaying the first answer', async () => {
    const before = await client.tributes.summary(martyrId);
    const key = randomUUID();
    const offer = { kind: 'flower', visitorId: visitor() } as const;
    const first = await client.tributes.offer(martyrId, offer, { idempotencyKey: key });
    const replay = await client.tributes.offer(martyrId, offer, { idempotencyKey: key });
    assert.equal(first.counted, true);
    assert.deepEqual(replay, first);
    const after = await client.tributes.summary(martyrId);
    assert.equal(after.total.flower, before.total.flower + 1);
  });

  it('refuses the same idempotency key for a different request', async () => {
    const key = randomUUID();
    await client.tributes.offer(martyrId, { kind: 'sweep', visitorId: visitor() }, { idempotencyKey: key });
    const err = await client.tributes.offer(martyrId, { kind: 'sweep', visitorId: visitor() }, { idempotencyKey: key }).catch((e: unknown) => e);
    assert.ok(err instanceof MemorialHttpError, String(err));
    assert.equal(err.code, 'idempotency_key_reused');
  });

  it('turns a refused body into a 400 listing the fields', async () => {
    const err = await client.tributes
      // @ts-expect-error: an invalid kind and visitor id, as untyped callers could send
      .offer(martyrId, { kind: 'fireworks', visitorId: 'x' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof MemorialHttpError, String(err));
    assert.equal(err.status, 400);
    assert.equal(err.code, 'validation_failed');
    const paths = (err.issues ?? []).map((i) => i.path).sort();
    assert.deepEqual(paths, ['kind', 'visitorId']);
    assert.ok(err.issues!.every((i) => i.message.length > 0));
    assert.ok(err.requestId);
  });

  it('reports an unknown martyr as 404', async () => {
    const err = await client.tributes.offer('no-such-martyr', { kind: 'bow', visitorId: visitor() }).catch((e: unknown) => e);
    assert.ok(err instanceof MemorialHttpError);
    assert.equal(err.status, 404);
    assert.equal(err.code, 'not_found');
  });
});

describe('messages', () => {
  async function approveAll() {
    await server.db.query("UPDATE messages SET status = 'approved' WHERE martyr_id = $1 AND status = 'pending'", [martyrId]);
  }
  async function listAll(id = martyrId, limit?: number): Promise<Message[]> {
    const out: Message[] = [];
    for await (const m of client.messages.list(id, { limit })) out.push(m);
    return out;
  }

  it('holds a posted message for review: pending, and not listed until approved', async () => {
    const text = `永垂不朽 ${randomUUID()}`;
    const receipt = await client.messages.post(martyrId, { text, signature: '后来人' });
    assert.equal(receipt.status, 'pending');
    assert.ok(receipt.id);
    assert.ok(!(await listAll()).some((m) => m.id === receipt.id || m.text === text), 'a pending message is never listed');
    await approveAll();
    const listed = (await listAll()).find((m) => m.id === receipt.id);
    assert.equal(listed?.text, text, 'the same message is listed once approved');
    assert.equal(listed?.signature, '后来人');
  });

  it('walks every page of approved messages, newest first', async () => {
    const { rows } = await server.db.query<{ id: string }>('SELECT id FROM martyrs ORDER BY id OFFSET 1 LIMIT 1');
    const other = rows[0]!.id;
    for (let i = 0; i < 7; i++) await client.messages.post(other, { text: `寄语 ${i}` });
    await server.db.query("UPDATE messages SET status = 'approved' WHERE martyr_id = $1", [other]);
    const all = await listAll(other, 3);
    assert.equal(all.length, 7);
    assert.equal(new Set(all.map((m) => m.id)).size, 7);
    const times = all.map((m) => Date.parse(m.createdAt));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const first = await client.messages.list(other, { limit: 3 }).firstPage();
    assert.equal(first.items.length, 3);
    assert.ok(first.nextCursor);
  });

  it('reports a message: it stays up for one reporter, and an unknown id answers the same', async () => {
    const receipt = await client.messages.post(martyrId, { text: '待举报的留言' });
    await approveAll();
    assert.ok((await listAll()).some((m) => m.id === receipt.id));
    const result = await client.messages.report(receipt.id, { reason: '不当言论' });
    assert.equal(result, undefined);
    assert.ok((await listAll()).some((m) => m.id === receipt.id), 'one report queues it for moderators; it does not hide it');
    assert.equal(await client.messages.report('no-such-message'), undefined, 'no oracle for which ids exist');
  });

  it('refuses an empty message with the text field named', async () => {
    const err = await client.messages.post(martyrId, { text: '   ' }).catch((e: unknown) => e);
    assert.ok(err instanceof MemorialHttpError, String(err));
    assert.equal(err.status, 400);
    assert.deepEqual(err.issues?.map((i) => i.path), ['text']);
  });
});

describe('relatives', () => {
  const lead = (): RelativeLeadInput => ({
    martyrId,
    claimantName: '李秀兰',
    relationship: 'grandchild',
    mobile: '13800138000',
    consent: true,
    knowledge: '祖父1951年入朝，家中存有立功喜报。',
  });

  it('submits a lead and gets only a case reference back', async () => {
    const receipt = await client.relatives.submitLead(lead());
    assert.match(receipt.reference, /^L\d{8}-[A-Z0-9]{6}$/);
    assert.deepEqual(Object.keys(receipt), ['reference']);
  });

  it('registers a family search', async () => {
    const receipt = await client.relatives.registerFamilySearch({
      martyrName: '王德胜',
      nativePlace: '山东省莱阳县',
      period: 'korean-war',
      claimantName: '王建国',
      relationship: 'sibling-descendant',
      mobile: '13912345678',
      consent: true,
      knowledge: '1950年参军后再无音讯。',
    });
    assert.match(receipt.reference, /^F\d{8}-[A-Z0-9]{6}$/);
  });

  it('lists every refused field of a lead', async () => {
    const err = await client.relatives
      .submitLead({ ...lead(), mobile: '12345', idNumber: '110101199003071234' })
      .catch((e: unknown) => e);
    assert.ok(err instanceof MemorialHttpError, String(err));
    assert.equal(err.code, 'validation_failed');
    const paths = new Set(err.issues?.map((i) => i.path));
    assert.ok(paths.has('mobile'), JSON.stringify(err.issues));
    assert.ok(paths.has('idNumber') || paths.has('idNumberConsent'), JSON.stringify(err.issues));
  });
});

// Scale-out (issue 7, item 2): three real server processes on one PostgreSQL, started at the same
// moment (migrations and seeding must not race), take 10,000 tributes concurrently — distinct
// visitors, some offers retried with the same Idempotency-Key on a *different* process, some
// offered twice by the same visitor — and 1,000 messages likewise. The final counts are exact.
//
// Needs PostgreSQL: runs only when TEST_DATABASE_URL is set (CI sets it; see .ci/run).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TRIBUTE_KINDS } from '../../src/contract/index.js';
import { forgetServer, freshSchema, postJson, runBounded, sharedDataKey, startServerProcess, type JsonAnswer, type ServerProcess } from '../helpers/processes.js';

const url = process.env.TEST_DATABASE_URL;
const PROCESSES = 3;
const TRIBUTES = 10_000;
const MESSAGES = 1_000;
const IN_FLIGHT = 64;
const MARTYRS = Array.from({ length: 60 }, (_, i) => `sample-${String(i + 1).padStart(4, '0')}`);

describe('several server processes on one PostgreSQL', { skip: url ? false : 'TEST_DATABASE_URL is not set: the multi-process test needs PostgreSQL' }, () => {
  let db: Awaited<ReturnType<typeof freshSchema>>;
  let servers: ServerProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'memorial-mp-'));

  before(async () => {
    db = await freshSchema(url!, 'mp');
    const env = {
      DATABASE_URL: url,
      MEMORIAL_PG_SCHEMA: db.schema,
      MEMORIAL_DATA_KEY: sharedDataKey(),
      MEMORIAL_DATA_DIR: dataDir,
      PG_POOL_SIZE: '8',
    };
    // All at once, as a deployment would: the migration and the seed take advisory locks.
    servers = await Promise.all(Array.from({ length: PROCESSES }, () => startServerProcess(env)));
  });

  after(async () => {
    for (const s of servers) forgetServer(s.baseUrl);
    await Promise.all(servers.map((s) => s.kill('SIGTERM')));
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let networkRetries = 0;

  /**
   * POSTs JSON to process `n`. Like the SDK, it retries a request that got no answer (a
   * keep-alive connection the server had just closed) and a 409 (the same key still in progress
   * on another process): retries are safe because tributes are limited per visitor and day, and
   * messages carry an Idempotency-Key.
   */
  async function post(n: number, path: string, body: unknown, key?: string): Promise<{ status: number; body: any; replayed: boolean }> {
    for (let attempt = 0; ; attempt++) {
      let res: JsonAnswer;
      try {
        res = await postJson(servers[n % servers.length]!.baseUrl, path, body, key ? { 'idempotency-key': key } : {});
      } catch (err) {
        if (attempt >= 3) throw err;
        networkRetries++;
        continue;
      }
      if (res.status === 409 && attempt < 50) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      return { status: res.status, body: res.body, replayed: res.headers['idempotent-replayed'] === 'true' };
    }
  }

  it(`started ${PROCESSES} processes at once on one schema, migrated and seeded once`, async () => {
    assert.equal(new Set(servers.map((s) => s.baseUrl)).size, PROCESSES);
    const { rows } = await db.pool.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM martyrs');
    assert.equal(rows[0]!.n, 360, 'the sample roll was seeded exactly once');
    const migrations = await db.pool.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM schema_migrations');
    assert.ok(migrations.rows[0]!.n >= 2);
  });

  it(`counts ${TRIBUTES.toLocaleString('en')} concurrent tributes across the processes exactly`, async () => {
    const expected = new Map<string, number>();
    const jobs: (() => Promise<void>)[] = [];
    let counted = 0;
    let notCounted = 0;
    let replayed = 0;
    const failures: string[] = [];
    const record = (r: { status: number; body: any; replayed: boolean }, what: string) => {
      if (r.status !== 201 && r.status !== 200) failures.push(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
      else if (r.replayed) replayed++;
      else if (r.body.counted) counted++;
      else notCounted++;
    };
    for (let i = 0; i < TRIBUTES; i++) {
      const martyr = MARTYRS[i % MARTYRS.length]!;
      const kind = TRIBUTE_KINDS[Math.floor(i / MARTYRS.length) % TRIBUTE_KINDS.length]!;
      const offer = { kind, visitorId: `mp-visitor-${i}` };
      const path = `/martyrs/${martyr}/tributes`;
      expected.set(`${martyr}/${kind}`, (expected.get(`${martyr}/${kind}`) ?? 0) + 1);
      const key = `mp-tribute-${i}`;
      if (i % 7 === 0) {
        // A retry with the same key, racing the first attempt on another process.
        jobs.push(async () => {
          const [a, b] = await Promise.all([post(i, path, offer, key), post(i + 1, path, offer, key)]);
          record(a, `offer ${i}`);
          record(b, `retry ${i}`);
        });
      } else if (i % 11 === 0) {
        // The same visitor again without a key: the daily limit holds across processes.
        jobs.push(async () => {
          const [a, b] = await Promise.all([post(i, path, offer), post(i + 2, path, offer)]);
          record(a, `offer ${i}`);
          record(b, `again ${i}`);
        });
      } else {
        jobs.push(async () => record(await post(i, path, offer, i % 3 === 0 ? key : undefined), `offer ${i}`));
      }
    }
    const t0 = Date.now();
    await runBounded(IN_FLIGHT, jobs);
    const secs = (Date.now() - t0) / 1000;
    console.log(`multi-process: ${TRIBUTES} tributes (+ retries) over ${PROCESSES} processes in ${secs.toFixed(1)} s; counted ${counted}, replayed ${replayed}, not counted ${notCounted}, resent after a dropped connection ${networkRetries}`);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} requests failed`);
    assert.equal(counted, TRIBUTES, 'every distinct offer was acknowledged as counted exactly once');

    const { rows } = await db.pool.query<{ martyr_id: string; kind: string; n: number }>(
      'SELECT martyr_id, kind, CAST(SUM(count) AS int) AS n FROM tribute_counts GROUP BY 1, 2',
    );
    const actual = new Map(rows.map((r) => [`${r.martyr_id}/${r.kind}`, r.n]));
    assert.deepEqual(Object.fromEntries([...actual].sort()), Object.fromEntries([...expected].sort()), 'counts per martyr and kind are exact');
    const offers = await db.pool.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM tribute_offers');
    assert.equal(offers.rows[0]!.n, TRIBUTES);
    const keys = await db.pool.query<{ n: number; open: number }>(
      "SELECT CAST(count(*) AS int) AS n, CAST(count(*) FILTER (WHERE status IS NULL) AS int) AS open FROM idempotency_keys WHERE key LIKE 'mp-tribute-%'",
    );
    assert.equal(keys.rows[0]!.open, 0, 'no idempotency key left in progress');
  });

  it(`loses none of ${MESSAGES.toLocaleString('en')} concurrent messages, and stores none twice`, async () => {
    const ids = new Set<string>();
    const failures: string[] = [];
    const jobs = Array.from({ length: MESSAGES }, (_, i) => async () => {
      const body = { text: `多进程寄语 ${i} 𠀋`, signature: `访客${i}` };
      const key = `mp-message-${i}`;
      const attempts = i % 5 === 0 ? await Promise.all([post(i, `/martyrs/${MARTYRS[i % 3]}/messages`, body, key), post(i + 1, `/martyrs/${MARTYRS[i % 3]}/messages`, body, key)]) : [await post(i, `/martyrs/${MARTYRS[i % 3]}/messages`, body, key)];
      const got = new Set(attempts.map((a) => (a.status === 202 ? a.body.id : `failed ${a.status}`)));
      if (got.size !== 1 || [...got][0]!.startsWith('failed')) failures.push(`message ${i}: ${[...got].join(', ')}`);
      ids.add([...got][0]!);
    });
    await runBounded(IN_FLIGHT, jobs);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} messages failed or got two different ids`);
    assert.equal(ids.size, MESSAGES);
    const { rows } = await db.pool.query<{ text: string; n: number }>("SELECT text, CAST(count(*) AS int) AS n FROM messages WHERE text LIKE '多进程寄语 %' GROUP BY text");
    assert.equal(rows.length, MESSAGES, 'every message is stored');
    assert.ok(rows.every((r) => r.n === 1), 'and none twice');
    const stored = await db.pool.query<{ id: string }>("SELECT id FROM messages WHERE text LIKE '多进程寄语 %'");
    assert.deepEqual(new Set(stored.rows.map((r) => r.id)), ids, 'under the ids the writers were given');
  });

  it('all processes still answer and agree on the summary', async () => {
    // Each process holds a public summary for up to 2 s (routes/tribute-cache.ts): they agree
    // once that has passed, long before the summary's max-age. Generous bound, not a timing.
    const read = () =>
      Promise.all(servers.map(async (s) => (await fetch(`${s.baseUrl}/api/v1/martyrs/${MARTYRS[0]}/tributes`)).json() as Promise<{ total: Record<string, number> }>));
    let summaries = await read();
    for (let i = 0; i < 40 && summaries.some((s) => JSON.stringify(s.total) !== JSON.stringify(summaries[0]!.total)); i++) {
      await new Promise((r) => setTimeout(r, 250));
      summaries = await read();
    }
    for (const s of summaries) assert.deepEqual(s.total, summaries[0]!.total);
  });
});

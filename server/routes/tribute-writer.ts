import { TRIBUTE_KINDS, type NotCountedReason, type TributeCounts, type TributeKind, type TributeResult, type TributeSummary } from '../../src/contract/index.js';
import type { Database, Queryable } from '../db/database.js';
import { GroupCommit } from '../db/group-commit.js';
import { ApiError, notFound } from '../http/api-error.js';
import { Buckets, pruneLimits, recordThrottled, type Draw } from '../limits/buckets.js';
import type { FairLimits } from '../limits/fair-limits.js';
import { shanghaiDay } from '../time.js';

export interface OfferRequest {
  martyrId: string;
  kind: TributeKind;
  visitorId: string;
  /** The budget key of the client's address (see addressKey). */
  address: string;
  /** Whether `visitorId` carries a valid server signature. */
  signed: boolean;
  idempotency?: { key: string; hash: string } | undefined;
}

export interface OfferAnswer {
  status: number;
  body: TributeResult;
  replayed: boolean;
}

/** Counts per kind today and all-time: what a summary says apart from the visitor's own kinds. */
export interface Counts {
  day: string;
  today: TributeCounts;
  total: TributeCounts;
}

const zero = (): TributeCounts => ({ flower: 0, bow: 0, candle: 0, sweep: 0 });
const json = (v: unknown) => JSON.stringify(v);
const offerKey = (o: { martyrId: string; kind: string; visitorId: string }) => `${o.martyrId}\n${o.kind}\n${o.visitorId}`;

/**
 * Writes tributes by group commit (see GroupCommit): one transaction per batch checks the
 * martyrs, claims idempotency keys, draws the fair-limit budgets, inserts the offers, moves
 * each counter row once by the batch's total for it and reads the new counts, in a handful of
 * statements whatever the batch size. Each answer carries the counts as they stood right after
 * that offer, as if the batch had been written one offer at a time.
 *
 * With group commit a martyr's counter row is updated once per batch, not once per offer, so
 * even when everyone offers to one martyr its row lock is taken a few hundred times a second
 * at most: no sharding of counters is needed (bench/tributes.ts measures it).
 */
export class TributeWriter {
  readonly #commit: GroupCommit<OfferRequest, OfferAnswer>;
  readonly #buckets = new Buckets();
  readonly #known = new Map<string, number>();
  #prunedAt = 0;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly limits: FairLimits | null,
    /** Called after each commit with the counts it wrote (the summary cache). */
    private readonly onCommitted: (counts: Map<string, Counts>) => void = () => {},
  ) {
    this.#commit = new GroupCommit((items) => this.#write(items), {
      maxBatch: 256,
      // PGlite runs one transaction at a time; on PostgreSQL two batches overlap (one in
      // flight while the next commits), leaving the rest of the pool to messages and leads.
      maxInFlight: db.kind === 'postgres' ? 2 : 1,
    });
  }

  get stats() {
    return this.#commit.stats;
  }

  offer(request: OfferRequest): Promise<OfferAnswer> {
    return this.#commit.submit(request);
  }

  #draws(o: OfferRequest): Draw[] {
    const l = this.limits;
    if (!l) return [];
    const own: Draw = o.signed
      ? { key: `visitor:${o.visitorId}`, name: 'visitor', budget: l.visitor, address: o.address }
      : { key: `unsigned:${o.address}`, name: 'unsigned', budget: l.unsigned, address: o.address };
    return [own, { key: `address:${o.address}`, name: 'address', budget: l.address, address: o.address }];
  }

  async #write(items: OfferRequest[]): Promise<(OfferAnswer | Error)[]> {
    const at = this.now();
    const nowMs = at.getTime();
    const day = shanghaiDay(at);
    let committedCounts: Map<string, Counts> | undefined;
    // One statement is atomic on its own: a batch with no keys to claim and no budgets to draw
    // needs no transaction around it (one round trip fewer on each side).
    const pruneDue = this.limits !== null && nowMs - this.#prunedAt > 600_000;
    const needsTransaction = this.limits !== null || pruneDue || items.some((i) => i.idempotency);
    const run = <T>(fn: (q: Queryable) => Promise<T>) => (needsTransaction ? this.db.transaction(fn) : fn(this.db));
    const answers = await run(async (q) => {
      const out: (OfferAnswer | Error | undefined)[] = items.map(() => undefined);

      // 1. Martyrs that exist; the others are 404 and claim nothing. Known ids are remembered
      // for a minute (a martyr deleted meanwhile fails the offer's foreign key instead).
      const unknown = [...new Set(items.map((i) => i.martyrId))].filter((id) => !((this.#known.get(id) ?? 0) > nowMs));
      if (unknown.length) {
        const found = await q.query<{ id: string }>('SELECT id FROM martyrs WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))', [json(unknown)]);
        if (this.#known.size > 50_000) this.#known.clear();
        for (const r of found.rows) this.#known.set(r.id, nowMs + 60_000);
      }
      items.forEach((o, i) => {
        if (!((this.#known.get(o.martyrId) ?? 0) > nowMs)) out[i] = notFound('Martyr');
      });

      // 2. Idempotency keys: the first use of a key in the batch claims it; a repeat in the same
      // batch gets the first one's answer, as a retry racing its original would.
      const leaderOf = new Map<string, number>();
      const followers: [number, number][] = [];
      items.forEach((o, i) => {
        if (out[i] || !o.idempotency) return;
        const lead = leaderOf.get(o.idempotency.key);
        if (lead === undefined) leaderOf.set(o.idempotency.key, i);
        else if (items[lead]!.idempotency!.hash !== o.idempotency.hash) out[i] = reused();
        else followers.push([i, lead]);
      });
      const claimedKeys = new Set<string>();
      if (leaderOf.size) {
        const claims = [...leaderOf].map(([k, i]) => ({ k, h: items[i]!.idempotency!.hash })).sort((a, b) => (a.k < b.k ? -1 : 1));
        const claimed = await q.query<{ key: string }>(
          `INSERT INTO idempotency_keys (key, request_hash) SELECT k, h FROM jsonb_to_recordset($1::jsonb) AS x(k text, h text)
           ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
          [json(claims)],
        );
        for (const r of claimed.rows) claimedKeys.add(r.key);
        const taken = [...leaderOf.keys()].filter((k) => !claimedKeys.has(k));
        if (taken.length) {
          const stored = await q.query<{ key: string; request_hash: string; status: number | null; response: TributeResult }>(
            "SELECT key, request_hash, status, response FROM idempotency_keys WHERE scope = '' AND key = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))",
            [json(taken)],
          );
          const byKey = new Map(stored.rows.map((r) => [r.key, r]));
          for (const k of taken) {
            const i = leaderOf.get(k)!;
            const s = byKey.get(k);
            if (!s || s.request_hash !== items[i]!.idempotency!.hash) out[i] = reused();
            else if (s.status === null) out[i] = new ApiError(409, 'conflict', 'A request with this Idempotency-Key is still in progress');
            else out[i] = { status: s.status, body: typeof s.response === 'string' ? JSON.parse(s.response) : s.response, replayed: true };
          }
        }
      }
      const followerSet = new Set(followers.map(([i]) => i));
      const work = items.map((_, i) => i).filter((i) => !out[i] && !followerSet.has(i));

      // 3. Offers not repeated earlier in this batch.
      const reason = new Map<number, NotCountedReason>();
      let fresh: number[] = [];
      const firstInBatch = new Set<string>();
      for (const i of work) {
        const k = offerKey(items[i]!);
        if (firstInBatch.has(k)) reason.set(i, 'already_offered');
        else {
          firstInBatch.add(k);
          fresh.push(i);
        }
      }

      // 4. Fair budgets: each offer draws from its visitor's and its address's budget. It draws
      // before the database says whether it repeats one made earlier today, so a repeat costs
      // its visitor one token (the elements never send one: they know what was offered).
      if (this.limits && fresh.length) {
        const verdicts = await this.#buckets.take(q, fresh.map((i) => this.#draws(items[i]!)), nowMs);
        const refused: Draw[] = [];
        fresh = fresh.filter((i, n) => {
          const empty = verdicts[n];
          if (!empty) return true;
          refused.push(empty);
          reason.set(i, empty.name === 'visitor' ? 'visitor_limit' : empty.name === 'unsigned' ? 'unsigned_visitor' : 'address_limit');
          return false;
        });
        await recordThrottled(q, refused, nowMs);
      }

      // 5. One statement writes the offers (the primary key says which are new today), moves
      // each counter row once by the batch's total for it (rows in key order, so batches never
      // deadlock) and reads the counts and each visitor's kinds. Its reads see the database as
      // the statement began; the counter rows it updated come back as they now stand.
      const touched = [...new Set(work.map((i) => items[i]!.martyrId))];
      const sorted = fresh.map((i) => items[i]!).sort((a, b) => (offerKey(a) < offerKey(b) ? -1 : 1));
      const { rows } = touched.length
        ? await q.query<{ t: 'i' | 'u' | 'c' | 'o'; martyr_id: string; kind: TributeKind; visitor_id: string | null; today: number; total: number }>(
            `WITH input AS (SELECT m, k, v FROM jsonb_to_recordset($2::jsonb) AS x(m text, k text, v text)),
             ins AS (
               INSERT INTO tribute_offers (martyr_id, kind, day, visitor_id) SELECT m, k, $1::date, v FROM input
               ON CONFLICT DO NOTHING RETURNING martyr_id, kind, visitor_id),
             upd AS (
               INSERT INTO tribute_counts (martyr_id, kind, day, count)
                 SELECT martyr_id, kind, $1::date, count(*) FROM ins GROUP BY martyr_id, kind ORDER BY martyr_id, kind
               ON CONFLICT (martyr_id, kind, day) DO UPDATE SET count = tribute_counts.count + EXCLUDED.count
               RETURNING martyr_id, kind, count)
             SELECT 'i' AS t, martyr_id, kind, visitor_id, 0 AS today, 0 AS total FROM ins
             UNION ALL SELECT 'u', martyr_id, kind, NULL, count, 0 FROM upd
             UNION ALL SELECT 'c', martyr_id, kind, NULL, CAST(SUM(CASE WHEN day = $1 THEN count ELSE 0 END) AS int), CAST(SUM(count) AS int)
               FROM tribute_counts WHERE martyr_id = ANY(ARRAY(SELECT jsonb_array_elements_text($3::jsonb))) GROUP BY martyr_id, kind
             UNION ALL SELECT 'o', w.m, kinds.k, w.v, 0, 0
               FROM (SELECT DISTINCT m, v FROM jsonb_to_recordset($4::jsonb) AS y(m text, v text)) w
               CROSS JOIN (VALUES ('flower'), ('bow'), ('candle'), ('sweep')) AS kinds(k)
               -- LATERAL with LIMIT is never flattened into a join: one primary-key probe per row,
               -- whatever the planner believes about the table (PGlite has no autovacuum to tell it).
               CROSS JOIN LATERAL (SELECT 1 FROM tribute_offers o
                 WHERE o.martyr_id = w.m AND o.kind = kinds.k AND o.day = $1 AND o.visitor_id = w.v LIMIT 1) hit`,
            [
              day,
              json(sorted.map((o) => ({ m: o.martyrId, k: o.kind, v: o.visitorId }))),
              json(touched),
              json(work.map((i) => ({ m: items[i]!.martyrId, v: items[i]!.visitorId }))),
            ],
          )
        : { rows: [] };
      const inserted = new Set<string>();
      const counts = new Map<string, Counts>(touched.map((id) => [id, { day, today: zero(), total: zero() }]));
      const todayNow = new Map<string, number>();
      const kindsOf = new Map<string, Set<TributeKind>>();
      const addKind = (m: string, v: string, k: TributeKind) => {
        const id = `${m}\n${v}`;
        const set = kindsOf.get(id) ?? new Set();
        set.add(k);
        kindsOf.set(id, set);
      };
      for (const r of rows) {
        if (r.t === 'i') {
          inserted.add(offerKey({ martyrId: r.martyr_id, kind: r.kind, visitorId: r.visitor_id! }));
          addKind(r.martyr_id, r.visitor_id!, r.kind);
        } else if (r.t === 'o') addKind(r.martyr_id, r.visitor_id!, r.kind);
        else if (r.t === 'u') todayNow.set(`${r.martyr_id}\n${r.kind}`, Number(r.today));
        else {
          const c = counts.get(r.martyr_id)!;
          c.today[r.kind] = Number(r.today);
          c.total[r.kind] = Number(r.total);
        }
      }
      // Counter rows this statement moved: today as it now stands, the total moved with it.
      for (const [id, now] of todayNow) {
        const [m, k] = id.split('\n') as [string, TributeKind];
        const c = counts.get(m)!;
        c.total[k] += now - c.today[k];
        c.today[k] = now;
      }
      for (const i of fresh) if (!inserted.has(offerKey(items[i]!))) reason.set(i, 'already_offered');
      if (work.length) {
        committedCounts = counts;
        // Walk the batch backwards, taking later offers off, so each answer shows its own count.
        const later = new Map<string, TributeCounts>();
        for (const i of [...work].reverse()) {
          const o = items[i]!;
          const c = counts.get(o.martyrId)!;
          const after = later.get(o.martyrId) ?? zero();
          const summary: TributeSummary = {
            martyrId: o.martyrId,
            day,
            today: Object.fromEntries(TRIBUTE_KINDS.map((k) => [k, c.today[k] - after[k]])) as TributeCounts,
            total: Object.fromEntries(TRIBUTE_KINDS.map((k) => [k, c.total[k] - after[k]])) as TributeCounts,
            offeredToday: TRIBUTE_KINDS.filter((k) => kindsOf.get(`${o.martyrId}\n${o.visitorId}`)?.has(k)),
          };
          const why = reason.get(i);
          if (!why) {
            after[o.kind]++;
            later.set(o.martyrId, after);
          }
          const body: TributeResult = why ? { counted: false, reason: why, kind: o.kind, summary } : { counted: true, kind: o.kind, summary };
          out[i] = { status: why ? 200 : 201, body, replayed: false };
        }
      }

      // 7. Store the answers of the keys this batch claimed.
      if (claimedKeys.size) {
        const stored = [...claimedKeys].sort().map((k) => {
          const a = out[leaderOf.get(k)!] as OfferAnswer;
          return { k, h: items[leaderOf.get(k)!]!.idempotency!.hash, s: a.status, r: a.body };
        });
        // An upsert rather than UPDATE … FROM: it finds each row by the primary key, never by a join.
        await q.query(
          `INSERT INTO idempotency_keys (key, request_hash, status, response)
             SELECT k, h, s, r FROM jsonb_to_recordset($1::jsonb) AS x(k text, h text, s int, r jsonb)
           ON CONFLICT (scope, key) DO UPDATE SET status = EXCLUDED.status, response = EXCLUDED.response`,
          [json(stored)],
        );
      }
      for (const [i, lead] of followers) {
        const a = out[lead]!;
        out[i] = a instanceof Error ? a : { ...a, replayed: true };
      }

      if (pruneDue && this.limits) {
        this.#prunedAt = nowMs;
        const l = this.limits;
        const longest = Math.max(...[l.mint, l.visitor, l.address, l.unsigned].map((b) => (b.burst / b.perHour) * 3_600_000));
        await pruneLimits(q, nowMs, longest);
      }
      return out as (OfferAnswer | Error)[];
    });
    if (committedCounts) this.onCommitted(committedCounts);
    return answers;
  }
}

const reused = () => new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request');

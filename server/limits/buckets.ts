import type { Queryable } from '../db/database.js';
import type { Budget } from './fair-limits.js';

/** One budget a request draws one token from. */
export interface Draw {
  /** The row in `limit_buckets`, e.g. `address:203.0.113.7`. */
  key: string;
  /** What the answer and the staff record call it: `address`, `visitor`, `unsigned`, `mint`. */
  name: string;
  budget: Budget;
  /** The address to record if this budget refuses. */
  address: string;
}

const MS_PER_HOUR = 3_600_000;
const jsonArray = (values: unknown[]) => JSON.stringify(values);

/**
 * Token buckets kept in the database, so every process draws from the same budget: a request
 * that needs several budgets (its visitor's and its address's) gets a token from each or from
 * none. Rows are locked in key order, so concurrent batches never deadlock on them.
 *
 * A bucket this process has seen run dry is remembered until it would have earned a token
 * back: requests to it are refused without a database round trip. That only ever refuses what
 * the database would also refuse (another process can only spend tokens, not add them), so a
 * flood from one address costs memory lookups, not writes.
 */
export class Buckets {
  readonly #dryUntil = new Map<string, number>();

  /** The name of the first budget in `draws` known to be empty at `nowMs`, if any. */
  knownDry(draws: readonly Draw[], nowMs: number): Draw | undefined {
    for (const d of draws) {
      const until = this.#dryUntil.get(d.key);
      if (until === undefined) continue;
      if (nowMs < until) return d;
      this.#dryUntil.delete(d.key);
    }
    return undefined;
  }

  /** Milliseconds until `draw`'s bucket earns a token back, as this process knows it (0 if unknown). */
  retryAfterMs(draw: Draw, nowMs: number): number {
    return Math.max(0, (this.#dryUntil.get(draw.key) ?? nowMs) - nowMs);
  }

  /**
   * For each request in order: takes one token from every draw, or refuses it with the draw
   * that was empty. Runs inside the caller's transaction.
   */
  async take(tx: Queryable, requests: readonly (readonly Draw[])[], nowMs: number): Promise<(Draw | null)[]> {
    const answers: (Draw | null)[] = requests.map(() => null);
    const pending: number[] = [];
    requests.forEach((draws, i) => {
      const dry = this.knownDry(draws, nowMs);
      if (dry) answers[i] = dry;
      else if (draws.length) pending.push(i);
    });
    if (pending.length === 0) return answers;

    const budgets = new Map<string, Budget>();
    for (const i of pending) for (const d of requests[i]!) budgets.set(d.key, d.budget);
    const keys = [...budgets.keys()].sort();
    // One statement creates missing buckets full and locks every one (a no-op update on conflict
    // takes the row lock and returns the row as it stands).
    const { rows } = await tx.query<{ key: string; tokens: number; at_ms: number }>(
      `INSERT INTO limit_buckets (key, tokens, at_ms)
         SELECT k, t, $2 FROM jsonb_to_recordset($1::jsonb) AS x(k text, t float8) ORDER BY k
       ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
       RETURNING key, tokens, at_ms`,
      [jsonArray(keys.map((k) => ({ k, t: budgets.get(k)!.burst }))), nowMs],
    );
    const level = new Map<string, number>();
    for (const r of rows) {
      const b = budgets.get(r.key)!;
      const earned = (Math.max(0, nowMs - Number(r.at_ms)) / MS_PER_HOUR) * b.perHour;
      level.set(r.key, Math.min(b.burst, Number(r.tokens) + earned));
    }
    for (const i of pending) {
      const draws = requests[i]!;
      const empty = draws.find((d) => (level.get(d.key) ?? 0) < 1);
      if (empty) {
        answers[i] = empty;
        continue;
      }
      for (const d of draws) level.set(d.key, level.get(d.key)! - 1);
    }
    // An upsert rather than UPDATE … FROM: each row is found by its primary key, never by a join.
    await tx.query(
      `INSERT INTO limit_buckets (key, tokens, at_ms) SELECT k, t, $2 FROM jsonb_to_recordset($1::jsonb) AS x(k text, t float8) ORDER BY k
       ON CONFLICT (key) DO UPDATE SET tokens = EXCLUDED.tokens, at_ms = EXCLUDED.at_ms`,
      [jsonArray(keys.map((k) => ({ k, t: level.get(k) ?? 0 }))), nowMs],
    );
    for (const k of keys) {
      const left = level.get(k) ?? 0;
      if (left < 1) this.#dryUntil.set(k, nowMs + ((1 - left) / budgets.get(k)!.perHour) * MS_PER_HOUR);
    }
    if (this.#dryUntil.size > 100_000) this.#dryUntil.clear();
    return answers;
  }
}

/** Adds refused requests to the staff record, one row per address, budget and hour. */
export async function recordThrottled(tx: Queryable, refused: readonly Draw[], nowMs: number): Promise<void> {
  if (refused.length === 0) return;
  const counts = new Map<string, { a: string; b: string; n: number }>();
  for (const d of refused) {
    const id = `${d.address}\n${d.name}`;
    const e = counts.get(id) ?? { a: d.address, b: d.name, n: 0 };
    e.n++;
    counts.set(id, e);
  }
  const rows = [...counts.values()].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
  await tx.query(
    `INSERT INTO throttle_events (address, budget, hour, refused, first_at, last_at)
       SELECT a, b, date_trunc('hour', to_timestamp($2 / 1000.0)), n, to_timestamp($2 / 1000.0), to_timestamp($2 / 1000.0)
         FROM jsonb_to_recordset($1::jsonb) AS x(a text, b text, n int)
     ON CONFLICT (address, budget, hour) DO UPDATE SET refused = throttle_events.refused + EXCLUDED.refused, last_at = EXCLUDED.last_at`,
    [jsonArray(rows), nowMs],
  );
}

/**
 * Forgets what no longer matters: buckets untouched long enough to be full again (a full
 * bucket and a missing one are the same), staff records older than 30 days.
 */
export async function pruneLimits(tx: Queryable, nowMs: number, longestRefillMs: number): Promise<void> {
  await tx.query('DELETE FROM limit_buckets WHERE at_ms < $1', [nowMs - longestRefillMs]);
  await tx.query('DELETE FROM throttle_events WHERE last_at < to_timestamp($1 / 1000.0)', [nowMs - 30 * 86_400_000]);
}

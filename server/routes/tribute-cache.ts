import type { TributeSummary } from '../../src/contract/index.js';
import { represent, type Representation } from '../http/cacheable.js';
import type { Counts } from './tribute-writer.js';

/**
 * Public tribute summaries held in this process for a moment, serialized with their ETag, so a
 * page-load peak of summary GETs costs no query per request. This process's own commits
 * update it at once (a reader sees their own tribute); other processes' commits show within
 * `ttlMs`, well inside the summary's `max-age`.
 */
export class SummaryCache {
  readonly #entries = new Map<string, { at: number; day: string; rep: Representation }>();

  constructor(
    private readonly ttlMs = 2000,
    private readonly maxEntries = 20_000,
  ) {}

  get(martyrId: string, day: string, nowMs: number): Representation | undefined {
    const e = this.#entries.get(martyrId);
    if (!e || e.day !== day || nowMs - e.at > this.ttlMs || nowMs < e.at) return undefined;
    return e.rep;
  }

  put(martyrId: string, counts: Counts, nowMs: number): Representation {
    const summary: TributeSummary = { martyrId, day: counts.day, today: counts.today, total: counts.total };
    const rep = represent(summary);
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.delete(martyrId);
    this.#entries.set(martyrId, { at: nowMs, day: counts.day, rep });
    return rep;
  }
}

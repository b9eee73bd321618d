/**
 * Campaign days are decided in Asia/Shanghai whatever the reader's time zone. China has kept
 * UTC+8 all year since 1991, so the Shanghai calendar day is the UTC day of the instant moved
 * forward eight hours: no time-zone database is needed and every engine agrees.
 */
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `YYYY-MM-DD` in Asia/Shanghai at `ms` (milliseconds since the epoch). */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from calendar day `from` to calendar day `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** Milliseconds from `ms` until the next midnight in Asia/Shanghai, when the phase may change. */
export function untilShanghaiMidnight(ms: number): number {
  return DAY_MS - ((ms + SHANGHAI_OFFSET_MS) % DAY_MS);
}

export type CampaignPhase = 'upcoming' | 'active' | 'ended';

/** Where `ms` falls against a window of Shanghai days (`start` and `end` inclusive). */
export function campaignPhase(window: { startDate: string; endDate: string }, ms: number): CampaignPhase {
  const today = shanghaiDay(ms);
  return today < window.startDate ? 'upcoming' : today > window.endDate ? 'ended' : 'active';
}

import * as z from 'zod/mini';
import { CalendarDay, Id } from './common.js';

/** 献花, 鞠躬, 点烛, 擦拭墓碑. */
export const TRIBUTE_KINDS = ['flower', 'bow', 'candle', 'sweep'] as const;
export const TributeKind = z.enum(TRIBUTE_KINDS);
export type TributeKind = z.infer<typeof TributeKind>;

/**
 * A random id the browser keeps for itself so one visitor counts once per kind per day.
 * It identifies a browser, not a person, and is never linked to personal data.
 */
export const VisitorId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "_" or "-"'));

const countsPerKind = z.object({
  flower: z.number().check(z.int(), z.gte(0)),
  bow: z.number().check(z.int(), z.gte(0)),
  candle: z.number().check(z.int(), z.gte(0)),
  sweep: z.number().check(z.int(), z.gte(0)),
});
export type TributeCounts = z.infer<typeof countsPerKind>;

export const TributeSummary = z.object({
  martyrId: Id,
  /** The Asia/Shanghai calendar day that `today` counts. */
  day: CalendarDay,
  today: countsPerKind,
  total: countsPerKind,
  /** Kinds this visitor has offered today; present when the request named a visitor. */
  offeredToday: z.optional(z.array(TributeKind)),
});
export type TributeSummary = z.infer<typeof TributeSummary>;

export const TributeSummaryQuery = z.object({ visitorId: z.optional(VisitorId) });

export const TributeOffer = z.object({
  kind: TributeKind,
  visitorId: VisitorId,
});
export type TributeOffer = z.infer<typeof TributeOffer>;

export const TributeResult = z.object({
  /** False when this visitor had already offered this kind today: nothing was added. */
  counted: z.boolean(),
  kind: TributeKind,
  summary: TributeSummary,
});
export type TributeResult = z.infer<typeof TributeResult>;

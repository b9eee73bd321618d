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

/**
 * Why an offer was not counted: `already_offered` (this visitor offered this kind to this
 * martyr today), `visitor_limit` (this visitor's hourly budget is spent), `address_limit` (the
 * budget of the visitor's network address is spent), `unsigned_visitor` (the visitor id was not
 * minted by `POST /visitors` and the small allowance for such ids at this address is spent).
 */
export const NOT_COUNTED_REASONS = ['already_offered', 'visitor_limit', 'address_limit', 'unsigned_visitor'] as const;
export const NotCountedReason = z.enum(NOT_COUNTED_REASONS);
export type NotCountedReason = z.infer<typeof NotCountedReason>;

export const TributeResult = z.object({
  /** False when nothing was added; `reason` says why. Never an error: the reader's gesture was received. */
  counted: z.boolean(),
  /** Present exactly when `counted` is false. */
  reason: z.optional(NotCountedReason),
  kind: TributeKind,
  summary: TributeSummary,
});
export type TributeResult = z.infer<typeof TributeResult>;

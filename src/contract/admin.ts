import * as z from 'zod/mini';
import { Cursor, Id, Limit, page, text } from './common.js';
import { MessageStatus } from './message.js';

/** Moderation queue filter; defaults to what needs a decision. */
export const AdminMessageQuery = z.object({
  status: z.optional(MessageStatus),
  /** Only messages with reports no moderator has looked at yet (e.g. approved ones still on the wall). */
  reported: z.optional(z.stringbool()),
  cursor: z.optional(Cursor),
  limit: z.optional(Limit),
});
export type AdminMessageQuery = z.input<typeof AdminMessageQuery>;

export const ModerationDecision = z.object({
  /** Shown in the audit log; required when rejecting. */
  reason: z.optional(text(1, 200)),
});
export type ModerationDecision = z.input<typeof ModerationDecision>;

export const AuditEntry = z.object({
  id: z.number(),
  at: z.iso.datetime({ offset: true }),
  actor: z.string(),
  action: z.string(),
  subject: z.nullable(z.string()),
  detail: z.nullable(z.record(z.string(), z.unknown())),
  /** The staff account that acted (null for the system and entries from before named accounts). */
  accountId: z.optional(z.nullable(z.string())),
  /** The role the action was authorized under. */
  role: z.optional(z.nullable(z.string())),
  requestId: z.optional(z.nullable(z.string())),
  /** The client address the request came from. */
  address: z.optional(z.nullable(z.string())),
  /** The relative-search case concerned, if any. */
  case: z.optional(z.nullable(z.string())),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditQuery = z.object({
  cursor: z.optional(Cursor),
  limit: z.optional(Limit),
  /** Only this person (their login). */
  actor: z.optional(text(1, 60)),
  /** Only this action, e.g. `case.reveal`. */
  action: z.optional(text(1, 60)),
  /** Only entries about this case reference. */
  case: z.optional(text(1, 40)),
  /** Only entries at or after / before these instants. */
  from: z.optional(z.iso.datetime({ offset: true })),
  to: z.optional(z.iso.datetime({ offset: true })),
});
export const AuditPage = page(AuditEntry);

/** Per host site: what the supervising bureau checks to see who carries the campaign link. */
export const EmbedSite = z.object({
  origin: z.string(),
  firstSeen: z.iso.datetime({ offset: true }),
  lastSeen: z.iso.datetime({ offset: true }),
  impressions: z.number().check(z.int(), z.gte(0)),
  clicks: z.number().check(z.int(), z.gte(0)),
  /** Days on which the banner was seen there. */
  days: z.number().check(z.int(), z.gte(0)),
  lastPath: z.nullable(z.string()),
});
export type EmbedSite = z.infer<typeof EmbedSite>;
export const EmbedReport = z.object({
  campaignId: Id,
  items: z.array(EmbedSite),
  /** Most impressions first, 100 hosts a page by default; pass it back as `cursor`. */
  nextCursor: z.nullable(Cursor),
});
export const EmbedReportQuery = z.object({ cursor: z.optional(Cursor), limit: z.optional(Limit) });
export type EmbedReport = z.infer<typeof EmbedReport>;

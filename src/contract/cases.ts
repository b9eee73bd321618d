import * as z from 'zod/mini';
import { Cursor, Id, Limit, PartialDate, page, text } from './common.js';
import { DivisionCode, MartyrSummary, MatchReason, PeriodId } from './martyr.js';
import { Mobile, Relationship } from './relatives.js';

/**
 * Staff work on relative leads and family searches ("cases"). Everything here is behind the
 * admin token: lists carry masked mobiles and never an ID number; the full contact is given
 * only by an explicit reveal, which the audit log records with its reason.
 */
export const CaseReference = z.string().check(z.regex(/^[LF]\d{8}-[A-Z0-9]{6}$/, 'must be a case reference such as F20250404-7KQ2MX'));
export const CaseReferenceParam = z.object({ reference: CaseReference });

export const CaseStatus = z.enum(['open', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CaseListQuery = z.object({
  /** Defaults to open cases. */
  status: z.optional(CaseStatus),
  cursor: z.optional(Cursor),
  limit: z.optional(Limit),
});
export type CaseListQuery = z.input<typeof CaseListQuery>;

const caseShape = {
  reference: CaseReference,
  claimantName: z.string(),
  relationship: Relationship,
  /** `138****5678`: the full number only through a reveal. */
  mobileMasked: z.string(),
  /** Whether an ID number was given (it is never listed). */
  hasIdNumber: z.boolean(),
  knowledge: z.string(),
  status: CaseStatus,
  createdAt: z.iso.datetime({ offset: true }),
  closedAt: z.nullable(z.iso.datetime({ offset: true })),
};

export const AdminRelativeLead = z.object({
  ...caseShape,
  martyrId: Id,
  martyrName: z.string(),
});
export type AdminRelativeLead = z.infer<typeof AdminRelativeLead>;
export const AdminRelativeLeadPage = page(AdminRelativeLead);

export const AdminFamilySearch = z.object({
  ...caseShape,
  martyrName: z.string(),
  nativePlace: z.nullable(z.string()),
  nativePlaceCode: z.nullable(DivisionCode),
  period: z.nullable(PeriodId),
  deathDate: z.nullable(PartialDate),
  unit: z.nullable(z.string()),
  /** Candidate martyrs waiting for a decision. */
  pendingMatches: z.number().check(z.int(), z.gte(0)),
});
export type AdminFamilySearch = z.infer<typeof AdminFamilySearch>;
export const AdminFamilySearchPage = page(AdminFamilySearch);

/** Why the full contact is needed; recorded in the audit log. */
export const CaseRevealRequest = z.object({ reason: text(1, 200) });
export type CaseRevealRequest = z.input<typeof CaseRevealRequest>;

export const CaseContact = z.object({
  reference: CaseReference,
  claimantName: z.string(),
  mobile: Mobile,
  idNumber: z.nullable(z.string()),
});
export type CaseContact = z.infer<typeof CaseContact>;

export const CaseCloseRequest = z.object({ reason: z.optional(text(1, 200)) });
export type CaseCloseRequest = z.input<typeof CaseCloseRequest>;

export const CaseClosed = z.object({
  reference: CaseReference,
  status: CaseStatus,
  closedAt: z.iso.datetime({ offset: true }),
});
export type CaseClosed = z.infer<typeof CaseClosed>;

export const MatchStatus = z.enum(['pending', 'confirmed', 'dismissed']);
export type MatchStatus = z.infer<typeof MatchStatus>;

export const CaseMatchQuery = z.object({
  /** Defaults to pending. */
  status: z.optional(MatchStatus),
  familySearch: z.optional(CaseReference),
  martyrId: z.optional(Id),
  cursor: z.optional(Cursor),
  limit: z.optional(Limit),
});
export type CaseMatchQuery = z.input<typeof CaseMatchQuery>;

/** A martyr seeking relatives proposed for a family's search, by the same name matcher as search. */
export const CaseMatch = z.object({
  id: Id,
  familySearch: z.object({
    reference: CaseReference,
    martyrName: z.string(),
    status: CaseStatus,
  }),
  martyr: MartyrSummary,
  reason: MatchReason,
  /** Name score, nudged up when 籍贯 and period agree. */
  score: z.number().check(z.gte(0), z.lte(1)),
  status: MatchStatus,
  createdAt: z.iso.datetime({ offset: true }),
  decidedAt: z.nullable(z.iso.datetime({ offset: true })),
  decidedBy: z.nullable(z.string()),
});
export type CaseMatch = z.infer<typeof CaseMatch>;
export const CaseMatchPage = page(CaseMatch);

export const MatchDecision = z.object({ reason: z.optional(text(1, 200)) });
export type MatchDecision = z.input<typeof MatchDecision>;

export const SeekingRelativesInput = z.object({
  seeking: z.boolean(),
  reason: z.optional(text(1, 200)),
});
export type SeekingRelativesInput = z.input<typeof SeekingRelativesInput>;

export const SeekingRelativesResult = z.object({
  martyrId: Id,
  seekingRelatives: z.boolean(),
  /** Open family searches newly proposed as matches. */
  newMatches: z.number().check(z.int(), z.gte(0)),
});
export type SeekingRelativesResult = z.infer<typeof SeekingRelativesResult>;

export const RetentionPurgeRequest = z.object({});
export const RetentionPurgeResult = z.object({
  retentionDays: z.number().check(z.int(), z.gte(1)),
  /** Closed cases closed before this instant were deleted. */
  closedBefore: z.iso.datetime({ offset: true }),
  relativeLeads: z.number().check(z.int(), z.gte(0)),
  familySearches: z.number().check(z.int(), z.gte(0)),
  /** Stored POST answers older than the 24-hour idempotency window that were deleted. */
  idempotencyKeys: z.number().check(z.int(), z.gte(0)),
});
export type RetentionPurgeResult = z.infer<typeof RetentionPurgeResult>;

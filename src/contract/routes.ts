import * as z from 'zod/mini';
import { Id } from './common.js';
import { Martyr, MartyrSearchPage, MartyrSearchQuery } from './martyr.js';
import { TributeOffer, TributeResult, TributeSummary, TributeSummaryQuery } from './tribute.js';
import { MessageInput, MessageListQuery, MessagePage, MessageReceipt, MessageReport } from './message.js';
import { CalendarCampaign, CampaignEvent, CampaignEventAck, CampaignIdParam, CampaignList, CampaignListQuery, Campaign } from './campaign.js';
import { CaseReceipt, FamilySearchInput, RelativeLeadInput } from './relatives.js';
import { AdminMessageQuery, AuditPage, AuditQuery, EmbedReport, EmbedReportQuery, ModerationDecision } from './admin.js';
import { ModeratedMessage, ModeratedMessagePage } from './message.js';
import { CampaignInput } from './campaign.js';
import { CampaignOverride, CampaignOverrideInput, CampaignOverrideParams, CampaignRule, CampaignRuleIdParam, CampaignRuleList, CampaignRuleWithOverrides } from './calendar.js';
import { RegionList, RegionQuery } from './regions.js';
import { cemeteryRoutes } from './cemetery-routes.js';
import { EmbedHost, EmbedHostCheckRequest, EmbedHostInput, EmbedHostList } from './embed-hosts.js';
import {
  AdminFamilySearchPage, AdminRelativeLeadPage, CaseCloseRequest, CaseClosed, CaseContact, CaseListQuery, CaseMatch, CaseMatchPage,
  CaseMatchQuery, CaseReferenceParam, CaseRevealRequest, MatchDecision, RetentionPurgeRequest, RetentionPurgeResult,
  SeekingRelativesInput, SeekingRelativesResult,
} from './cases.js';
import { staffRoutes } from './staff-routes.js';
import { visitorRoutes } from './visitor-routes.js';

/**
 * One entry per REST operation. The server validates with these schemas, the SDK validates
 * responses with them, and the OpenAPI document is generated from them: a shape is never
 * written twice.
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style path under /api/v1, e.g. `/martyrs/{id}`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.core.$ZodType;
  /** A multipart/form-data upload instead of a JSON body: the file field and the types it takes. */
  multipart?: { field: string; accept: readonly string[] };
  response: z.core.$ZodType;
  /** The success status; POSTs that may answer a replay say so in `alsoStatus`. */
  status: 200 | 201 | 202 | 204;
  alsoStatus?: readonly number[];
  /** Needs `Authorization: Bearer <admin token>`. */
  admin?: boolean;
  /** Staff routes outside /admin: `public` (sign-in) or `session` (cookie + CSRF only). */
  auth?: 'public' | 'session';
}

const IdParam = z.object({ id: Id });
const Acknowledged = z.object({ ok: z.literal(true) });

export const routes = {
  searchMartyrs: {
    method: 'GET', path: '/martyrs', tag: 'martyrs', summary: 'Search the roll by name and filters',
    query: MartyrSearchQuery, response: MartyrSearchPage, status: 200,
  },
  getMartyr: {
    method: 'GET', path: '/martyrs/{id}', tag: 'martyrs', summary: "A martyr's record",
    params: IdParam, response: Martyr, status: 200,
  },
  getTributeSummary: {
    method: 'GET', path: '/martyrs/{id}/tributes', tag: 'tributes', summary: 'Tribute counts today and all-time, per kind',
    params: IdParam, query: TributeSummaryQuery, response: TributeSummary, status: 200,
  },
  offerTribute: {
    method: 'POST', path: '/martyrs/{id}/tributes', tag: 'tributes',
    summary: 'Offer a tribute; one of each kind per visitor per martyr per day, within fair budgets (over them: 200 with counted false and a reason)',
    params: IdParam, body: TributeOffer, response: TributeResult, status: 201, alsoStatus: [200],
  },
  listMessages: {
    method: 'GET', path: '/martyrs/{id}/messages', tag: 'messages', summary: 'Approved messages, newest first',
    params: IdParam, query: MessageListQuery, response: MessagePage, status: 200,
  },
  postMessage: {
    method: 'POST', path: '/martyrs/{id}/messages', tag: 'messages', summary: 'Leave a message; it is held for review',
    params: IdParam, body: MessageInput, response: MessageReceipt, status: 202,
  },
  reportMessage: {
    method: 'POST', path: '/messages/{id}/reports', tag: 'messages', summary: 'Report a message: one report per visitor and address; hidden for review on several reports or a sensitive word',
    params: IdParam, body: MessageReport, response: Acknowledged, status: 202,
  },
  listCampaigns: {
    method: 'GET', path: '/campaigns', tag: 'campaigns', summary: 'Campaigns, optionally only those active at an instant',
    query: CampaignListQuery, response: CampaignList, status: 200,
  },
  getCampaign: {
    method: 'GET', path: '/campaigns/{id}', tag: 'campaigns', summary: 'One campaign; `current` is the one active now',
    params: CampaignIdParam, response: CalendarCampaign, status: 200,
  },
  currentCampaign: {
    method: 'GET', path: '/campaigns/current', tag: 'campaigns',
    summary: 'The campaign active now (Asia/Shanghai day), the most recently started if several; 404 between campaigns',
    response: CalendarCampaign, status: 200,
  },
  nextCampaign: {
    method: 'GET', path: '/campaigns/next', tag: 'campaigns', summary: 'The next campaign to start after today (Asia/Shanghai)',
    response: CalendarCampaign, status: 200,
  },
  recordCampaignEvent: {
    method: 'POST', path: '/campaigns/{id}/events', tag: 'campaigns',
    summary: 'Record that a host page showed or followed the banner (accepts text/plain for sendBeacon)',
    params: IdParam, body: CampaignEvent, response: CampaignEventAck, status: 202,
  },
  submitLead: {
    method: 'POST', path: '/relative-leads', tag: 'relatives', summary: 'A claim or clue about a published martyr',
    body: RelativeLeadInput, response: CaseReceipt, status: 201,
  },
  registerFamilySearch: {
    method: 'POST', path: '/family-searches', tag: 'relatives', summary: "Register a family's search for a martyr",
    body: FamilySearchInput, response: CaseReceipt, status: 201,
  },
  listRegions: {
    method: 'GET', path: '/regions', tag: 'regions',
    summary: 'GB/T 2260 divisions one level at a time: provinces, or the children of `parent`',
    query: RegionQuery, response: RegionList, status: 200,
  },

  // Admin: behind `Authorization: Bearer <token>`; `X-Admin-Actor` names the person for the audit log.
  adminListMessages: {
    method: 'GET', path: '/admin/messages', tag: 'admin', summary: 'Messages by status (pending first by default), oldest first',
    query: AdminMessageQuery, response: ModeratedMessagePage, status: 200, admin: true,
  },
  adminApproveMessage: {
    method: 'POST', path: '/admin/messages/{id}/approve', tag: 'admin', summary: 'Approve a message: it appears on the wall',
    params: IdParam, body: ModerationDecision, response: ModeratedMessage, status: 200, admin: true,
  },
  adminRejectMessage: {
    method: 'POST', path: '/admin/messages/{id}/reject', tag: 'admin', summary: 'Reject a message: it is never shown',
    params: IdParam, body: ModerationDecision, response: ModeratedMessage, status: 200, admin: true,
  },
  adminDeleteMessage: {
    method: 'DELETE', path: '/admin/messages/{id}', tag: 'admin', summary: 'Delete a message for good (e.g. defamation that must be removed)',
    params: IdParam, response: Acknowledged, status: 200, admin: true,
  },
  adminAuditLog: {
    method: 'GET', path: '/admin/audit', tag: 'admin', summary: 'Who did what and when, newest first',
    query: AuditQuery, response: AuditPage, status: 200, admin: true,
  },
  adminCreateCampaign: {
    method: 'POST', path: '/admin/campaigns', tag: 'admin', summary: 'Add a campaign to the calendar',
    body: CampaignInput, response: Campaign, status: 201, admin: true,
  },
  adminUpdateCampaign: {
    method: 'PUT', path: '/admin/campaigns/{id}', tag: 'admin', summary: 'Replace a campaign (the id in the body must match)',
    params: IdParam, body: CampaignInput, response: Campaign, status: 200, admin: true,
  },
  adminListCampaignRules: {
    method: 'GET', path: '/admin/campaign-rules', tag: 'admin', summary: 'The recurring campaigns (rules) with their per-year overrides',
    response: CampaignRuleList, status: 200, admin: true,
  },
  adminCreateCampaignRule: {
    method: 'POST', path: '/admin/campaign-rules', tag: 'admin', summary: 'Add a recurring campaign (one a year, id {rule}-{year})',
    body: CampaignRule, response: CampaignRuleWithOverrides, status: 201, admin: true,
  },
  adminUpdateCampaignRule: {
    method: 'PUT', path: '/admin/campaign-rules/{id}', tag: 'admin', summary: 'Replace a rule (the id in the body must match); set lastYear to end it',
    params: CampaignRuleIdParam, body: CampaignRule, response: CampaignRuleWithOverrides, status: 200, admin: true,
  },
  adminPutCampaignOverride: {
    method: 'PUT', path: '/admin/campaign-rules/{id}/years/{year}', tag: 'admin',
    summary: "Set one year's override from that year's notice (title, theme, exact dates, column)",
    params: CampaignOverrideParams, body: CampaignOverrideInput, response: CampaignOverride, status: 200, admin: true,
  },
  adminDeleteCampaignOverride: {
    method: 'DELETE', path: '/admin/campaign-rules/{id}/years/{year}', tag: 'admin', summary: "Remove a year's override: the rule decides again",
    params: CampaignOverrideParams, response: Acknowledged, status: 200, admin: true,
  },
  campaignEmbeds: {
    method: 'GET', path: '/campaigns/{id}/embeds', tag: 'admin', summary: 'Host sites that carry the banner: first/last seen, impressions, clicks',
    params: IdParam, query: EmbedReportQuery, response: EmbedReport, status: 200, admin: true,
  },
  adminListEmbedHosts: {
    method: 'GET', path: '/admin/embed-hosts', tag: 'admin', summary: 'Host pages registered for link verification, with their last check',
    response: EmbedHostList, status: 200, admin: true,
  },
  adminRegisterEmbedHost: {
    method: 'POST', path: '/admin/embed-hosts', tag: 'admin', summary: 'Register (or re-point) the host page that should carry the campaign link',
    body: EmbedHostInput, response: EmbedHost, status: 201, alsoStatus: [200], admin: true,
  },
  adminCheckEmbedHost: {
    method: 'POST', path: '/admin/embed-hosts/check', tag: 'admin',
    summary: 'Fetch a registered host page now and record whether the national-platform link and the banner are on it',
    body: EmbedHostCheckRequest, response: EmbedHost, status: 200, admin: true,
  },

  // Relative search casework (personal data: masked in lists, revealed only with an audited reason).
  adminListRelativeLeads: {
    method: 'GET', path: '/admin/relative-leads', tag: 'admin', summary: 'Relative leads by status (open by default), oldest first; mobiles masked',
    query: CaseListQuery, response: AdminRelativeLeadPage, status: 200, admin: true,
  },
  adminListFamilySearches: {
    method: 'GET', path: '/admin/family-searches', tag: 'admin', summary: 'Family searches by status (open by default), oldest first; mobiles masked',
    query: CaseListQuery, response: AdminFamilySearchPage, status: 200, admin: true,
  },
  adminRevealCase: {
    method: 'POST', path: '/admin/cases/{reference}/reveal', tag: 'admin',
    summary: "Reveal one case's full mobile and decrypted ID number; the reason is audited",
    params: CaseReferenceParam, body: CaseRevealRequest, response: CaseContact, status: 200, admin: true,
  },
  adminCloseCase: {
    method: 'POST', path: '/admin/cases/{reference}/close', tag: 'admin',
    summary: 'Close a lead or family search; closed cases are purged after the retention period',
    params: CaseReferenceParam, body: CaseCloseRequest, response: CaseClosed, status: 200, admin: true,
  },
  adminListMatches: {
    method: 'GET', path: '/admin/matches', tag: 'admin', summary: 'Proposed family-search ↔ martyr matches (pending by default), best score first',
    query: CaseMatchQuery, response: CaseMatchPage, status: 200, admin: true,
  },
  adminConfirmMatch: {
    method: 'POST', path: '/admin/matches/{id}/confirm', tag: 'admin', summary: 'Confirm a proposed match',
    params: IdParam, body: MatchDecision, response: CaseMatch, status: 200, admin: true,
  },
  adminDismissMatch: {
    method: 'POST', path: '/admin/matches/{id}/dismiss', tag: 'admin', summary: 'Dismiss a proposed match; it is not proposed again',
    params: IdParam, body: MatchDecision, response: CaseMatch, status: 200, admin: true,
  },
  adminSetSeekingRelatives: {
    method: 'PUT', path: '/admin/martyrs/{id}/seeking-relatives', tag: 'admin',
    summary: 'Flag or unflag a martyr as seeking relatives; flagging matches it against open family searches',
    params: IdParam, body: SeekingRelativesInput, response: SeekingRelativesResult, status: 200, admin: true,
  },
  adminPurgeClosedCases: {
    method: 'POST', path: '/admin/retention/purge', tag: 'admin',
    summary: 'Delete closed cases older than the retention period (MEMORIAL_RETENTION_DAYS)',
    body: RetentionPurgeRequest, response: RetentionPurgeResult, status: 200, admin: true,
  },
  ...cemeteryRoutes,
  ...staffRoutes,
  ...visitorRoutes,
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof routes;

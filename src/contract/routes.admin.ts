// Staff operations, behind `Authorization: Bearer <token>`; `X-Admin-Actor` names the person for the
// audit log. Imported by the server, the OpenAPI document and the admin client only.
import { AdminMessageQuery, AuditPage, AuditQuery, EmbedReport, EmbedReportQuery, ModerationDecision } from './admin.js';
import {
  CampaignOverride, CampaignOverrideInput, CampaignOverrideParams, CampaignRule, CampaignRuleIdParam, CampaignRuleList, CampaignRuleWithOverrides,
} from './calendar.js';
import { AdminGravePage, AdminGraveQuery, GravePhotoUpload } from './cemetery.js';
import { EmbedHost, EmbedHostCheckRequest, EmbedHostInput, EmbedHostList } from './embed-hosts.js';
import { staffRoutes } from './staff-routes.js';
import { ThrottledPage, ThrottledQuery } from './visitor.js';
import { ModeratedMessage, ModeratedMessagePage } from './message.js';
import { Campaign, CampaignInput } from './campaign.js';
import {
  AdminFamilySearchPage, AdminRelativeLeadPage, CaseCloseRequest, CaseClosed, CaseContact, CaseListQuery, CaseMatch, CaseMatchPage,
  CaseMatchQuery, CaseReferenceParam, CaseRevealRequest, MatchDecision, RetentionPurgeRequest, RetentionPurgeResult,
  SeekingRelativesInput, SeekingRelativesResult,
} from './cases.js';
import { Acknowledged, IdParam, type RouteDef } from './route-def.js';

export const adminRoutes = {
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
  // Cemeteries (issue 12): the grave list staff photograph from, and the photo upload.
  adminListGraves: {
    method: 'GET', path: '/admin/graves', tag: 'admin', summary: 'Graves per cemetery and section; `missingPhoto=true` lists those still to photograph',
    query: AdminGraveQuery, response: AdminGravePage, status: 200, admin: true,
  },
  adminAddGravePhotos: {
    method: 'POST', path: '/admin/graves/{id}/photos', tag: 'admin',
    summary: 'Upload grave photos (multipart/form-data, field `photo`, one or more JPEG/PNG/WebP files)',
    params: IdParam, multipart: { field: 'photo', accept: ['image/jpeg', 'image/png', 'image/webp'] }, response: GravePhotoUpload, status: 201, alsoStatus: [200], admin: true,
  },
  // Fair limits (issue 16): what staff see of the budgets.
  adminThrottled: {
    method: 'GET', path: '/admin/throttled', tag: 'admin',
    summary: 'Addresses whose visitor, tribute or minting budget was spent, per budget and hour, newest first (kept 30 days)',
    query: ThrottledQuery, response: ThrottledPage, status: 200, admin: true,
  },
  ...staffRoutes,
} as const satisfies Record<string, RouteDef>;

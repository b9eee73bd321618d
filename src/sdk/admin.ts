import type { AuditEntry, Campaign, CampaignInput, CampaignOverride, CampaignOverrideInput, CampaignRuleInput, CampaignRuleWithOverrides, EmbedHost, EmbedReport, ModeratedMessage, ModerationDecision } from '../contract/index.js';
import { apiRoot } from './base-url.js';
import type { MemorialClientOptions } from './client.js';
import { pagedList, type PagedList } from './paged-list.js';
import type { QueryOf } from './route-types.js';
import { Transport, type CallOptions, type WriteOptions } from './transport.js';

export interface MemorialAdminClientOptions extends Omit<MemorialClientOptions, 'locale'> {
  /** The server's admin bearer token (MEMORIAL_ADMIN_TOKEN). Keep it out of public pages. */
  token: string;
  /** The person acting, recorded in the audit log beside each decision (e.g. a staff name). */
  actor?: string;
}

/**
 * The staff client: moderation, the campaign calendar and the embed report. A separate entry
 * from the public client so the token and these routes never ride along in a public page.
 */
export function createMemorialAdminClient(opts: MemorialAdminClientOptions) {
  const t = new Transport({
    apiRoot: apiRoot(opts.baseUrl),
    fetch: opts.fetch,
    timeout: opts.timeout ?? 10_000,
    retryLimit: typeof opts.retry === 'number' ? opts.retry : (opts.retry?.limit ?? 2),
    headers: {
      authorization: `Bearer ${opts.token}`,
      ...(opts.actor ? { 'x-admin-actor': encodeURIComponent(opts.actor) } : {}),
      ...opts.headers,
    },
  });
  return {
    messages: {
      /** The moderation queue (pending by default), oldest first. */
      list: (query: QueryOf<'adminListMessages'> = {}, opts?: CallOptions): PagedList<ModeratedMessage> =>
        pagedList((cursor) => t.call('adminListMessages', { query: { ...query, cursor } }, opts), query.cursor),
      approve: (id: string, decision: ModerationDecision = {}, opts?: WriteOptions): Promise<ModeratedMessage> =>
        t.call('adminApproveMessage', { params: { id }, body: decision }, opts),
      /** Rejecting needs a reason; it goes into the audit log. */
      reject: (id: string, decision: ModerationDecision & { reason: string }, opts?: WriteOptions): Promise<ModeratedMessage> =>
        t.call('adminRejectMessage', { params: { id }, body: decision }, opts),
      delete: async (id: string, opts?: WriteOptions): Promise<void> => {
        await t.call('adminDeleteMessage', { params: { id } }, opts);
      },
    },
    campaigns: {
      create: (campaign: CampaignInput, opts?: WriteOptions): Promise<Campaign> => t.call('adminCreateCampaign', { body: campaign }, opts),
      update: (campaign: CampaignInput, opts?: WriteOptions): Promise<Campaign> =>
        t.call('adminUpdateCampaign', { params: { id: campaign.id }, body: campaign }, opts),
      /** One page of the embed report (most impressions first); pass `cursor` from the last page for the next. */
      embeds: (id: string, opts?: CallOptions & { cursor?: string; limit?: number }): Promise<EmbedReport> =>
        t.call('campaignEmbeds', { params: { id }, query: { cursor: opts?.cursor, limit: opts?.limit } }, opts),
    },
    /** Link verification: host pages the bureau registered, fetched by the server on request. */
    embedHosts: {
      list: async (opts?: CallOptions): Promise<EmbedHost[]> => (await t.call('adminListEmbedHosts', {}, opts)).items,
      register: (pageUrl: string, opts?: WriteOptions): Promise<EmbedHost> => t.call('adminRegisterEmbedHost', { body: { pageUrl } }, opts),
      /** Fetches the registered page now; records whether the national-platform link and the banner are on it. */
      check: (origin: string, opts?: WriteOptions): Promise<EmbedHost> => t.call('adminCheckEmbedHost', { body: { origin } }, opts),
    },
    /** The recurring campaigns (docs/calendar.md): rules, and one year's override from its notice. */
    campaignRules: {
      list: async (opts?: CallOptions): Promise<CampaignRuleWithOverrides[]> => (await t.call('adminListCampaignRules', {}, opts)).items,
      create: (rule: CampaignRuleInput, opts?: WriteOptions): Promise<CampaignRuleWithOverrides> => t.call('adminCreateCampaignRule', { body: rule }, opts),
      update: (rule: CampaignRuleInput, opts?: WriteOptions): Promise<CampaignRuleWithOverrides> =>
        t.call('adminUpdateCampaignRule', { params: { id: rule.id }, body: rule }, opts),
      setYear: (id: string, year: number, override: CampaignOverrideInput, opts?: WriteOptions): Promise<CampaignOverride> =>
        t.call('adminPutCampaignOverride', { params: { id, year }, body: override }, opts),
      clearYear: async (id: string, year: number, opts?: WriteOptions): Promise<void> => {
        await t.call('adminDeleteCampaignOverride', { params: { id, year } }, opts);
      },
    },
    /** Who did what and when, newest first. */
    audit: (opts?: CallOptions): PagedList<AuditEntry> => pagedList((cursor) => t.call('adminAuditLog', { query: { cursor } }, opts)),
  };
}
export type MemorialAdminClient = ReturnType<typeof createMemorialAdminClient>;

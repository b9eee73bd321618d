import type { AuditEntry, Campaign, CampaignInput, EmbedReport, ModeratedMessage, ModerationDecision } from '../contract/index.js';
import { adminRoutes } from '../contract/routes.admin.js';
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
        pagedList((cursor) => t.call(adminRoutes.adminListMessages, { query: { ...query, cursor } }, opts), query.cursor),
      approve: (id: string, decision: ModerationDecision = {}, opts?: WriteOptions): Promise<ModeratedMessage> =>
        t.call(adminRoutes.adminApproveMessage, { params: { id }, body: decision }, opts),
      /** Rejecting needs a reason; it goes into the audit log. */
      reject: (id: string, decision: ModerationDecision & { reason: string }, opts?: WriteOptions): Promise<ModeratedMessage> =>
        t.call(adminRoutes.adminRejectMessage, { params: { id }, body: decision }, opts),
      delete: async (id: string, opts?: WriteOptions): Promise<void> => {
        await t.call(adminRoutes.adminDeleteMessage, { params: { id } }, opts);
      },
    },
    campaigns: {
      create: (campaign: CampaignInput, opts?: WriteOptions): Promise<Campaign> => t.call(adminRoutes.adminCreateCampaign, { body: campaign }, opts),
      update: (campaign: CampaignInput, opts?: WriteOptions): Promise<Campaign> =>
        t.call(adminRoutes.adminUpdateCampaign, { params: { id: campaign.id }, body: campaign }, opts),
      /** Which host sites carry the banner, with impressions and clicks. */
      embeds: (id: string, opts?: CallOptions): Promise<EmbedReport> => t.call(adminRoutes.campaignEmbeds, { params: { id } }, opts),
    },
    /** Who did what and when, newest first. */
    audit: (opts?: CallOptions): PagedList<AuditEntry> => pagedList((cursor) => t.call(adminRoutes.adminAuditLog, { query: { cursor } }, opts)),
  };
}
export type MemorialAdminClient = ReturnType<typeof createMemorialAdminClient>;

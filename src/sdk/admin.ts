import type { CampaignOverride, CampaignOverrideInput, CampaignRuleInput, CampaignRuleWithOverrides, EmbedHost } from '../contract/index.js';
import type { RouteDef } from '../contract/route-def.js';
import { adminRoutes } from '../contract/routes.admin.js';
import { apiRoot } from './base-url.js';
import type { MemorialClientOptions } from './client.js';
import { pagedList, type PagedList } from './paged-list.js';
import type { BodyOf, QueryOf, ResponseOf, RouteResponse } from './route-types.js';
import { Transport, type CallArgs, type CallOptions, type WriteOptions } from './transport.js';

type Item<D extends RouteDef> = RouteResponse<D> extends { items: (infer T)[] } ? T : never;

export interface MemorialAdminClientOptions extends Omit<MemorialClientOptions, 'locale'> {
  /**
   * A personal staff API token (`npm run staff -- token LOGIN --label TEXT`): every call acts
   * as that person with their roles. Leave it out in the staff console, which signs in with
   * `staff.signIn()` and then rides on the session cookie. Keep tokens out of public pages.
   */
  token?: string;
  /** The CSRF token of an existing session (from an earlier `staff.signIn()`), sent on every write. */
  csrfToken?: string;
  /** @deprecated The server names the signed-in person in the audit log; this is no longer sent. */
  actor?: string;
}

/**
 * The staff client: sign-in, accounts, moderation, relative casework, the campaign calendar,
 * the embed report and the audit log. A separate entry from the public client so tokens and
 * these routes never ride along in a public page. Lists are `PagedList`s (`for await`).
 */
export function createMemorialAdminClient(opts: MemorialAdminClientOptions) {
  let csrfToken = opts.csrfToken;
  const baseFetch = opts.fetch;
  // The session's CSRF token goes on every write; ky hands fetch a Request, whose headers we may add to.
  const withCsrf: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    if (csrfToken && request.method !== 'GET' && request.method !== 'HEAD') request.headers.set('x-csrf-token', csrfToken);
    return (baseFetch ?? globalThis.fetch)(request);
  };
  const t = new Transport({
    apiRoot: apiRoot(opts.baseUrl),
    fetch: withCsrf,
    timeout: opts.timeout ?? 10_000,
    retryLimit: typeof opts.retry === 'number' ? opts.retry : (opts.retry?.limit ?? 2),
    headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
  });
  // Routes are passed as definitions (routes.admin.ts), as the transport takes them.
  const list = <D extends RouteDef>(route: D, query: object, call?: CallOptions): PagedList<Item<D>> =>
    pagedList((cursor) => t.call(route, { query: { ...query, cursor } } as never, call) as never, (query as { cursor?: string }).cursor);
  const write = <D extends RouteDef>(route: D, args: CallArgs<D>, call?: WriteOptions): Promise<RouteResponse<D>> => t.call(route, args, call);

  return {
    /** The signed-in person: sign-in and sign-out, second factor, password. */
    staff: {
      /** Signs in; in a browser the session cookie is set and later calls ride on it (the CSRF token is kept here). */
      signIn: async (body: BodyOf<'staffSignIn'>, call?: WriteOptions): Promise<ResponseOf<'staffSignIn'>> => {
        const result = await write(adminRoutes.staffSignIn, { body }, call);
        csrfToken = result.csrfToken;
        return result;
      },
      signOut: async (call?: WriteOptions): Promise<ResponseOf<'staffSignOut'>> => {
        const result = await write(adminRoutes.staffSignOut, {}, call);
        csrfToken = undefined;
        return result;
      },
      /** Ends every session of the caller (API tokens stay valid until revoked). */
      signOutEverywhere: (call?: WriteOptions) => write(adminRoutes.staffSignOutEverywhere, {}, call),
      me: (call?: CallOptions): Promise<ResponseOf<'staffMe'>> => t.call(adminRoutes.staffMe, {}, call),
      changePassword: (body: BodyOf<'staffChangePassword'>, call?: WriteOptions) => write(adminRoutes.staffChangePassword, { body }, call),
      /** Starts TOTP enrolment: show `uri` as a QR code, then confirm with a first code. */
      beginTotp: (call?: WriteOptions) => write(adminRoutes.staffBeginTotp, { body: {} }, call),
      /** Confirms TOTP; answers recovery codes to show once. */
      confirmTotp: (code: string, call?: WriteOptions) => write(adminRoutes.staffConfirmTotp, { body: { code } }, call),
      newRecoveryCodes: (call?: WriteOptions) => write(adminRoutes.staffNewRecoveryCodes, { body: {} }, call),
      /** Creates the first admin with the one-time setup token the server printed at first start. */
      setup: (body: BodyOf<'staffSetup'>, call?: WriteOptions) => write(adminRoutes.staffSetup, { body }, call),
      /** The CSRF token this client sends on writes (after `signIn`), e.g. to keep across a page reload. */
      get csrfToken() {
        return csrfToken;
      },
    },
    /** Staff accounts (admin role). */
    accounts: {
      list: (query: QueryOf<'adminListStaff'> = {}, call?: CallOptions) => list(adminRoutes.adminListStaff, query, call),
      create: (body: BodyOf<'adminCreateStaff'>, call?: WriteOptions) => write(adminRoutes.adminCreateStaff, { body }, call),
      setRoles: (id: string, roles: BodyOf<'adminSetStaffRoles'>['roles'], call?: WriteOptions) => write(adminRoutes.adminSetStaffRoles, { params: { id }, body: { roles } }, call),
      disable: (id: string, call?: WriteOptions) => write(adminRoutes.adminDisableStaff, { params: { id }, body: {} }, call),
      enable: (id: string, call?: WriteOptions) => write(adminRoutes.adminEnableStaff, { params: { id }, body: {} }, call),
      /** Ends every session of that person. */
      signOut: (id: string, call?: WriteOptions) => write(adminRoutes.adminSignOutStaff, { params: { id }, body: {} }, call),
      tokens: (id: string, call?: CallOptions) => t.call(adminRoutes.adminListStaffTokens, { params: { id } }, call),
      /** The token value is in the answer only; store it now. */
      issueToken: (id: string, label: string, call?: WriteOptions) => write(adminRoutes.adminCreateStaffToken, { params: { id }, body: { label } }, call),
      revokeToken: (id: string, tokenId: string, call?: WriteOptions) => write(adminRoutes.adminRevokeStaffToken, { params: { id, tokenId } }, call),
    },
    /** Link verification: host pages the bureau registered, fetched by the server on request. */
    embedHosts: {
      list: async (call?: CallOptions): Promise<EmbedHost[]> => (await t.call(adminRoutes.adminListEmbedHosts, {}, call)).items,
      register: (pageUrl: string, call?: WriteOptions): Promise<EmbedHost> => t.call(adminRoutes.adminRegisterEmbedHost, { body: { pageUrl } }, call),
      /** Fetches the registered page now; records whether the national-platform link and the banner are on it. */
      check: (origin: string, call?: WriteOptions): Promise<EmbedHost> => t.call(adminRoutes.adminCheckEmbedHost, { body: { origin } }, call),
    },
    /** The recurring campaigns (docs/calendar.md): rules, and one year's override from its notice. */
    campaignRules: {
      list: async (call?: CallOptions): Promise<CampaignRuleWithOverrides[]> => (await t.call(adminRoutes.adminListCampaignRules, {}, call)).items,
      create: (rule: CampaignRuleInput, call?: WriteOptions): Promise<CampaignRuleWithOverrides> => t.call(adminRoutes.adminCreateCampaignRule, { body: rule }, call),
      update: (rule: CampaignRuleInput, call?: WriteOptions): Promise<CampaignRuleWithOverrides> =>
        t.call(adminRoutes.adminUpdateCampaignRule, { params: { id: rule.id }, body: rule }, call),
      setYear: (id: string, year: number, override: CampaignOverrideInput, call?: WriteOptions): Promise<CampaignOverride> =>
        t.call(adminRoutes.adminPutCampaignOverride, { params: { id, year }, body: override }, call),
      clearYear: async (id: string, year: number, call?: WriteOptions): Promise<void> => {
        await t.call(adminRoutes.adminDeleteCampaignOverride, { params: { id, year } }, call);
      },
    },
    messages: {
      /** The moderation queue (pending by default), oldest first. */
      list: (query: QueryOf<'adminListMessages'> = {}, call?: CallOptions) => list(adminRoutes.adminListMessages, query, call),
      approve: (id: string, decision: BodyOf<'adminApproveMessage'> = {}, call?: WriteOptions) => write(adminRoutes.adminApproveMessage, { params: { id }, body: decision }, call),
      /** Rejecting needs a reason; it goes into the audit log. */
      reject: (id: string, decision: BodyOf<'adminRejectMessage'> & { reason: string }, call?: WriteOptions) =>
        write(adminRoutes.adminRejectMessage, { params: { id }, body: decision }, call),
      delete: async (id: string, call?: WriteOptions): Promise<void> => {
        await write(adminRoutes.adminDeleteMessage, { params: { id } }, call);
      },
    },
    /** Relative-search casework (caseworker role, within its regions). Lists mask mobiles; every view is audited. */
    cases: {
      leads: (query: QueryOf<'adminListRelativeLeads'> = {}, call?: CallOptions) => list(adminRoutes.adminListRelativeLeads, query, call),
      familySearches: (query: QueryOf<'adminListFamilySearches'> = {}, call?: CallOptions) => list(adminRoutes.adminListFamilySearches, query, call),
      /** The full mobile and ID number of one case; the reason goes into the audit log. */
      reveal: (reference: string, reason: string, call?: WriteOptions) => write(adminRoutes.adminRevealCase, { params: { reference }, body: { reason } }, call),
      close: (reference: string, body: BodyOf<'adminCloseCase'> = {}, call?: WriteOptions) => write(adminRoutes.adminCloseCase, { params: { reference }, body }, call),
      /** Proposed family-search ↔ martyr matches, best first, with the reason the names matched. */
      matches: (query: QueryOf<'adminListMatches'> = {}, call?: CallOptions) => list(adminRoutes.adminListMatches, query, call),
      confirmMatch: (id: string, body: BodyOf<'adminConfirmMatch'> = {}, call?: WriteOptions) => write(adminRoutes.adminConfirmMatch, { params: { id }, body }, call),
      dismissMatch: (id: string, body: BodyOf<'adminDismissMatch'> = {}, call?: WriteOptions) => write(adminRoutes.adminDismissMatch, { params: { id }, body }, call),
      setSeekingRelatives: (martyrId: string, body: BodyOf<'adminSetSeekingRelatives'>, call?: WriteOptions) =>
        write(adminRoutes.adminSetSeekingRelatives, { params: { id: martyrId }, body }, call),
      /** Deletes closed cases past the retention period (admin role). */
      purgeClosed: (call?: WriteOptions) => write(adminRoutes.adminPurgeClosedCases, { body: {} }, call),
    },
    campaigns: {
      create: (campaign: BodyOf<'adminCreateCampaign'>, call?: WriteOptions) => write(adminRoutes.adminCreateCampaign, { body: campaign }, call),
      update: (campaign: BodyOf<'adminUpdateCampaign'>, call?: WriteOptions) => write(adminRoutes.adminUpdateCampaign, { params: { id: campaign.id }, body: campaign }, call),
      /** One page of the embed report (most impressions first); pass `cursor` from the last page for the next. */
      embeds: (id: string, call?: CallOptions & { cursor?: string; limit?: number }): Promise<ResponseOf<'campaignEmbeds'>> =>
        t.call(adminRoutes.campaignEmbeds, { params: { id }, query: { cursor: call?.cursor, limit: call?.limit } }, call),
    },
    /** Who did what and when, newest first (auditor role); filter by person, action, case and date. */
    audit: (query: QueryOf<'adminAuditLog'> = {}, call?: CallOptions) => list(adminRoutes.adminAuditLog, query, call),
  };
}
export type MemorialAdminClient = ReturnType<typeof createMemorialAdminClient>;

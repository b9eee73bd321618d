/**
 * `memorial-elements/sdk`: a typed client for the memorial API. Needs only `fetch`, so it runs
 * in browsers (WeChat's included) and Node ≥ 20; no DOM.
 *
 *   const client = createMemorialClient({ baseUrl: 'https://memorial.example.gov.cn', locale: 'zh-Hans' });
 *   const martyr = await client.martyrs.get('m-000123');
 *   for await (const hit of client.martyrs.search({ q: '张' })) …
 *
 * Every response is validated against the contract's schemas; failures are `MemorialError`s
 * (see ./errors.ts), aborts reject with the signal's reason.
 */
export { createMemorialClient, type MemorialClient, type MemorialClientOptions } from './client.js';
export { createMemorialAdminClient, type MemorialAdminClient, type MemorialAdminClientOptions } from './admin.js';
export {
  MemorialError,
  MemorialHttpError,
  MemorialNetworkError,
  MemorialTimeoutError,
  MemorialValidationError,
  isMemorialError,
  type MemorialHttpErrorInit,
} from './errors.js';
export type { PagedList } from './paged-list.js';
export type { Page } from './route-types.js';
export type { CallOptions, WriteOptions } from './transport.js';
export type { MartyrSearch, MartyrsResource } from './resources/martyrs.js';
export type { TributeOfferInput, TributeSummaryOptions, TributesResource } from './resources/tributes.js';
export type { VisitorsResource } from './visitor.js';
export type { MessagesResource } from './resources/messages.js';
export type { CampaignsResource } from './resources/campaigns.js';
export type { RelativesResource } from './resources/relatives.js';
export type { CemeteriesResource, CemeteryList, GraveList } from './resources/cemeteries.js';
export { LOCALES, type Locale } from '../i18n/locale.js';
export * from '../contract/index.js';

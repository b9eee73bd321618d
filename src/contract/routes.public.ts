// The public operations, one constant each, so public code imports just the routes it calls and
// bundlers drop the rest. No OpenAPI summaries here (route-summaries.ts): they never ship to a page.
import { Martyr, MartyrSearchPage, MartyrSearchQuery } from './martyr.js';
import { TributeOffer, TributeResult, TributeSummary, TributeSummaryQuery } from './tribute.js';
import { MessageInput, MessageListQuery, MessagePage, MessageReceipt, MessageReport } from './message.js';
import { CalendarCampaign, CampaignEvent, CampaignEventAck, CampaignIdParam, CampaignList, CampaignListQuery } from './campaign.js';
import { Cemetery, CemeteryListQuery, CemeteryPage, Grave, GraveListQuery, GravePage } from './cemetery.js';
import { VisitorGrant, VisitorRequest } from './visitor.js';
import { CaseReceipt, FamilySearchInput, RelativeLeadInput } from './relatives.js';
import { RegionList, RegionQuery } from './regions.js';
import { Acknowledged, IdParam, type RouteDef } from './route-def.js';

export const searchMartyrs = {
  method: 'GET', path: '/martyrs', tag: 'martyrs', query: MartyrSearchQuery, response: MartyrSearchPage, status: 200,
} as const satisfies RouteDef;
export const getMartyr = {
  method: 'GET', path: '/martyrs/{id}', tag: 'martyrs', params: IdParam, response: Martyr, status: 200,
} as const satisfies RouteDef;
export const getTributeSummary = {
  method: 'GET', path: '/martyrs/{id}/tributes', tag: 'tributes', params: IdParam, query: TributeSummaryQuery, response: TributeSummary, status: 200,
} as const satisfies RouteDef;
export const offerTribute = {
  method: 'POST', path: '/martyrs/{id}/tributes', tag: 'tributes', params: IdParam, body: TributeOffer, response: TributeResult, status: 201, alsoStatus: [200],
} as const satisfies RouteDef;
export const listMessages = {
  method: 'GET', path: '/martyrs/{id}/messages', tag: 'messages', params: IdParam, query: MessageListQuery, response: MessagePage, status: 200,
} as const satisfies RouteDef;
export const postMessage = {
  method: 'POST', path: '/martyrs/{id}/messages', tag: 'messages', params: IdParam, body: MessageInput, response: MessageReceipt, status: 202,
} as const satisfies RouteDef;
export const reportMessage = {
  method: 'POST', path: '/messages/{id}/reports', tag: 'messages', params: IdParam, body: MessageReport, response: Acknowledged, status: 202,
} as const satisfies RouteDef;
export const listCampaigns = {
  method: 'GET', path: '/campaigns', tag: 'campaigns', query: CampaignListQuery, response: CampaignList, status: 200,
} as const satisfies RouteDef;
export const getCampaign = {
  method: 'GET', path: '/campaigns/{id}', tag: 'campaigns', params: CampaignIdParam, response: CalendarCampaign, status: 200,
} as const satisfies RouteDef;
export const currentCampaign = {
  method: 'GET', path: '/campaigns/current', tag: 'campaigns', response: CalendarCampaign, status: 200,
} as const satisfies RouteDef;
export const nextCampaign = {
  method: 'GET', path: '/campaigns/next', tag: 'campaigns', response: CalendarCampaign, status: 200,
} as const satisfies RouteDef;
export const recordCampaignEvent = {
  method: 'POST', path: '/campaigns/{id}/events', tag: 'campaigns', params: IdParam, body: CampaignEvent, response: CampaignEventAck, status: 202,
} as const satisfies RouteDef;
export const submitLead = {
  method: 'POST', path: '/relative-leads', tag: 'relatives', body: RelativeLeadInput, response: CaseReceipt, status: 201,
} as const satisfies RouteDef;
export const registerFamilySearch = {
  method: 'POST', path: '/family-searches', tag: 'relatives', body: FamilySearchInput, response: CaseReceipt, status: 201,
} as const satisfies RouteDef;
export const listRegions = {
  method: 'GET', path: '/regions', tag: 'regions', query: RegionQuery, response: RegionList, status: 200,
} as const satisfies RouteDef;

export const mintVisitor = {
  method: 'POST', path: '/visitors', tag: 'tributes', body: VisitorRequest, response: VisitorGrant, status: 201,
} as const satisfies RouteDef;
export const listCemeteries = {
  method: 'GET', path: '/cemeteries', tag: 'cemeteries', query: CemeteryListQuery, response: CemeteryPage, status: 200,
} as const satisfies RouteDef;
export const getCemetery = {
  method: 'GET', path: '/cemeteries/{id}', tag: 'cemeteries', params: IdParam, response: Cemetery, status: 200,
} as const satisfies RouteDef;
export const listGraves = {
  method: 'GET', path: '/cemeteries/{id}/graves', tag: 'cemeteries', params: IdParam, query: GraveListQuery, response: GravePage, status: 200,
} as const satisfies RouteDef;
export const getGrave = {
  method: 'GET', path: '/graves/{id}', tag: 'cemeteries', params: IdParam, response: Grave, status: 200,
} as const satisfies RouteDef;

/** Every public operation by name (the SDK's and the elements' whole reach). */
export const publicRoutes = {
  searchMartyrs,
  getMartyr,
  getTributeSummary,
  offerTribute,
  listMessages,
  postMessage,
  reportMessage,
  listCampaigns,
  getCampaign,
  currentCampaign,
  nextCampaign,
  recordCampaignEvent,
  submitLead,
  registerFamilySearch,
  listRegions,
  mintVisitor,
  listCemeteries,
  getCemetery,
  listGraves,
  getGrave,
} as const;

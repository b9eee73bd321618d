import type { publicRoutes } from './routes.public.js';

/** The OpenAPI summaries of the public operations: documentation only, kept out of browser code. */
export const publicRouteSummaries: { readonly [K in keyof typeof publicRoutes]: string } = {
  searchMartyrs: 'Search the roll by name and filters',
  getMartyr: "A martyr's record",
  getTributeSummary: 'Tribute counts today and all-time, per kind',
  offerTribute: 'Offer a tribute; one of each kind per visitor per martyr per day',
  listMessages: 'Approved messages, newest first',
  postMessage: 'Leave a message; it is held for review',
  reportMessage: 'Report a message; it goes back to review',
  listCampaigns: 'Campaigns, optionally only those active at an instant',
  getCampaign: 'One campaign; `current` is the one active now',
  recordCampaignEvent: 'Record that a host page showed or followed the banner (accepts text/plain for sendBeacon)',
  submitLead: 'A claim or clue about a published martyr',
  registerFamilySearch: "Register a family's search for a martyr",
  listRegions: 'GB/T 2260 divisions one level at a time: provinces, or the children of `parent`',
};

import type { publicRoutes } from './routes.public.js';

/** The OpenAPI summaries of the public operations: documentation only, kept out of browser code. */
export const publicRouteSummaries: { readonly [K in keyof typeof publicRoutes]: string } = {
  searchMartyrs: 'Search the roll by name and filters',
  getMartyr: "A martyr's record",
  getTributeSummary: 'Tribute counts today and all-time, per kind',
  offerTribute: 'Offer a tribute; one of each kind per visitor per martyr per day, within fair budgets (over them: 200 with counted false and a reason)',
  listMessages: 'Approved messages, newest first',
  postMessage: 'Leave a message; it is held for review',
  reportMessage: 'Report a message: one report per visitor and address; hidden for review on several reports or a sensitive word',
  listCampaigns: 'Campaigns, optionally only those active at an instant',
  getCampaign: 'One campaign; `current` is the one active now',
  currentCampaign: 'The campaign active now (Asia/Shanghai day), the most recently started if several; 404 between campaigns',
  nextCampaign: 'The next campaign to start after today (Asia/Shanghai)',
  recordCampaignEvent: 'Record that a host page showed or followed the banner (accepts text/plain for sendBeacon)',
  submitLead: 'A claim or clue about a published martyr',
  registerFamilySearch: "Register a family's search for a martyr",
  listRegions: 'GB/T 2260 divisions one level at a time: provinces, or the children of `parent`',
  mintVisitor:
    'Mint a signed visitor id (send it as `visitorId` with tributes); each network address may mint a few hundred an hour, past that 429 with Retry-After',
  listCemeteries: 'Cemeteries by name, optionally in a region (GB/T 2260 prefix) or of a level',
  getCemetery: 'A cemetery with its sections (墓区) and their layout, and the phone for 代为祭扫',
  listGraves: 'Graves in walking order (section, row, number), paged',
  getGrave: 'One grave: who lies there (none for 无名烈士墓, several for 合葬墓), inscription, photos',
};

import { CAMPAIGN_KIND_TEXT, type CalendarCampaign, type Campaign } from '../../src/contract/index.js';

export interface CampaignRow {
  id: string;
  kind: Campaign['kind'];
  title: string;
  theme: string | null;
  start_date: string;
  end_date: string;
  url: string;
  partner_links: Campaign['partnerLinks'] | string;
}

/** Select list that gives dates as YYYY-MM-DD text on both drivers. */
export const CAMPAIGN_COLUMNS = 'id, kind, title, theme, start_date::text AS start_date, end_date::text AS end_date, url, partner_links';

export const toCampaign = (r: CampaignRow): CalendarCampaign => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  theme: r.theme,
  startDate: r.start_date,
  endDate: r.end_date,
  url: r.url,
  partnerLinks: typeof r.partner_links === 'string' ? JSON.parse(r.partner_links) : r.partner_links,
  label: CAMPAIGN_KIND_TEXT[r.kind].label,
  tone: CAMPAIGN_KIND_TEXT[r.kind].tone,
});

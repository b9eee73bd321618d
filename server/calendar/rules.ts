import { CAMPAIGN_KIND_TEXT, type CalendarCampaign, type CampaignOverride, type CampaignOverrideInput, type CampaignRule } from '../../src/contract/index.js';
import { addDays } from './days.js';
import { qingmingDay } from './solar-terms.js';

/** The calendar answers for these years at most (ids such as `qingming-9999` are refused). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

export const campaignId = (ruleId: string, year: number): string => `${ruleId}-${year}`;

/** `qingming-2031` → `{ ruleId: 'qingming', year: 2031 }`. */
export function parseCampaignId(id: string): { ruleId: string; year: number } | null {
  const m = /^(.+)-(\d{4})$/.exec(id);
  return m ? { ruleId: m[1]!, year: Number(m[2]) } : null;
}

export const ruleCovers = (rule: CampaignRule, year: number): boolean =>
  year >= rule.firstYear && (rule.lastYear === null || year <= rule.lastYear) && year >= MIN_YEAR && year <= MAX_YEAR;

/** The rule's anchor day in `year`: the 清明 solar term, or the fixed MM-DD. */
export function anchorDay(rule: Pick<CampaignRule, 'anchor'>, year: number): string {
  return rule.anchor === 'qingming' ? qingmingDay(year) : `${year}-${rule.anchor}`;
}

/**
 * The campaign a rule makes in `year`, with that year's override applied field by field. With a
 * theme and no title of its own, the title is `theme·rule title` (致敬·2020清明祭英烈). Null when
 * the rule does not cover the year, or the override's dates leave an empty window.
 */
export function campaignOf(rule: CampaignRule, year: number, override?: CampaignOverride): CalendarCampaign | null {
  if (!ruleCovers(rule, year)) return null;
  const anchor = anchorDay(rule, year);
  const startDate = override?.startDate ?? addDays(anchor, -rule.daysBefore);
  const endDate = override?.endDate ?? addDays(anchor, rule.daysAfter);
  if (endDate < startDate) return null;
  const theme = override?.theme ?? null;
  const base = rule.title.replaceAll('{year}', String(year));
  const kindText = CAMPAIGN_KIND_TEXT[rule.kind];
  return {
    id: campaignId(rule.id, year),
    kind: rule.kind,
    title: override?.title ?? (theme ? `${theme}·${base}` : base),
    theme,
    startDate,
    endDate,
    url: override?.url ?? rule.url,
    partnerLinks: override?.partnerLinks ?? rule.partnerLinks,
    label: rule.label ?? kindText.label,
    tone: rule.tone ?? kindText.tone,
  };
}

/** An override as stored, from what staff (or the seed) entered. */
export const overrideOf = (year: number, o: CampaignOverrideInput): CampaignOverride => ({
  year,
  title: o.title ?? null,
  theme: o.theme ?? null,
  startDate: o.startDate ?? null,
  endDate: o.endDate ?? null,
  url: o.url ?? null,
  partnerLinks: o.partnerLinks ?? null,
  source: o.source ?? null,
});

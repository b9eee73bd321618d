import * as z from 'zod/mini';
import { CalendarDay, Id, SafeUrl, text } from './common.js';
import { rule } from './refine.js';

export const CampaignKind = z.enum(['qingming', 'martyrs-day', 'army-day', 'victory-day', 'memorial-day', 'other']);
export type CampaignKind = z.infer<typeof CampaignKind>;

export const PartnerLink = z.object({ title: text(1, 100), url: SafeUrl });

/**
 * How a day is spoken of: `honour` (缅怀英烈: Qingming, 烈士纪念日), `remembrance` (铭记历史:
 * 抗战胜利纪念日), `mourning` (悼念: 国家公祭日 mourns the victims of the Nanjing Massacre, who
 * were not martyrs, so its wording never says 缅怀英烈).
 */
export const CampaignTone = z.enum(['honour', 'remembrance', 'mourning']);
export type CampaignTone = z.infer<typeof CampaignTone>;

/** A short text in each of the three locales. */
export const LocalizedText = z.object({ 'zh-Hans': text(1, 40), 'zh-Hant': text(1, 40), en: text(1, 80) });
export type LocalizedText = z.infer<typeof LocalizedText>;

const campaignShape = {
  /** A slug such as `qingming-2026`. */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a lowercase slug such as "qingming-2026"')),
  kind: CampaignKind,
  /** The yearly title, e.g. 致敬·2020清明祭英烈. */
  title: text(1, 100),
  /** The yearly theme word, e.g. 致敬. */
  theme: z.nullable(text(1, 40)),
  /** First day, inclusive, in Asia/Shanghai. */
  startDate: CalendarDay,
  /** Last day, inclusive, in Asia/Shanghai. */
  endDate: CalendarDay,
  /** The national column the banner links to. */
  url: SafeUrl,
  partnerLinks: z.array(PartnerLink).check(z.maxLength(20)),
};

export const Campaign = z.object(campaignShape).check(rule('notBefore', ['endDate', 'startDate'], 'endDate must not be before startDate', ['endDate']));
export type Campaign = z.infer<typeof Campaign>;
export const CampaignInput = Campaign;
export type CampaignInput = z.input<typeof CampaignInput>;

/**
 * A campaign as the API answers it: the campaign with the day's own wording. `label` is the small
 * heading above the title (缅怀英烈, 悼念死难同胞…): the rule's, else its kind's (CAMPAIGN_KIND_TEXT
 * in campaign-kinds.ts); `tone` likewise. This server always sends both; they are optional so that
 * clients keep working against servers from before the calendar. Staff never send these for a
 * one-off campaign: its kind decides them.
 */
export const CalendarCampaign = z.object({ ...campaignShape, label: z.optional(LocalizedText), tone: z.optional(CampaignTone) }).check(
  rule('notBefore', ['endDate', 'startDate'], 'endDate must not be before startDate', ['endDate']),
);
export type CalendarCampaign = z.infer<typeof CalendarCampaign>;

export const CampaignList = z.object({ items: z.array(CalendarCampaign) });

export const CampaignListQuery = z.object({
  /** Only campaigns whose window contains this instant (ISO date-time, or `now`). */
  activeAt: z.optional(z.union([z.literal('now'), z.iso.datetime({ offset: true })])),
  /** Only the campaigns that start in this year (default without `activeAt`: 2019 to next year). */
  year: z.optional(z.coerce.number().check(z.int(), z.gte(1900), z.lte(2200))),
});

export const CampaignEventType = z.enum(['impression', 'click']);
export type CampaignEventType = z.infer<typeof CampaignEventType>;

/** An embed report: which host page showed or followed the banner. Never personal data. */
export const CampaignEvent = z.object({
  type: CampaignEventType,
  /** The host page's origin, e.g. https://www.example.gov.cn */
  origin: z.string().check(
    z.maxLength(300),
    z.refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
      } catch {
        return false;
      }
    }, { message: 'must be an http(s) origin with no path' }),
  ),
  /** The page path, without query string or fragment (they may carry personal data). */
  path: z.string().check(
    z.maxLength(500),
    z.regex(/^\/[^?#\s]*$/, 'must be a path starting with "/" without query or fragment'),
    rule('noForbiddenChars', [], 'contains control characters or broken surrogate pairs'),
  ),
});
export type CampaignEvent = z.infer<typeof CampaignEvent>;

export const CampaignEventAck = z.object({ recorded: z.boolean() });

export const CampaignIdParam = z.object({ id: z.union([z.literal('current'), Id]) });

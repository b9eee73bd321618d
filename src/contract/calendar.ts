import * as z from 'zod/mini';
import { CalendarDay, SafeUrl, text } from './common.js';
import { CampaignKind, CampaignTone, LocalizedText, PartnerLink } from './campaign.js';

/**
 * The campaign calendar as rules: each rule makes one campaign a year (id `{rule}-{year}`), and
 * a year's notice can override its title, theme, dates or column for that year only.
 */

/** Lowercase slug that does not end in digits, so `{rule}-{year}` reads one way only. */
export const CampaignRuleId = z
  .string()
  .check(z.regex(/^[a-z](?:[a-z0-9-]{0,38}[a-z])?$/, 'must be a lowercase slug of letters, digits and "-" that starts and ends with a letter, e.g. "qingming"'));

export const CampaignYear = z.coerce.number().check(z.int(), z.gte(1900), z.lte(2200));

/** `qingming` (the day of the 清明 solar term, computed per year) or a fixed day `MM-DD`. */
export const CampaignAnchor = z.string().check(
  z.regex(/^(qingming|(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$/, 'must be "qingming" or a day MM-DD such as "09-30"'),
  // 02-29 would drop out in three years of four
  z.refine((s) => s === 'qingming' || new Date(Date.UTC(2001, Number(s.slice(0, 2)) - 1, Number(s.slice(3)))).getUTCDate() === Number(s.slice(3)), {
    message: 'is not a day every year has',
  }),
);

const Offset = z.number().check(z.int(), z.gte(0), z.lte(180));

export const CampaignRule = z
  .object({
    id: CampaignRuleId,
    kind: CampaignKind,
    /** The campaign's title; `{year}` is replaced by the year (`{year}年烈士纪念日`). A year's theme goes before it (致敬·2020清明祭英烈), so at most 59 characters. */
    title: text(1, 59),
    anchor: CampaignAnchor,
    /** The window starts this many days before the anchor day (Qingming: 54, as 2020-02-10 before 4 April). */
    daysBefore: Offset,
    /** …and ends this many days after it (Qingming: 6, as 2020-04-10). */
    daysAfter: Offset,
    /** The column the banner links to, unless a year's override gives another. */
    url: SafeUrl,
    partnerLinks: z.array(PartnerLink).check(z.maxLength(20)),
    /** The banner's heading; null: the kind's (CAMPAIGN_KIND_TEXT). Custom rules should say their own. */
    label: z.nullable(LocalizedText),
    /** null: the kind's tone. */
    tone: z.nullable(CampaignTone),
    /** First year with a campaign. */
    firstYear: CampaignYear,
    /** Last year with a campaign; null: every year from firstYear on. */
    lastYear: z.nullable(CampaignYear),
  })
  .check(
    z.refine((r) => r.lastYear === null || r.lastYear >= r.firstYear, { message: 'lastYear must not be before firstYear', path: ['lastYear'] }),
  );
export type CampaignRule = z.infer<typeof CampaignRule>;
export type CampaignRuleInput = z.input<typeof CampaignRule>;

/** One year's notice: what differs from the rule that year. Absent fields come from the rule. */
export const CampaignOverrideInput = z
  .object({
    /** The full title from the notice (致敬·2020清明祭英烈); absent: theme·rule title. */
    title: z.optional(text(1, 100)),
    /** The year's theme word (致敬); null or absent: none. */
    theme: z.optional(z.nullable(text(1, 40))),
    /** Exact first day from the notice (Asia/Shanghai). */
    startDate: z.optional(CalendarDay),
    /** Exact last day from the notice. */
    endDate: z.optional(CalendarDay),
    url: z.optional(SafeUrl),
    partnerLinks: z.optional(z.array(PartnerLink).check(z.maxLength(20))),
    /** Where the override comes from, e.g. 退役军人部函〔2020〕14号. */
    source: z.optional(z.nullable(text(1, 200))),
  })
  .check(
    z.refine((o) => !o.startDate || !o.endDate || o.endDate >= o.startDate, { message: 'endDate must not be before startDate', path: ['endDate'] }),
  );
export type CampaignOverrideInput = z.input<typeof CampaignOverrideInput>;

export const CampaignOverride = z.object({
  year: z.number().check(z.int()),
  title: z.nullable(text(1, 100)),
  theme: z.nullable(text(1, 40)),
  startDate: z.nullable(CalendarDay),
  endDate: z.nullable(CalendarDay),
  url: z.nullable(SafeUrl),
  partnerLinks: z.nullable(z.array(PartnerLink)),
  source: z.nullable(text(1, 200)),
});
export type CampaignOverride = z.infer<typeof CampaignOverride>;

export const CampaignRuleWithOverrides = z.object({ ...CampaignRule.shape, overrides: z.array(CampaignOverride) });
export type CampaignRuleWithOverrides = z.infer<typeof CampaignRuleWithOverrides>;

export const CampaignRuleList = z.object({ items: z.array(CampaignRuleWithOverrides) });

export const CampaignRuleIdParam = z.object({ id: CampaignRuleId });
export const CampaignOverrideParams = z.object({ id: CampaignRuleId, year: CampaignYear });

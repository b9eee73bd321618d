/**
 * Seed calendar: the recurring campaigns as rules, and what the notices we hold say about single
 * years as overrides. Campaigns are data: a bureau adds a rule or a year's override through the
 * admin API, never a code change, and no year has to be typed in advance.
 *
 * Qingming's window is set once relative to the 清明 solar term of each year: the only window
 * documented in the notices we hold is 2020's (致敬·2020清明祭英烈, 2020年2月10日到4月10日,
 * 退役军人部函〔2020〕14号 as relayed by the Chongqing bureaus). 清明 fell on 4 April 2020, so
 * the default window runs from 54 days before to 6 days after the solar term. Other years' exact
 * dates belong in that year's override, from its notice.
 */
import type { CampaignOverrideInput, CampaignRuleInput } from '../../src/contract/index.js';

/** The national platform (中华英烈网). No deep column paths: they change every year. */
export const NATIONAL_PLATFORM_URL = 'https://www.chinamartyrs.gov.cn/';

/** The 2020 campaign's documented window and that year's 清明 (4 April). */
export const QINGMING_2020 = { startDate: '2020-02-10', endDate: '2020-04-10', solarTerm: '2020-04-04' } as const;
const DAY_MS = 86_400_000;
const daysFrom = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/** The calendar's first year; bureaus may add earlier years' campaigns as rules or one-offs. */
export const FIRST_YEAR = 2019;

/** Yearly themes from the campaigns' titles (致敬·2020清明祭英烈). */
export const QINGMING_THEMES: Readonly<Record<number, string>> = {
  2019: '传承',
  2020: '致敬',
  2021: '守护',
  2022: '奋进',
  2023: '崇尚',
  2024: '铸魂',
  2025: '赓续',
};

const rule = (r: Omit<CampaignRuleInput, 'url' | 'partnerLinks' | 'label' | 'tone' | 'firstYear' | 'lastYear'>): CampaignRuleInput => ({
  url: NATIONAL_PLATFORM_URL,
  partnerLinks: [],
  label: null,
  tone: null,
  firstYear: FIRST_YEAR,
  lastYear: null,
  ...r,
});

export function seedCampaignRules(): CampaignRuleInput[] {
  return [
    rule({
      id: 'qingming',
      kind: 'qingming',
      title: '{year}清明祭英烈',
      anchor: 'qingming',
      daysBefore: daysFrom(QINGMING_2020.startDate, QINGMING_2020.solarTerm),
      daysAfter: daysFrom(QINGMING_2020.solarTerm, QINGMING_2020.endDate),
    }),
    rule({ id: 'victory-day', kind: 'victory-day', title: '{year}年中国人民抗日战争胜利纪念日', anchor: '09-03', daysBefore: 0, daysAfter: 0 }),
    rule({ id: 'martyrs-day', kind: 'martyrs-day', title: '{year}年烈士纪念日', anchor: '09-30', daysBefore: 0, daysAfter: 0 }),
    rule({ id: 'memorial-day', kind: 'memorial-day', title: '{year}年南京大屠杀死难者国家公祭日', anchor: '12-13', daysBefore: 0, daysAfter: 0 }),
  ];
}

/** `[ruleId, year, override]`: each Qingming theme, and 2020's documented window. */
export function seedCampaignOverrides(): [string, number, CampaignOverrideInput][] {
  return Object.entries(QINGMING_THEMES).map(([year, theme]) => [
    'qingming',
    Number(year),
    Number(year) === 2020
      ? { theme, startDate: QINGMING_2020.startDate, endDate: QINGMING_2020.endDate, source: '退役军人部函〔2020〕14号' }
      : { theme, source: `${year}年清明祭英烈活动标题` },
  ]);
}

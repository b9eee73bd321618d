/**
 * Seed campaigns: the yearly 清明祭英烈 campaigns and the two fixed days of remembrance
 * (9月30日 烈士纪念日, 12月13日 国家公祭日). Campaigns are data: a new year's campaign is a new
 * row, never a code change.
 *
 * Windows: only 2020 is documented in the notices we hold (致敬·2020清明祭英烈, 2020年2月10日到
 * 4月10日, 退役军人部函〔2020〕14号 as relayed by the Chongqing bureaus). The other Qingming
 * windows below are REPRESENTATIVE (15 March – 15 April, around 清明) and must be replaced with
 * the dates from that year's notice. 2026's theme is not known to us, so its title carries no
 * theme and `theme` is null.
 */
import type * as z from 'zod/mini';
import type { Campaign } from '../../src/contract/index.js';

export type CampaignSeed = z.input<typeof Campaign>;

/** The national platform (中华英烈网). No deep column paths: they change every year. */
export const NATIONAL_PLATFORM_URL = 'https://www.chinamartyrs.gov.cn/';

export const SEED_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

/** Yearly themes from the campaigns' titles; null where we do not know it. */
export const QINGMING_THEMES: Readonly<Record<(typeof SEED_YEARS)[number], string | null>> = {
  2019: '传承',
  2020: '致敬',
  2021: '守护',
  2022: '奋进',
  2023: '崇尚',
  2024: '铸魂',
  2025: '赓续',
  2026: null,
};

/** Documented windows; every other year falls back to the representative window. */
const DOCUMENTED_QINGMING_WINDOWS: Readonly<Partial<Record<number, readonly [string, string]>>> = {
  2020: ['2020-02-10', '2020-04-10'],
};

function qingming(year: (typeof SEED_YEARS)[number]): CampaignSeed {
  const theme = QINGMING_THEMES[year];
  // Representative window, to be replaced from the year's notice.
  const [startDate, endDate] = DOCUMENTED_QINGMING_WINDOWS[year] ?? [`${year}-03-15`, `${year}-04-15`];
  return {
    id: `qingming-${year}`,
    kind: 'qingming',
    title: theme === null ? `${year}清明祭英烈` : `${theme}·${year}清明祭英烈`,
    theme,
    startDate,
    endDate,
    url: NATIONAL_PLATFORM_URL,
    partnerLinks: [],
  };
}

function oneDay(id: string, kind: CampaignSeed['kind'], title: string, day: string): CampaignSeed {
  return { id, kind, title, theme: null, startDate: day, endDate: day, url: NATIONAL_PLATFORM_URL, partnerLinks: [] };
}

/** Qingming 2019–2026, then 烈士纪念日 and 国家公祭日 for the same years. */
export function seedCampaigns(): CampaignSeed[] {
  return [
    ...SEED_YEARS.map(qingming),
    ...SEED_YEARS.map((y) => oneDay(`martyrs-day-${y}`, 'martyrs-day', `${y}年烈士纪念日`, `${y}-09-30`)),
    ...SEED_YEARS.map((y) => oneDay(`memorial-day-${y}`, 'memorial-day', `${y}年南京大屠杀死难者国家公祭日`, `${y}-12-13`)),
  ];
}

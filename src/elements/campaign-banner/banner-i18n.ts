/**
 * The banner's strings only, in all three locales: the `banner.` blocks of the catalogs, imported
 * on their own so the banner's bundle does not carry every other element's strings.
 */
import { enBanner } from '../../i18n/en.banner.js';
import { INTL_LOCALE, type Locale } from '../../i18n/locale.js';
import { zhHansBanner } from '../../i18n/zh-Hans.banner.js';
import { zhHantBanner } from '../../i18n/zh-Hant.banner.js';

type BannerCatalog = typeof zhHansBanner;
export type BannerKey = keyof BannerCatalog;
type BannerTextKey = { [K in BannerKey]: BannerCatalog[K] extends string ? K : never }[BannerKey];

const CATALOGS: Record<Locale, Readonly<Record<string, unknown>>> = { 'zh-Hans': zhHansBanner, 'zh-Hant': zhHantBanner, en: enBanner };

const fill = (message: string, params: Readonly<Record<string, string | number>>): string =>
  message.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));

/** A banner string with `{name}` placeholders filled. */
export function bannerText(locale: Locale, key: BannerTextKey, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(CATALOGS[locale][key] as string, params);
}

/** The count-dependent `banner.upcoming` ("还有 3 天开始" / "Starts in 3 days"). */
export function bannerDaysLeft(locale: Locale, count: number): string {
  const message = CATALOGS[locale]['banner.upcoming'] as Readonly<Record<string, string>> & { other: string };
  return fill(message[new Intl.PluralRules(INTL_LOCALE[locale]).select(count)] ?? message.other, { count });
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A calendar day as `formatPartialDate` writes it (2020年2月10日 / 10 February 2020), without
 * pulling in the whole catalog that function needs for "unknown".
 */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return locale === 'en' ? `${d} ${EN_MONTHS[m - 1]} ${y}` : `${y}年${m}月${d}日`;
}

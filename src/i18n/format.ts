import type { TributeKind } from '../contract/tribute.js';
import type { Catalog, PluralKey, TextKey } from './catalog.js';
import { en } from './en.js';
import { INTL_LOCALE, type Locale } from './locale.js';
import { zhHans } from './zh-Hans.js';
import { zhHant } from './zh-Hant.js';

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

export type MessageParams = Readonly<Record<string, string | number>>;

function interpolate(message: string, locale: Locale, params?: MessageParams): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, locale) : v;
  });
}

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params` (numbers are localized). */
export function t(locale: Locale, key: TextKey, params?: MessageParams): string {
  return interpolate(CATALOGS[locale][key], locale, params);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
/** A count-dependent message; `{count}` is the localized number. */
export function plural(locale: Locale, key: PluralKey, count: number, params?: MessageParams): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(INTL_LOCALE[locale])));
  const message = CATALOGS[locale][key];
  const text = message[rules.select(count)] ?? message.other;
  return interpolate(text, locale, { ...params, count });
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A number in the locale's grouping (1,960,000 / 1,960,000 / 1,960,000). */
export function formatNumber(n: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  const cacheKey = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let f = numberFormats.get(cacheKey);
  if (!f) numberFormats.set(cacheKey, (f = new Intl.NumberFormat(INTL_LOCALE[locale], options)));
  return f.format(n);
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date as precisely as it is known: `1949` → 1949年 / 1949; `1949-10` → 1949年10月 /
 * October 1949; `1949-10-01` → 1949年10月1日 / 1 October 1949. Written by hand rather than
 * with `Intl.DateTimeFormat` so every engine prints the same thing and no time zone can shift
 * the day. `null`/`undefined` → 不详 / Unknown; anything unparseable is returned as given.
 */
export function formatPartialDate(value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return t(locale, 'date.unknown');
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return value;
  if (locale === 'en') {
    if (month === undefined) return String(year);
    const name = EN_MONTHS[month - 1] as string;
    return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`;
  }
  return `${year}年` + (month === undefined ? '' : `${month}月`) + (day === undefined ? '' : `${day}日`);
}

/** The name of a history period; a period id we have no name for (the list is extensible) is shown as given. */
export function periodName(id: string, locale: Locale): string {
  const key = `period.${id}`;
  const catalog = CATALOGS[locale] as Readonly<Record<string, unknown>>;
  const name = catalog[key];
  return typeof name === 'string' ? name : id;
}

/** 献花 / 鞠躬 / 点烛 / 擦拭墓碑, or once offered 已献花 … */
export function tributeLabel(kind: TributeKind, locale: Locale, done = false): string {
  return t(locale, done ? `tribute.${kind}.done` : `tribute.${kind}`);
}

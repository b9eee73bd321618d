export { LOCALES, DEFAULT_LOCALE, INTL_LOCALE, normalizeLocale, nearestLang, type Locale } from './locale.js';
export type { Catalog, MessageKey, PluralKey, PluralMessage, TextKey } from './catalog.js';
export { CATALOGS, t, plural, formatNumber, formatPartialDate, periodName, tributeLabel, type MessageParams } from './format.js';

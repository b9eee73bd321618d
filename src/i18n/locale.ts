/** The three locales every element ships with. `zh-Hans` is the default. */
export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-Hans';

/**
 * Maps any BCP 47 tag to one of our locales: `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant*` → 繁體,
 * `en*` → English, anything else (including `zh`, `zh-CN`, `zh-SG`, an empty string) → 简体.
 */
export function normalizeLocale(tag: string | null | undefined): Locale {
  const t = (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t.startsWith('zh-')) {
    const parts = t.split('-');
    if (parts.includes('hant')) return 'zh-Hant';
    if (parts.includes('hans')) return 'zh-Hans';
    if (parts.includes('tw') || parts.includes('hk') || parts.includes('mo')) return 'zh-Hant';
  }
  return DEFAULT_LOCALE;
}

/** The tag handed to `Intl` for each locale. */
export const INTL_LOCALE: Record<Locale, string> = {
  'zh-Hans': 'zh-CN',
  'zh-Hant': 'zh-TW',
  en: 'en-GB',
};

/**
 * The `lang` of the nearest ancestor that has one, crossing shadow roots outward
 * (an element inside another component's shadow DOM takes the host page's language).
 */
export function nearestLang(node: Node): string | undefined {
  let n: Node | null = node;
  while (n) {
    if (n instanceof Element) {
      const lang = n.getAttribute('lang');
      if (lang !== null && lang !== '') return lang;
    }
    n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
  }
  return undefined;
}

import type { zhHans } from './zh-Hans.js';

/** A message that depends on a count; keys are `Intl.PluralRules` categories. Chinese only uses `other`. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/**
 * The shape every catalog must have: exactly the keys of the zh-Hans catalog, with a plain
 * string where zh-Hans has one and a plural message where it has one. The other catalogs are
 * written `satisfies Catalog`, so a missing or misspelt key fails the type-check.
 */
export type Catalog = {
  readonly [K in keyof typeof zhHans]: (typeof zhHans)[K] extends string ? string : PluralMessage;
};
export type MessageKey = keyof Catalog;
/** Keys whose message is a plain string (with optional `{name}` placeholders). */
export type TextKey = { [K in MessageKey]: Catalog[K] extends string ? K : never }[MessageKey];
/** Keys whose message depends on a count. */
export type PluralKey = Exclude<MessageKey, TextKey>;

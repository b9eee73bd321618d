/**
 * Framework-neutral type machinery for `memorial-elements/react` and `memorial-elements/vue`.
 * Type-only: nothing here exists at run time.
 *
 * Everything is derived from the code, never written out a second time: the tags from
 * `HTMLElementTagNameMap` (each element's define module adds its entry), the properties from
 * each element class, the events from `GlobalEventHandlersEventMap` (src/elements/shared/events.ts).
 * A new element, property or event shows up in the framework types by itself.
 */
import type { LitElement } from 'lit';
// The define modules carry the `HTMLElementTagNameMap` entries. Re-exporting from them (rather
// than `import type {}`, which declaration output drops) keeps them referenced from the emitted
// .d.ts, so every program that reads these declarations sees the tags.
export type { MemorialCampaignBanner } from '../elements/campaign-banner/define.js';
export type { MemorialMartyrCard } from '../elements/martyr-card/define.js';
export type { MemorialMessageWall } from '../elements/message-wall/define.js';
export type { MemorialProvider } from '../elements/provider/define.js';
export type { MemorialRelativeSearch } from '../elements/relative-search/define.js';
export type { MemorialTributeButton } from '../elements/tribute-button/define.js';
export type * from '../elements/shared/events.js';

/** Every `memorial-*` tag the package defines. */
export type MemorialTagName = Extract<keyof HTMLElementTagNameMap, `memorial-${string}`>;

/** Every `memorial-*` event, by name. */
export type MemorialEventName = Extract<keyof GlobalEventHandlersEventMap, `memorial-${string}`>;
export type MemorialEventMap = { [K in MemorialEventName]: GlobalEventHandlersEventMap[K] };

/** The class behind a tag. */
export type MemorialElementFor<Tag extends MemorialTagName> = HTMLElementTagNameMap[Tag];

/** X and Y are the same type, readonly modifiers included (the usual conditional-type identity test). */
type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;

/** Keys that can be assigned: drops `readonly` fields and get-only accessors (`record`, `summary`, `loadState`…). */
type WritableKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K, never>;
}[keyof T];

/** Keys whose values are not functions (drops methods such as `recover()`). */
type DataKeys<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? never : K;
}[keyof T];

/**
 * The properties an element adds to `LitElement` that a page may set: public, writable, not
 * methods. `HTMLElement`'s own members are left to each framework's HTML attribute types.
 */
export type MemorialPropertyName<Tag extends MemorialTagName> = Exclude<
  WritableKeys<MemorialElementFor<Tag>> & DataKeys<MemorialElementFor<Tag>>,
  keyof LitElement
>;

/** An element's settable properties, all optional (e.g. `martyr`, `variant`, `martyrId`, `apiBase`). */
export type MemorialElementProps<Tag extends MemorialTagName> = Partial<Pick<MemorialElementFor<Tag>, MemorialPropertyName<Tag>>>;

/**
 * `memorial-elements/vue`: template types for every `memorial-*` tag in Vue 3 (vue-tsc /
 * Vue language tools). Type-only:
 *
 *   import type {} from 'memorial-elements/vue';   // once, e.g. in env.d.ts
 *
 * Vue must still be told at build time that `memorial-` tags are custom elements
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('memorial-')` in @vitejs/plugin-vue).
 * Vue then sets a bound value as a DOM property when the element has that property
 * (`:martyr="record"`), else as an attribute, and `@memorial-tribute` becomes an
 * `addEventListener('memorial-tribute', …)`. These types follow that: the props are the
 * element's settable properties, the events are typed with the event classes. Every memorial
 * event is offered on every tag, because they bubble.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { MemorialElementFor, MemorialElementProps, MemorialEventMap, MemorialTagName } from './element-types.js';

export type * from './element-types.js';

/** Vue reads a component's events from the type of `$emit`. */
export type MemorialVueEmit = EmitFn<{ [K in keyof MemorialEventMap]: (event: MemorialEventMap[K]) => void }>;

/**
 * The global `slot` attribute, missing from Vue's `HTMLAttributes`: it places a tag in a named
 * slot of its parent (`<memorial-tribute-button slot="actions">` inside a card).
 */
interface SlotAttribute {
  slot?: string;
}

/**
 * What Vue's tooling sees for one tag: the element itself (so template refs are typed with the
 * class), plus `$props` and `$emit`, which vue-tsc reads to check bindings and listeners. The
 * two are for type-checking only: a custom element has no `$props` at run time.
 */
export type MemorialVueElement<Tag extends MemorialTagName> = new () => MemorialElementFor<Tag> & {
  /** @deprecated For template type-checking only; absent at run time. */
  $props: Omit<HTMLAttributes, keyof MemorialElementProps<Tag>> & SlotAttribute & MemorialElementProps<Tag> & PublicProps;
  /** @deprecated For template type-checking only; absent at run time. */
  $emit: MemorialVueEmit;
};

export type MemorialGlobalComponents = { [Tag in MemorialTagName]: MemorialVueElement<Tag> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the derived tags into Vue's interface
  interface GlobalComponents extends MemorialGlobalComponents {}
}

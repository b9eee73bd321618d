/**
 * `memorial-elements/react`: JSX types for every `memorial-*` tag in React 19. Type-only:
 *
 *   import type {} from 'memorial-elements/react';   // once, anywhere in the app
 *
 * React 19 sets a prop as a DOM property when the element has that property (so
 * `martyr={record}` hands the object over with no request) and attaches `on<event-name>` as a
 * listener for `<event-name>` (`onmemorial-tribute={(e) => e.detail.summary}`). These types
 * follow that: the props are the element's settable properties, the `on…` props are typed
 * with the event classes. Every memorial event is offered on every tag, because they bubble:
 * a provider or card hears its children's events. Attribute spellings (`martyr-id`) stay
 * allowed, as JSX allows any hyphenated name.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MemorialElementFor, MemorialElementProps, MemorialEventMap, MemorialEventName, MemorialTagName } from './element-types.js';

export type * from './element-types.js';

/** `onmemorial-tribute`, `onmemorial-error`…: React 19 adds them with `addEventListener`. */
export type MemorialReactEventProps = {
  [K in MemorialEventName as `on${K}`]?: (event: MemorialEventMap[K]) => void;
};

/** The JSX props of one tag: React's HTML attributes (`ref` typed to the class), the element's properties, its events. */
export type MemorialReactProps<Tag extends MemorialTagName> = Omit<
  DetailedHTMLProps<HTMLAttributes<MemorialElementFor<Tag>>, MemorialElementFor<Tag>>,
  keyof MemorialElementProps<Tag>
> &
  MemorialElementProps<Tag> &
  MemorialReactEventProps;

export type MemorialIntrinsicElements = { [Tag in MemorialTagName]: MemorialReactProps<Tag> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React declares JSX as a namespace; augmenting it is the only way
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the derived tags into React's interface
    interface IntrinsicElements extends MemorialIntrinsicElements {}
  }
}

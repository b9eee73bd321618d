/**
 * Examples as data. Each element has one `src/elements/<name>/<name>.examples.ts` exporting an
 * `ExampleList` with every state it can be in (loading, loaded, empty, error, API down) and
 * each variant. The same list drives:
 *   - the browser tests (test/browser/fixtures/run-examples.ts renders each example in every
 *     locale with elder mode off and on, checks the state and runs axe-core),
 *   - the demo gallery (demo/gallery.html),
 *   - the docs (the `html` is the snippet to show).
 *
 * Examples files are never imported by define.ts or the package entry points, so none of this
 * reaches the browser bundle.
 */
import type { Locale } from '../../i18n/locale.js';

/** What the example shows. `variant` examples are loaded data in a non-default variant. */
export type ExampleState = 'loading' | 'loaded' | 'empty' | 'error' | 'api-down' | 'idle' | 'variant';

export interface ExampleContext {
  locale: Locale;
  elderMode: boolean;
  /** The reference API's address: the page's origin in the browser tests and in the gallery. */
  apiBase: string;
  /** An address where nothing answers, for API-down examples. */
  unreachableApiBase: string;
}

export interface ElementExample {
  /** Stable kebab-case id, unique within its list (used in test names and gallery anchors). */
  name: string;
  /** One sentence for the gallery and the docs. */
  description: string;
  state: ExampleState;
  /** For `state: 'variant'`: the variant's name (e.g. `compact`). */
  variant?: string;
  /**
   * The markup, as a page would write it. A function gets the context (API address, locale…).
   * The runner puts it inside a `<div lang=…>` and, in elder mode, sets `elder-mode` on the
   * outermost memorial-* elements, so examples need not handle locale or elder mode themselves.
   */
  html: string | ((ctx: ExampleContext) => string);
  /** Runs after the markup is attached and before waiting, e.g. to give a provider a stub client. */
  setup?: (root: HTMLElement, ctx: ExampleContext) => void | Promise<void>;
  /**
   * The `loadState` every memorial-* element in the example must reach (default: from `state`:
   * loading → loading, loaded/variant → loaded, empty → empty, error/api-down → error, idle → idle).
   * `null` skips the check (e.g. an example holding elements in different states).
   */
  expect?: 'idle' | 'loading' | 'loaded' | 'empty' | 'error' | null;
  /** Event the example must fire while settling, e.g. `memorial-error` for api-down. */
  expectEvent?: keyof GlobalEventHandlersEventMap;
}

export interface ExampleList {
  /** The element's tag, e.g. `memorial-martyr-card`. */
  tag: string;
  /** A heading for the gallery. */
  title: string;
  examples: readonly ElementExample[];
}

/** Fills in `apiBase` and friends for one rendering. */
export function exampleHtml(example: ElementExample, ctx: ExampleContext): string {
  return typeof example.html === 'function' ? example.html(ctx) : example.html;
}

export const UNREACHABLE_API_BASE = 'http://127.0.0.1:9';

import { ContextConsumer, ContextRoot } from '@lit/context';
import { html, nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { PluralKey, TextKey } from '../../i18n/catalog.js';
import { formatNumber, formatPartialDate, periodName, plural, t, tributeLabel, type MessageParams } from '../../i18n/format.js';
import { nearestLang, normalizeLocale, type Locale } from '../../i18n/locale.js';
import type { TributeKind } from '../../contract/tribute.js';
import type { MemorialClient } from '../../sdk/client.js';
import { baseStyles } from '../../styles/base.js';
import { tokenStyles } from '../../styles/tokens.js';
import { metaApiBase, sharedClient } from './client.js';
import { memorialContext } from './context.js';
import type { ClassifiedError } from './errors.js';
import { GuardedElement } from './guarded-element.js';
import type { MemorialTask, TaskHost, TaskStatus } from './task.js';

/** Elements that follow the nearest `lang`: re-rendered when any `lang` attribute on the page changes. */
const langFollowers = new Set<MemorialElement>();
let langObserver: MutationObserver | undefined;

function watchLang(el: MemorialElement): void {
  langFollowers.add(el);
  if (langObserver || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(() => {
    for (const follower of langFollowers) follower.requestUpdate();
  });
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** Lets providers that upgrade after their consumers still reach them (one root per page, whichever copy comes first). */
const CONTEXT_ROOT = Symbol.for('memorial-elements.context-root');
function ensureContextRoot(): void {
  const g = globalThis as { [CONTEXT_ROOT]?: ContextRoot };
  if (g[CONTEXT_ROOT] || typeof document === 'undefined') return;
  g[CONTEXT_ROOT] = new ContextRoot();
  g[CONTEXT_ROOT].attach(document.documentElement);
}

export interface TaskViews<T> {
  /** The data, once loaded (or given). */
  loaded: (value: T) => unknown;
  /** A valid answer with nothing to show; defaults to the localized "empty" state. */
  empty?: (value: T) => unknown;
  /** While loading; defaults to the localized "loading" state in the reserved height. */
  loading?: () => unknown;
  /** Nothing to load yet (e.g. no martyr-id); defaults to the fallback slot. */
  idle?: () => unknown;
  /** Failed; defaults to the localized error state, a retry button and the fallback slot. */
  error?: (error: ClassifiedError, retry: () => void) => unknown;
}

/**
 * The base of every memorial-* element.
 *
 * - Resolves its client, locale and elder mode: own attribute first, then the enclosing
 *   `<memorial-provider>` (@lit/context), then the page (`<meta name="memorial-api-base">`, the
 *   nearest `lang`). Clients are shared per API address across the page.
 * - Loads data through `MemorialTask`, rendered with `renderTask()`: loading, loaded, empty and
 *   error states, `memorial-load`/`memorial-error` events, retry, and the light-DOM fallback.
 * - Never throws from a lifecycle callback (see `GuardedElement`).
 * - Styles: tokens + base styles via `static styles` (constructable stylesheets: fine under a
 *   strict `style-src 'self'` CSP). Never use `style=` bindings or styleMap.
 *
 * Subclasses implement `renderContent()`; the base wraps it in `<div part="base" lang>`.
 *
 * The tags below are what every element on this base shares; each element's own JSDoc adds its
 * parts, slots, events and component tokens. The shared tokens (src/styles/) are documented
 * here once; the manifest config copies them to `MemorialLeanElement`, which adopts the same
 * styles.
 *
 * @attr {boolean} elder-active - Read-only, set by the element: elder mode is in effect (its own `elder-mode` or the provider's).
 *
 * @slot - Fallback content: shown before the element is defined, while there is nothing to load and whenever the data cannot be shown.
 *
 * @csspart base - The wrapper around everything the element renders.
 * @csspart status - The loading / empty / error box.
 * @csspart status-message - The text in the status box.
 * @csspart retry-button - Tries loading again after an error.
 * @csspart fallback - Wraps the default slot (the fallback content).
 *
 * @cssprop --memorial-ref-color-ink-900 - Palette: ink, the darkest text colour.
 * @cssprop --memorial-ref-color-ink-700 - Palette: a lighter ink, for strong borders and elder-mode muted text.
 * @cssprop --memorial-ref-color-stone-600 - Palette: dark stone, for muted text.
 * @cssprop --memorial-ref-color-stone-300 - Palette: light stone, for borders.
 * @cssprop --memorial-ref-color-stone-100 - Palette: pale stone, for muted surfaces.
 * @cssprop --memorial-ref-color-chrysanthemum-50 - Palette: chrysanthemum white, the surface.
 * @cssprop --memorial-ref-color-white - Palette: white (text on the accent, the high-contrast surface).
 * @cssprop --memorial-ref-color-black - Palette: black (high-contrast text and borders).
 * @cssprop --memorial-ref-color-pine-800 - Palette: pine green (松柏), the one accent.
 * @cssprop --memorial-ref-color-pine-900 - Palette: a darker pine, the accent on hover.
 * @cssprop --memorial-ref-color-cinnabar-800 - Palette: a muted cinnabar, for errors.
 * @cssprop --memorial-ref-font-family-hans - Font stack for Simplified Chinese.
 * @cssprop --memorial-ref-font-family-hant - Font stack for Traditional Chinese.
 * @cssprop --memorial-ref-font-family-latin - Font stack for English.
 * @cssprop --memorial-ref-font-size-14 - Size scale: small text.
 * @cssprop --memorial-ref-font-size-16 - Size scale: body text.
 * @cssprop --memorial-ref-font-size-18 - Size scale: small text in elder mode.
 * @cssprop --memorial-ref-font-size-20 - Size scale: body text in elder mode.
 * @cssprop --memorial-ref-line-height-normal - Line height of body text.
 * @cssprop --memorial-ref-line-height-loose - Line height in elder mode.
 * @cssprop --memorial-ref-size-44 - Target size: the minimum for buttons and links.
 * @cssprop --memorial-ref-size-60 - Target size in elder mode.
 * @cssprop --memorial-ref-radius-small - Corner radius.
 * @cssprop --memorial-ref-space-2 - Spacing scale: small.
 * @cssprop --memorial-ref-space-3 - Spacing scale: medium.
 * @cssprop --memorial-ref-space-4 - Spacing scale: large.
 * @cssprop --memorial-ref-duration-short - Duration of the few colour transitions.
 * @cssprop --memorial-sys-color-surface - The element's background.
 * @cssprop --memorial-sys-color-surface-muted - Background of quieter areas (status box, placeholders).
 * @cssprop --memorial-sys-color-text - Text colour.
 * @cssprop --memorial-sys-color-text-muted - Secondary text (dates, hints, counts).
 * @cssprop --memorial-sys-color-border - Borders and dividers.
 * @cssprop --memorial-sys-color-border-strong - Borders that must stand out (buttons, form fields).
 * @cssprop --memorial-sys-color-accent - The accent: buttons and links.
 * @cssprop --memorial-sys-color-accent-hover - The accent on hover.
 * @cssprop --memorial-sys-color-on-accent - Text on the accent.
 * @cssprop --memorial-sys-color-error - Error text.
 * @cssprop --memorial-sys-color-focus - The focus ring.
 * @cssprop --memorial-sys-font-family-hans - Font for Simplified Chinese text.
 * @cssprop --memorial-sys-font-family-hant - Font for Traditional Chinese text.
 * @cssprop --memorial-sys-font-family-latin - Font for English text.
 * @cssprop --memorial-sys-font-size - Body text size (20px in elder mode, which a theme cannot lower).
 * @cssprop --memorial-sys-font-size-small - Small text size (18px in elder mode).
 * @cssprop --memorial-sys-line-height - Line height (1.7 in elder mode).
 * @cssprop --memorial-sys-target-size - Minimum size of buttons and links (60px in elder mode).
 * @cssprop --memorial-sys-radius - Corner radius of buttons.
 * @cssprop --memorial-sys-space-s - Small spacing.
 * @cssprop --memorial-sys-space-m - Medium spacing.
 * @cssprop --memorial-sys-space-l - Large spacing.
 * @cssprop --memorial-sys-focus-width - Width of the focus ring.
 * @cssprop --memorial-sys-duration - Duration of colour transitions (0s with `prefers-reduced-motion`).
 * @cssprop --memorial-button-background - The shared button's background.
 * @cssprop --memorial-button-background-hover - The shared button's background on hover.
 * @cssprop --memorial-button-color - The shared button's text colour.
 * @cssprop --memorial-button-border-color - The shared button's border.
 * @cssprop --memorial-button-radius - The shared button's corner radius.
 * @cssprop --memorial-button-min-size - Minimum block and inline size of buttons and links.
 * @cssprop --memorial-button-padding-inline - The shared button's inline padding.
 * @cssprop --memorial-status-color - Text in the loading / empty / error box.
 * @cssprop --memorial-status-error-color - The error message in the status box.
 * @cssprop --memorial-status-background - Background of the status box.
 * @cssprop --memorial-status-border-color - The rule at the status box's start edge.
 */
export abstract class MemorialElement extends GuardedElement implements TaskHost {
  static override styles: CSSResultGroup = [tokenStyles, baseStyles];

  /** API address for this element alone (origin or origin + path); overrides the provider and the meta tag. */
  @property({ attribute: 'api-base' }) accessor apiBase: string | null = null;
  /** `zh-Hans`, `zh-Hant` or `en` (any BCP 47 tag is mapped); overrides the provider and `lang`. */
  @property() accessor locale: string | null = null;
  /** Elder mode (适老化) for this element alone: ≥18px text, ≥60px targets. */
  @property({ type: Boolean, reflect: true, attribute: 'elder-mode' }) accessor elderMode = false;

  readonly #context = new ContextConsumer(this, { context: memorialContext, subscribe: true });
  readonly #tasks: MemorialTask<readonly unknown[], unknown>[] = [];

  constructor() {
    super();
    ensureContextRoot();
    // Keep the host's `elder-active` attribute (read by the token styles) in step before every render.
    this.addController({
      hostUpdate: () => {
        const active = this.resolvedElderMode;
        if (this.hasAttribute('elder-active') !== active) this.toggleAttribute('elder-active', active);
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    try {
      watchLang(this);
    } catch (error) {
      this.handleFailure(error);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    langFollowers.delete(this);
  }

  /** The client this element uses, or undefined when no API address is known. */
  get client(): MemorialClient | undefined {
    if (this.apiBase) return sharedClient(this.apiBase);
    const provided = this.#context.value?.client;
    if (provided) return provided;
    const meta = typeof document === 'undefined' ? undefined : metaApiBase(document);
    return meta ? sharedClient(meta) : undefined;
  }

  /** The locale in effect: own `locale`, then the provider's, then the nearest `lang`, else zh-Hans. */
  get resolvedLocale(): Locale {
    if (this.locale) return normalizeLocale(this.locale);
    const provided = this.#context.value?.locale;
    if (provided) return provided;
    return normalizeLocale(nearestLang(this));
  }

  /** Elder mode in effect: own `elder-mode` or the provider's. */
  get resolvedElderMode(): boolean {
    return this.elderMode || (this.#context.value?.elderMode ?? false);
  }

  /** The combined state of the element's tasks (and of a caught failure): handy for tests and host pages. */
  get loadState(): TaskStatus {
    if (this.failure) return 'error';
    const states = this.#tasks.map((task) => task.status);
    for (const s of ['error', 'loading', 'loaded', 'empty'] as const) if (states.includes(s)) return s;
    return 'idle';
  }

  /**
   * Called by `MemorialTask`'s constructor, so that `loadState` covers the task.
   * @internal
   */
  registerTask(task: MemorialTask<readonly unknown[], unknown>): void {
    this.#tasks.push(task);
  }

  // --- localization, bound to the resolved locale -------------------------------------------
  protected t(key: TextKey, params?: MessageParams): string {
    return t(this.resolvedLocale, key, params);
  }
  protected plural(key: PluralKey, count: number, params?: MessageParams): string {
    return plural(this.resolvedLocale, key, count, params);
  }
  protected formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(n, this.resolvedLocale, options);
  }
  protected formatDate(value: string | null | undefined): string {
    return formatPartialDate(value, this.resolvedLocale);
  }
  protected periodName(id: string): string {
    return periodName(id, this.resolvedLocale);
  }
  protected tributeLabel(kind: TributeKind, done = false): string {
    return tributeLabel(kind, this.resolvedLocale, done);
  }

  // --- rendering --------------------------------------------------------------------------
  /** The element's own content. Called inside `<div part="base">`; not called while in a failure state. */
  protected abstract renderContent(): unknown;

  protected override render(): unknown {
    const content = this.failure ? this.renderError(this.failure, () => this.recover()) : this.renderContent();
    return html`<div part="base" class="base" lang=${this.resolvedLocale}>${content}</div>`;
  }

  /** Renders a task in its current state, with the default views for everything but `loaded`. */
  protected renderTask<A extends readonly unknown[], T>(task: MemorialTask<A, T>, views: TaskViews<T>): unknown {
    switch (task.status) {
      case 'loaded':
        return views.loaded(task.value as T);
      case 'empty':
        return views.empty ? views.empty(task.value as T) : this.renderStatus('state.empty');
      case 'loading':
        return views.loading ? views.loading() : this.renderLoading();
      case 'error': {
        const error = task.error ?? { kind: 'internal', error: undefined, retryable: true, messageKey: 'state.error' };
        const retry = () => task.retry();
        return views.error ? views.error(error, retry) : this.renderError(error, retry);
      }
      default:
        return views.idle ? views.idle() : this.renderFallback();
    }
  }

  /** The light-DOM content (the element's children), shown before upgrade and whenever the data cannot be shown. */
  protected renderFallback(): TemplateResult {
    return html`<div part="fallback" class="fallback"><slot></slot></div>`;
  }

  /** A polite status line: loading, empty, not found… */
  protected renderStatus(key: TextKey, extra: unknown = nothing, kind = ''): TemplateResult {
    return html`<div part="status" class="status ${kind}" role="status">
      <p part="status-message" class="status-message">${this.t(key)}</p>
      ${extra}
    </div>`;
  }

  protected renderLoading(): TemplateResult {
    return this.renderStatus('state.loading', nothing, 'loading');
  }

  /** The fallback, then the localized reason and (when it may help) a retry button. */
  protected renderError(error: ClassifiedError, retry: () => void): TemplateResult {
    const button = error.retryable
      ? html`<button part="retry-button" class="button" type="button" @click=${retry}>${this.t('state.retry')}</button>`
      : nothing;
    return html`${this.renderFallback()}${this.renderStatus(error.messageKey, button, 'error')}`;
  }
}

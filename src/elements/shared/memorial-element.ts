import { ContextConsumer, ContextRoot } from '@lit/context';
import { html, nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { PluralKey, TextKey } from '../../i18n/catalog.js';
import { formatNumber, formatPartialDate, periodName, plural, t, tributeLabel, type MessageParams } from '../../i18n/format.js';
import { nearestLang, normalizeLocale, type Locale } from '../../i18n/locale.js';
import type { TributeKind } from '../../contract/tribute.js';
import type { MemorialClient } from '../../sdk/index.js';
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

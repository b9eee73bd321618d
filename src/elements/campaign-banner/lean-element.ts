import { html, type CSSResultGroup, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { nearestLang, normalizeLocale, type Locale } from '../../i18n/locale.js';
import type { MemorialClient } from '../../sdk/client.js';
import { apiRoot } from '../../sdk/base-url.js';
import { baseStyles } from '../../styles/base.js';
import { tokenStyles } from '../../styles/tokens.js';
import { memorialContext, type MemorialContextValue } from '../shared/context.js';
import { GuardedElement } from '../shared/guarded-element.js';

/**
 * Where an element gets its data: the client of an enclosing `<memorial-provider>`, or an API
 * root (own `api-base`, else `<meta name="memorial-api-base">`) to fetch from directly.
 */
export type DataSource = { client: MemorialClient; apiRoot: string } | { client: undefined; apiRoot: string } | undefined;

type ContextCallback = (value: MemorialContextValue | undefined, unsubscribe?: () => void) => void;

/**
 * The community context protocol's request, as @lit/context's `ContextRequestEvent`, so
 * `<memorial-provider>` (an @lit/context `ContextProvider`) answers it and keeps the element up
 * to date. Written out here because @lit/context's consumer and root cost 0.7 KB gzip.
 */
class ContextRequestEvent extends Event {
  readonly subscribe = true;
  constructor(
    readonly context: unknown,
    readonly contextTarget: Element,
    readonly callback: ContextCallback,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

/** Connected elements: they follow the nearest `lang`, and look again for a provider that upgrades late. */
const connected = new Set<MemorialLeanElement>();
let langObserver: MutationObserver | undefined;

/**
 * The light variant of `MemorialElement` for elements with a tight size budget (the campaign
 * banner's; docs/performance.md#page-weight): the same resolution of locale, elder mode and API (own attribute, then the
 * enclosing `<memorial-provider>`, then the page), the same `elder-active` attribute,
 * `part="base"` wrapper, fallback slot and lifecycle safety (`GuardedElement`), but it never
 * imports the SDK client (ky and every route's schema), the full message catalogs or
 * @lit/context (it speaks the context protocol itself). A provider's client is used when there
 * is one; otherwise `dataSource` gives an API root for the element to fetch from itself.
 *
 * Elements on it render with `renderContent()` and report `loadState` themselves.
 *
 * @attr {boolean} elder-active - Read-only, set by the element: elder mode is in effect (its own `elder-mode` or the provider's).
 *
 * @slot - Fallback content: shown before the element is defined and whenever the data cannot be shown.
 *
 * @csspart base - The wrapper around everything the element renders.
 * @csspart fallback - Wraps the default slot (the fallback content).
 */
export abstract class MemorialLeanElement extends GuardedElement {
  static override styles: CSSResultGroup = [tokenStyles, baseStyles];

  /** API address for this element alone (origin or origin + path); overrides the provider and the meta tag. */
  @property({ attribute: 'api-base' }) accessor apiBase: string | null = null;
  /** `zh-Hans`, `zh-Hant` or `en` (any BCP 47 tag is mapped); overrides the provider and `lang`. */
  @property() accessor locale: string | null = null;
  /** Elder mode (适老化) for this element alone: ≥18px text, ≥60px targets. */
  @property({ type: Boolean, reflect: true, attribute: 'elder-mode' }) accessor elderMode = false;

  /** What the enclosing provider shares (undefined outside a provider). */
  #provided: MemorialContextValue | undefined;
  /** Leaves the provider's subscription; set while a provider serves this element. */
  #unsubscribe: (() => void) | undefined;

  readonly #onContext: ContextCallback = (value, unsubscribe) => {
    // a closer provider took over: leave the previous one
    if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
    this.#unsubscribe = unsubscribe;
    this.#provided = value;
    this.requestUpdate();
  };

  constructor() {
    super();
    this.addController({
      hostUpdate: () => this.toggleAttribute('elder-active', this.resolvedElderMode),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!langObserver) {
      langObserver = new MutationObserver(() => connected.forEach((el) => el.requestUpdate()));
      langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
      // A provider defined after its elements announces itself: ask it again.
      document.addEventListener('context-provider', (event) => {
        if ((event as Event & { context?: unknown }).context === memorialContext) connected.forEach((el) => el.#requestContext(true));
      });
    }
    connected.add(this);
    this.#requestContext();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #requestContext(onlyIfUnserved = false): void {
    if (!(onlyIfUnserved && this.#unsubscribe)) this.dispatchEvent(new ContextRequestEvent(memorialContext, this, this.#onContext));
  }

  /** The locale in effect: own `locale`, then the provider's, then the nearest `lang`, else zh-Hans. */
  get resolvedLocale(): Locale {
    return this.locale ? normalizeLocale(this.locale) : (this.#provided?.locale ?? normalizeLocale(nearestLang(this)));
  }

  /** Elder mode in effect: own `elder-mode` or the provider's. */
  get resolvedElderMode(): boolean {
    return this.elderMode || (this.#provided?.elderMode ?? false);
  }

  /**
   * Own `api-base` (fetched directly), else the provider's client, else the page's
   * `<meta name="memorial-api-base">` (fetched directly); undefined when there is none or it is
   * not an http(s) URL.
   */
  get dataSource(): DataSource {
    try {
      const provided = this.#provided?.client;
      if (!this.apiBase && provided) return { client: provided, apiRoot: provided.baseUrl };
      const base = this.apiBase || document.querySelector('meta[name="memorial-api-base"]')?.getAttribute('content');
      return base?.trim() ? { client: undefined, apiRoot: apiRoot(base.trim()) } : undefined;
    } catch {
      return undefined;
    }
  }

  /** The element's own content, inside `<div part="base">`; not called while in a failure state. */
  protected abstract renderContent(): unknown;

  protected override render(): unknown {
    return html`<div part="base" class="base" lang=${this.resolvedLocale}>
      ${this.failure ? this.renderFallback() : this.renderContent()}
    </div>`;
  }

  /** The light-DOM content (the element's children): before upgrade, and whenever the data cannot be shown. */
  protected renderFallback(): TemplateResult {
    return html`<div part="fallback" class="fallback"><slot></slot></div>`;
  }
}

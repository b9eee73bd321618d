import { ContextProvider } from '@lit/context';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { nearestLang, normalizeLocale, type Locale } from '../../i18n/locale.js';
import type { MemorialClient } from '../../sdk/client.js';
import { metaApiBase, sharedClient } from '../shared/client.js';
import { memorialContext, type MemorialContextValue } from '../shared/context.js';
import { GuardedElement } from '../shared/guarded-element.js';
import { providerStyles } from './provider.styles.js';

/**
 * `<memorial-provider api-base locale elder-mode>` shares one SDK client, the locale and elder
 * mode with every memorial-* element inside it (through @lit/context, across shadow roots).
 * Changing any of them re-renders every element inside.
 *
 * It renders nothing of its own (`display: contents`): its children lay out as if it were not
 * there.
 *
 * @summary Shares one API client, the locale and elder mode with every memorial-* element inside it.
 * @tag memorial-provider
 *
 * @attr api-base - The API address (origin or origin + path) for every element inside; default `<meta name="memorial-api-base">`.
 * @attr locale - `zh-Hans`, `zh-Hant` or `en` (any BCP 47 tag is mapped) for every element inside; reflected. Default: each element's nearest `lang`.
 * @attr elder-mode - Elder mode (适老化) for every element inside: text ≥ 18px, targets ≥ 60px.
 * @property {MemorialClient | undefined} client - A client you built yourself (`createMemorialClient({ baseUrl, fetch, timeout, retry })`); wins over `api-base`.
 *
 * @fires memorial-error - A bug in the provider itself was caught (`detail.phase` is `lifecycle`).
 *
 * @slot - The page content holding memorial-* elements.
 */
export class MemorialProvider extends GuardedElement {
  static override styles = providerStyles;

  /** The API address (origin or origin + path) for every element inside; default `<meta name="memorial-api-base">`. */
  @property({ attribute: 'api-base' }) accessor apiBase: string | null = null;
  /** `zh-Hans` (default), `zh-Hant` or `en`; any BCP 47 tag is mapped (zh-TW → zh-Hant). Default: the nearest `lang`. */
  @property({ reflect: true }) accessor locale: string | null = null;
  /** Elder mode (适老化) for every element inside. */
  @property({ type: Boolean, reflect: true, attribute: 'elder-mode' }) accessor elderMode = false;
  /**
   * A client you built yourself (`createMemorialClient({ baseUrl, fetch, timeout, retry })`),
   * e.g. with a custom `fetch` or headers. Wins over `api-base`.
   */
  @property({ attribute: false }) accessor client: MemorialClient | undefined = undefined;

  readonly #provider = new ContextProvider(this, { context: memorialContext, initialValue: undefined });

  /** The client the elements inside get. */
  get resolvedClient(): MemorialClient | undefined {
    if (this.client) return this.client;
    const base = this.apiBase || metaApiBase(document);
    return base ? sharedClient(base) : undefined;
  }

  /** The locale the elements inside get (own `locale`, else the nearest `lang`, else zh-Hans). */
  get resolvedLocale(): Locale {
    return normalizeLocale(this.locale ?? nearestLang(this));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Provide at once, so children upgrading in the same pass see the real value on their first render.
    try {
      this.#share();
    } catch (error) {
      this.handleFailure(error);
    }
  }

  protected override willUpdate(): void {
    this.#share();
  }

  #share(): void {
    const next: MemorialContextValue = {
      client: this.resolvedClient,
      // Only an explicit locale is imposed; otherwise each element follows its own nearest `lang`.
      locale: this.locale ? normalizeLocale(this.locale) : undefined,
      elderMode: this.elderMode,
    };
    const prev = this.#provider.value;
    if (!prev || prev.client !== next.client || prev.locale !== next.locale || prev.elderMode !== next.elderMode) {
      this.#provider.setValue(next);
    }
  }

  protected override render(): unknown {
    return html`<slot></slot>`;
  }
}

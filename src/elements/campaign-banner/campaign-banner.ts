import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { CalendarCampaign, CampaignTone } from '../../contract/campaign.js';
import { CAMPAIGN_KIND_TEXT } from '../../contract/campaign-kinds.js';
import { campaignLinkAllowed } from '../../contract/campaign-links.js';
import { getCampaignLean } from '../../sdk/campaign-lean.js';
import type { Locale } from '../../i18n/locale.js';
import { classifyError, isAbort, MemorialConfigError, type ClassifiedError } from '../shared/errors.js';
import { MemorialCampaignClickEvent, MemorialLoadEvent } from '../shared/events.js';
import type { TaskStatus } from '../shared/task.js';
import { bannerDaysLeft, bannerText, formatDay } from './banner-i18n.js';
import { campaignPhase, daysBetween, shanghaiDay, untilShanghaiMidnight, type CampaignPhase } from './calendar.js';
import { closeFloat, embedReported, floatClosed, reportEmbed, type EmbedEventType } from './embed-report.js';
import { MemorialLeanElement } from './lean-element.js';
import { campaignBannerStyles } from './campaign-banner.styles.js';

export type CampaignBannerVariant = 'strip' | 'card' | 'float';

const SUPPORTS_POPOVER = typeof HTMLElement !== 'undefined' && 'popover' in HTMLElement.prototype;

/**
 * The campaign link a county or district portal must carry "in a prominent place": the
 * campaign's yearly title and theme (致敬·2020清明祭英烈), its dates, and a call to action to
 * the national column, opening in a new tab. Shown inside the campaign's window; before it, the
 * days remaining; after it, nothing or a plain link (`after`). Days are decided in
 * Asia/Shanghai whatever the reader's time zone.
 *
 * The wording follows the day: the small heading is the campaign's own `label`, else its kind's
 * (缅怀英烈 for Qingming, 悼念死难同胞 for 国家公祭日, which mourns the victims of the Nanjing
 * Massacre and never says 缅怀英烈), and the `tone` attribute reflects how the day is spoken
 * of; `mourning` drops the accent colour and its call to action is 参加网上公祭.
 *
 * Between campaigns (`campaign="current"` answers 404) it shows a quiet line for the next
 * campaign (`between="next"`, the default) or nothing (`between="hide"`), never the error state.
 * Beacons are sent only for a campaign shown as active, upcoming or ended, under its own id:
 * the quiet next line sends none.
 *
 * The light-DOM content is the fallback: it is all a reader sees with no script, before the
 * element is defined, while the campaign loads and whenever it cannot be loaded. Put the link
 * to the national platform there.
 *
 * Once at least half of it has been on screen, and when its link is followed, it reports the
 * host page (origin and path only) to the API's embed report; `no-beacon` turns that off.
 *
 * Built on the light base (`MemorialLeanElement`) and the SDK's fetch-only GET
 * (`getCampaignLean`: the client's retry and error rules, a validator generated from the
 * contract, no ky or zod) to keep it small; inside a `<memorial-provider>` it uses the
 * provider's client.
 *
 * @summary The campaign banner (清明祭英烈 and other days of remembrance) with a no-script fallback link.
 * @tag memorial-campaign-banner
 *
 * @attr campaign - A campaign id (`qingming-2026`) or `current` (the campaign active now in Asia/Shanghai, by the server's clock; between campaigns see `between`).
 * @attr variant - `strip` (default: full width, for a page header), `card` (a side column) or `float` (a small floating entry with a close button).
 * @attr after - After the window: `hide` (default) or `link` (a plain link to the column). Property: `afterWindow`.
 * @attr between - With `campaign="current"` between campaigns (the server answers 404): `next` (default: a quiet one-line link to the next campaign, no beacons) or `hide` (nothing).
 * @attr no-beacon - Do not report impressions and clicks to the embed report.
 * @attr api-base - API address for this element alone; default the provider's, then `<meta name="memorial-api-base">`.
 * @attr locale - `zh-Hans`, `zh-Hant` or `en`; default the provider's, then the nearest `lang`.
 * @attr elder-mode - Elder mode (适老化): larger text and targets.
 * @attr {'upcoming' | 'active' | 'ended'} phase - Read-only, set by the element: `upcoming`, `active` or `ended` once the campaign is loaded.
 * @attr {'honour' | 'remembrance' | 'mourning'} tone - Read-only, set by the element: how the shown campaign's day is spoken of (its `tone`, else its kind's); `mourning` has no accent colour.
 * @attr {boolean} closed - Read-only, set by the element: the reader closed this campaign's float.
 *
 * @fires {MemorialLoadEvent<CalendarCampaign | undefined>} memorial-load - The campaign was loaded and is shown (`detail.empty` when the window is over and `after="hide"`); between campaigns `detail.data` is undefined and `detail.empty` is true unless the next line shows.
 * @fires memorial-error - The campaign could not be loaded (the fallback is shown); never for the 404 of `current` between campaigns.
 * @fires memorial-campaign-click - The reader followed the campaign link; cancelable (`preventDefault()` keeps the page and sends no click report).
 *
 * @slot - The fallback: a link to the national platform or the campaign's column, shown with no script and whenever the campaign cannot be shown.
 *
 * @csspart base - The wrapper (the floating box for `float`).
 * @csspart fallback - Holds the slotted fallback.
 * @csspart banner - The campaign box.
 * @csspart label - The small heading above the title: the day's own wording (缅怀英烈, 悼念死难同胞…).
 * @csspart title - The campaign's yearly title.
 * @csspart theme - The theme word inside the title (致敬).
 * @csspart dates - The campaign's dates.
 * @csspart countdown - Days until the campaign starts (upcoming only).
 * @csspart link - The call to action (or, after the window with `after="link"`, the plain link).
 * @csspart next - Between campaigns with `between="next"`: the quiet line with a link to the next campaign.
 * @csspart close-button - The float's close button.
 *
 * @cssprop --memorial-campaign-banner-min-block-size - Height reserved while loading (strip and card).
 * @cssprop --memorial-campaign-banner-accent - The rule above the banner and the theme word (with `tone="mourning"`: the muted text grey, no accent).
 * @cssprop --memorial-campaign-banner-title-font-size - The title's size.
 * @cssprop --memorial-campaign-banner-float-inset - The float's distance from the viewport's bottom and end edges.
 * @cssprop --memorial-campaign-banner-float-max-inline-size - The float's widest size.
 */
export class MemorialCampaignBanner extends MemorialLeanElement {
  static override styles = [MemorialLeanElement.styles, campaignBannerStyles];

  /** A campaign id (`qingming-2026`) or `current`: the campaign active now in Asia/Shanghai (the server decides); between campaigns see `between`. */
  @property() accessor campaign: string | null = null;
  /** `strip` (full width), `card` (side column) or `float` (a small floating entry with a close button). */
  @property({ reflect: true }) accessor variant: CampaignBannerVariant = 'strip';
  /**
   * The `after` attribute: after the campaign's window, `hide` (nothing) or `link` (a plain link
   * to the column). The property has another name because `Element.after()` exists.
   */
  @property({ attribute: 'after', reflect: true }) accessor afterWindow: 'hide' | 'link' = 'hide';
  /**
   * With `campaign="current"` between campaigns (404): `next`, a quiet one-line link to the next
   * campaign (no beacons), or `hide`, nothing.
   */
  @property({ reflect: true }) accessor between: 'next' | 'hide' = 'next';
  /** Turns the embed report (impression and click beacons) off. */
  @property({ type: Boolean, attribute: 'no-beacon' }) accessor noBeacon = false;
  /**
   * The clock, for tests and previews: the instant to decide the campaign's phase at. Default:
   * the reader's clock at each render (the phase is re-checked at Shanghai midnight).
   */
  @property({ attribute: false }) accessor now: Date | undefined = undefined;

  #status: TaskStatus = 'idle';
  #data: CalendarCampaign | undefined;
  /** Between campaigns: the next one, for the quiet line (`between="next"`). */
  #next: CalendarCampaign | undefined;
  #error: ClassifiedError | undefined;
  /** What the current load is for: `id`, the provider's client or the API root. */
  #key: readonly unknown[] | undefined;
  #abort: AbortController | undefined;
  #generation = 0;
  #observer: IntersectionObserver | undefined;
  #observed: Element | undefined;
  #midnight: ReturnType<typeof setTimeout> | undefined;

  /** The campaign, once loaded. */
  get data(): CalendarCampaign | undefined {
    return this.#data;
  }

  /** Between campaigns (`current` answered 404): the next campaign, when the server has one. */
  get next(): CalendarCampaign | undefined {
    return this.#next;
  }

  /** How the shown campaign's day is spoken of: its `tone`, else its kind's. */
  get tone(): CampaignTone | undefined {
    const c = this.#data;
    return c && (c.tone ?? CAMPAIGN_KIND_TEXT[c.kind].tone);
  }

  /** The error that is showing the fallback, if any. */
  get error(): ClassifiedError | undefined {
    return this.#error;
  }

  /** `upcoming`, `active` or `ended` at `now` (Asia/Shanghai days); undefined until loaded. */
  get phase(): CampaignPhase | undefined {
    return this.#data && campaignPhase(this.#data, this.#nowMs());
  }

  /**
   * `loaded`, or `empty` when nothing is shown (the window is over and `after="hide"`, or between
   * campaigns with `between="hide"` or no next campaign); `idle`, `loading`, `error` otherwise.
   */
  get loadState(): TaskStatus {
    if (this.failure) return 'error';
    return this.#status === 'loaded' && this.#hidden() ? 'empty' : this.#status;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = this.#observed = undefined;
    clearTimeout(this.#midnight);
    if (this.#status === 'loading') {
      // started again if the element comes back
      this.#abort?.abort();
      this.#key = undefined;
    }
  }

  protected override willUpdate(): void {
    this.#load();
    const phase = this.phase;
    if (phase) this.setAttribute('phase', phase);
    else this.removeAttribute('phase');
    const tone = this.tone;
    if (tone) this.setAttribute('tone', tone);
    else this.removeAttribute('tone');
    this.toggleAttribute('closed', this.#floating() && floatClosed(this.#data?.id ?? ''));
  }

  #nowMs(): number {
    return this.now ? this.now.getTime() : Date.now();
  }

  #hidden(): boolean {
    if (!this.#data) return !this.#nextShown();
    return this.phase === 'ended' && this.afterWindow !== 'link';
  }

  /** Between campaigns, the quiet next line shows. */
  #nextShown(): boolean {
    return !this.#data && !!this.#next && this.between !== 'hide';
  }

  /** True when the campaign is shown floating (loaded, float variant, not hidden). */
  #floating(): boolean {
    return this.#status === 'loaded' && !!this.#data && this.variant === 'float' && !this.#hidden();
  }

  #load(): void {
    const id = this.campaign?.trim();
    const source = this.dataSource;
    const key = id ? [id, source?.client, source?.apiRoot] : undefined;
    if (this.#key && key && key.every((v, i) => v === this.#key?.[i])) return;
    if (!key && !this.#key && this.#status === 'idle') return;
    this.#abort?.abort();
    this.#key = key;
    this.#data = this.#next = this.#error = undefined;
    this.#observer?.disconnect();
    this.#observer = this.#observed = undefined;
    if (!id) {
      this.#status = 'idle';
      return;
    }
    const abort = (this.#abort = new AbortController());
    const generation = ++this.#generation;
    this.#status = 'loading';
    void (async () => {
      try {
        if (!source) {
          throw new MemorialConfigError(
            'memorial-elements: no API address. Set api-base on the element, wrap it in <memorial-provider api-base>, or add <meta name="memorial-api-base" content>.',
          );
        }
        const get = (which: string) =>
          source.client ? source.client.campaigns.get(which, { signal: abort.signal }) : getCampaignLean(source.apiRoot, which, { signal: abort.signal });
        let data: CalendarCampaign | undefined;
        try {
          data = await get(id);
        } catch (error) {
          // between campaigns `current` is a 404, not an error: fetch the next one for the quiet line
          if (id !== 'current' || classifyError(error).status !== 404) throw error;
          const next = await get('next').catch((e: unknown) => {
            if (classifyError(e).status === 404) return undefined;
            throw e;
          });
          if (generation !== this.#generation) return;
          this.#next = next;
        }
        if (generation !== this.#generation) return;
        this.#data = data;
        this.#status = 'loaded';
        this.requestUpdate();
        await this.updateComplete;
        if (generation === this.#generation) this.emit(new MemorialLoadEvent<CalendarCampaign | undefined>({ data, empty: this.#hidden() }));
      } catch (error) {
        if (generation !== this.#generation || (abort.signal.aborted && isAbort(error))) return;
        const classified = classifyError(error);
        this.#status = 'error';
        this.#error = classified;
        this.requestUpdate();
        await this.updateComplete;
        if (generation === this.#generation) this.emitError(classified, 'load');
      }
    })();
  }

  protected override render(): unknown {
    const floating = this.#floating() && !this.hasAttribute('closed');
    // The float's box is a manual popover: in the top layer (no z-index of the page can cover
    // it) and it never takes focus. Engines without popover get position: fixed.
    return html`<div
      part="base"
      class="base ${this.#status === 'loading' ? 'pending' : this.#status === 'loaded' ? 'own' : ''} ${floating ? 'float' : ''}"
      lang=${this.resolvedLocale}
      popover=${floating && SUPPORTS_POPOVER ? 'manual' : nothing}
      @keydown=${floating ? this.#onKeydown : nothing}
    >
      ${this.failure ? this.renderFallback() : this.renderContent()}
    </div>`;
  }

  protected renderContent(): unknown {
    const loaded = this.#status === 'loaded';
    const c = loaded ? this.#data : undefined;
    const allowed = (x: CalendarCampaign) => campaignLinkAllowed(x.url, [this.querySelector<HTMLAnchorElement>('a[href]')?.hostname ?? '']);
    const locale = this.resolvedLocale;
    const titleLang = locale === 'zh-Hans' ? nothing : 'zh-Hans';
    const newWindow = html`<span class="visually-hidden">${bannerText(locale, 'banner.newWindow')}</span>`;
    if (loaded && !c) {
      // between campaigns: nothing, or one quiet line for the next campaign (no beacons)
      const next = this.#next;
      if (!next || this.between === 'hide') return nothing;
      if (!allowed(next)) return this.renderFallback();
      const [before, after] = bannerText(locale, 'banner.next', { date: formatDay(next.startDate, locale) }).split('{title}');
      return html`<p part="next" class="next">
        <a class="plain" href=${next.url} target="_blank" rel="noopener noreferrer" @click=${this.#onNextClick}
          >${before}<span lang=${titleLang}>${next.title}</span>${after}${newWindow}</a
        >
      </p>`;
    }
    // A link off the allowlist (the national platform, or the host of the page's own fallback link) is never rendered.
    if (!c || !allowed(c)) return this.renderFallback();
    const phase = campaignPhase(c, this.#nowMs());
    if (phase === 'ended') {
      if (this.afterWindow !== 'link') return nothing;
      // "{title}（已结束）": the title keeps its own lang, the words around it the reader's
      const [before, after] = bannerText(locale, 'banner.ended').split('{title}');
      return html`<a part="link" class="plain" href=${c.url} target="_blank" rel="noopener noreferrer" @click=${this.#onClick}
        >${before}<span lang=${titleLang}>${c.title}</span>${after}${newWindow}</a
      >`;
    }
    const float = this.variant === 'float';
    const dates =
      c.startDate === c.endDate
        ? formatDay(c.startDate, locale)
        : bannerText(locale, 'banner.dates', { start: formatDay(c.startDate, locale), end: formatDay(c.endDate, locale) });
    return html`<div part="banner" class="banner">
      <div class="text">
        ${float ? nothing : html`<p part="label" class="label">${campaignLabel(c, locale)}</p>`}
        <p part="title" class="title" lang=${titleLang}>${renderTitle(c)}</p>
        <p part="dates" class="dates">${dates}</p>
        ${phase === 'upcoming'
          ? html`<p part="countdown" class="countdown">${bannerDaysLeft(locale, daysBetween(shanghaiDay(this.#nowMs()), c.startDate))}</p>`
          : nothing}
      </div>
      <a part="link" class="button link" href=${c.url} target="_blank" rel="noopener noreferrer" @click=${this.#onClick}
        >${bannerText(locale, phase === 'upcoming' ? 'banner.upcomingCta' : this.tone === 'mourning' ? 'banner.mourningCta' : 'banner.cta')}${newWindow}<span aria-hidden="true">↗</span></a
      >
      ${float
        ? html`<button part="close-button" class="close" type="button" aria-label=${bannerText(locale, 'banner.close')} @click=${this.#close}>
            <span aria-hidden="true">×</span>
          </button>`
        : nothing}
    </div>`;
  }

  protected override updated(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.float');
    try {
      if (box && SUPPORTS_POPOVER && !box.matches(':popover-open')) box.showPopover();
    } catch {
      // not in a state to be shown as a popover: it stays position: fixed
    }
    this.#watchImpression(box);
    this.#scheduleMidnight();
  }

  /** Reports one impression once at least half of the banner has been on screen. */
  #watchImpression(box: HTMLElement | null): void {
    const c = this.#data;
    const source = this.dataSource;
    const shown = c && this.#status === 'loaded' && !this.#hidden() && !this.hasAttribute('closed');
    const target = box ?? this;
    if (!shown || this.noBeacon || !source || embedReported(source.apiRoot, c.id, 'impression')) {
      this.#observer?.disconnect();
      this.#observer = this.#observed = undefined;
      return;
    }
    if (this.#observed === target || typeof IntersectionObserver === 'undefined') return;
    this.#observer?.disconnect();
    this.#observed = target;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting && e.intersectionRatio >= 0.499)) return;
        this.#observer?.disconnect();
        this.#observer = undefined;
        this.#report('impression');
      },
      { threshold: 0.5 },
    );
    this.#observer.observe(target);
  }

  #report(type: EmbedEventType): void {
    const c = this.#data;
    const source = this.dataSource;
    if (c && source && !this.noBeacon) reportEmbed(source.apiRoot, c.id, type);
  }

  /** Re-renders at Shanghai midnight, when the campaign may start or end (not with a fixed `now`). */
  #scheduleMidnight(): void {
    clearTimeout(this.#midnight);
    if (this.now || !this.#data || !this.isConnected) return;
    this.#midnight = setTimeout(() => this.requestUpdate(), untilShanghaiMidnight(Date.now()) + 1000);
  }

  readonly #onClick = (event: MouseEvent): void => {
    const c = this.#data;
    if (!c) return;
    if (!this.emit(new MemorialCampaignClickEvent({ campaignId: c.id, url: c.url }))) {
      event.preventDefault();
      return;
    }
    this.#report('click');
  };

  /** The quiet next line: the click event (cancelable), no click report. */
  readonly #onNextClick = (event: MouseEvent): void => {
    const c = this.#next;
    if (c && !this.emit(new MemorialCampaignClickEvent({ campaignId: c.id, url: c.url }))) event.preventDefault();
  };

  /** Escape inside the float closes it, as the close button does. */
  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.#close();
  };

  readonly #close = (): void => {
    if (this.#data) closeFloat(this.#data.id);
    this.requestUpdate();
  };
}

/** The small heading: the campaign's own label, else its kind's (never 缅怀英烈 for 国家公祭日). */
function campaignLabel(c: CalendarCampaign, locale: Locale): string {
  return c.label?.[locale] ?? CAMPAIGN_KIND_TEXT[c.kind].label[locale];
}

/** 致敬·2020清明祭英烈 with the theme word marked, when the title starts with it. */
function renderTitle(c: CalendarCampaign): unknown {
  const { title, theme } = c;
  return theme && title.startsWith(theme) ? html`<span part="theme" class="theme">${theme}</span>${title.slice(theme.length)}` : title;
}

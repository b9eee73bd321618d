import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import type { Burial, Martyr } from '../../contract/martyr.js';
import type { TextKey } from '../../i18n/catalog.js';
import type { ClassifiedError } from '../shared/errors.js';
import { MemorialElement } from '../shared/memorial-element.js';
import { MemorialTask } from '../shared/task.js';
import { martyrCardStyles } from './martyr-card.styles.js';

export type MartyrCardVariant = 'compact' | 'full';

const HEADINGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** A field worth showing: a string with something in it (never null, undefined or blank). */
const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** Grave position parts whose stored text may already carry the unit (三区, 12排, 18号). */
const GRAVE_PARTS: readonly { field: keyof Omit<Burial, 'cemetery'>; key: TextKey; units: string }[] = [
  { field: 'section', key: 'card.grave.section', units: '区區' },
  { field: 'row', key: 'card.grave.row', units: '排' },
  { field: 'number', key: 'card.grave.number', units: '号號' },
];

interface Field {
  /** Stable name, used as `data-field` (handy for host styling and tests). */
  name: string;
  label: TextKey;
  value: string;
  /** The value is record text (Chinese as the register wrote it), not a localized word. */
  recorded?: boolean;
}

/** A quiet stele: shown where there is no grave photo (or it cannot be loaded). */
const STELE = svg`<path d="M20 58V22a12 12 0 0 1 24 0v36M12 58h40M26 28h12M26 35h12M26 42h12" />`;

/**
 * Renders `martyr-id` from the API, or the record given as the `.martyr` property with no request.
 * The name is shown exactly as stored (characters outside the BMP included). Fields the record
 * lacks are left out; dates show only what is known (1949年 / 1949年10月 / 1949年10月1日).
 * Fictional sample records say so ("示例数据（人物虚构）"). A record flagged as seeking relatives
 * links to the relative search (`relative-search-href`).
 *
 * @summary A martyr's record from the roll (英名录): name, dates, 籍贯, unit, burial, grave photo and, in the full variant, the life story.
 * @tag memorial-martyr-card
 *
 * @attr martyr-id - The martyr's id.
 * @property {Martyr | undefined} martyr - A record to show as given, with no request (wins over `martyr-id`).
 * @property {Martyr | undefined} record - Read-only: the record shown, once loaded or given.
 * @attr variant - `full` (default): every field and the life story; `compact`: name, dates, period, 籍贯, unit and cemetery.
 * @attr {number} heading-level - Level of the name's heading, 1–6 (default 3); the life story's heading is one below.
 * @attr relative-search-href - Where "寻找亲属" links (default `#memorial-relative-search`); `{id}` is replaced with the martyr's id.
 * @attr api-base - API address for this element alone (else the provider's, else `<meta name="memorial-api-base">`).
 * @attr locale - `zh-Hans`, `zh-Hant` or `en` (else the provider's, else the nearest `lang`).
 * @attr elder-mode - Elder mode (适老化): larger text and targets.
 *
 * @fires {MemorialLoadEvent<Martyr>} memorial-load - The record is shown (`detail.data` is the `Martyr`).
 * @fires memorial-error - The record could not be loaded (`kind: 'not-found'` for an unknown id).
 *
 * @slot - Fallback content, shown before the script runs and whenever the record cannot be shown (loading excepted).
 * @slot actions - Tribute buttons (`<memorial-tribute-button>`) or other actions, shown under the record.
 *
 * @csspart base - The wrapper.
 * @csspart card - The `<article>` holding the record.
 * @csspart photo - The grave photo (`<img>`).
 * @csspart photo-placeholder - Shown instead when there is no photo.
 * @csspart name - The name's heading.
 * @csspart sample - The "示例数据（人物虚构）" note.
 * @csspart seeking-relatives - The "寻找亲属" box; `seeking-link` is its link.
 * @csspart seeking-link - The link to the relative search.
 * @csspart fields - The `<dl>` of fields; each row is a `<div part="field" data-field=…>`.
 * @csspart field - One row (`dt` + `dd`).
 * @csspart biography - The life story section (full variant).
 * @csspart actions - Wraps the `actions` slot.
 * @csspart skeleton - The loading placeholder.
 * @csspart status - The loading / not-found / error box.
 * @csspart status-message - Its text.
 * @csspart retry-button - Retries a failed load.
 * @csspart fallback - Wraps the fallback slot.
 *
 * @cssprop --memorial-martyr-card-min-block-size - Height reserved in every state (16em full, 6em compact).
 * @cssprop --memorial-martyr-card-padding - Space inside the card's border.
 * @cssprop --memorial-martyr-card-border-color - The card's border.
 * @cssprop --memorial-martyr-card-name-font-size - Size of the name (1.5em full, 1.25em compact).
 * @cssprop --memorial-martyr-card-photo-inline-size - Width of the photo (8em full, 4.5em compact); its height is 5:4 of it.
 * @cssprop --memorial-martyr-card-label-color - Colour of the field labels.
 * @cssprop --memorial-martyr-card-placeholder-background - Background of the photo placeholder and the loading skeleton.
 */
export class MemorialMartyrCard extends MemorialElement {
  static override styles = [MemorialElement.styles, martyrCardStyles];

  /** The martyr's id; ignored while `martyr` is set. */
  @property({ attribute: 'martyr-id' }) accessor martyrId: string | null = null;
  /** A record to show as given, with no request (e.g. from your own `client.martyrs.get()`). */
  @property({ attribute: false }) accessor martyr: Martyr | undefined = undefined;
  /** `full` (default) or `compact`. */
  @property({ reflect: true }) accessor variant: MartyrCardVariant = 'full';
  /** Heading level of the name, 1–6 (default 3). */
  @property({ type: Number, attribute: 'heading-level' }) accessor headingLevel = 3;
  /** Where "寻找亲属" links; `{id}` is replaced with the martyr's id. */
  @property({ attribute: 'relative-search-href' }) accessor relativeSearchHref = '#memorial-relative-search';

  /** A photo URL that failed to load: the placeholder is shown instead. */
  #brokenPhoto: string | undefined;

  readonly #data = new MemorialTask<readonly [string], Martyr>(this, {
    args: () => (this.martyrId ? ([this.martyrId] as const) : undefined),
    run: ([id], { client, signal }) => client.martyrs.get(id, { signal }),
    given: () => this.martyr,
  });

  /** The record shown, once loaded (or given). */
  get record(): Martyr | undefined {
    return this.#data.status === 'loaded' ? this.#data.value : undefined;
  }

  get #compact(): boolean {
    return this.variant === 'compact';
  }

  get #level(): number {
    const n = Math.round(Number(this.headingLevel));
    return Number.isFinite(n) ? Math.min(6, Math.max(1, n)) : 3;
  }

  /** `lang` for text as the register wrote it: Chinese, marked as such when the interface is English. */
  get #recordLang(): string | typeof nothing {
    return this.resolvedLocale === 'en' ? 'zh' : nothing;
  }

  protected renderContent(): unknown {
    return this.renderTask(this.#data, {
      loaded: (m) => this.#renderCard(m),
      loading: () => this.#renderSkeleton(),
      error: (error, retry) => this.#renderError(error, retry),
    });
  }

  #renderError(error: ClassifiedError, retry: () => void): unknown {
    if (error.kind === 'not-found') return html`${this.renderFallback()}${this.renderStatus('card.notFound', nothing, 'error')}`;
    return this.renderError(error, retry);
  }

  #renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" class="card skeleton">
        <div class="media" aria-hidden="true"><div class="placeholder"></div></div>
        <div class="body" aria-hidden="true">
          <span class="bar title"></span>
          <span class="bar"></span>
          <span class="bar short"></span>
          ${this.#compact ? nothing : html`<span class="bar"></span><span class="bar short"></span><span class="bar"></span>`}
        </div>
      </div>
      <p part="status" class="visually-hidden" role="status">${this.t('state.loading')}</p>`;
  }

  #renderCard(m: Martyr): TemplateResult {
    const compact = this.#compact;
    const level = this.#level;
    const fields = compact ? this.#compactFields(m) : this.#fullFields(m);
    const recordLang = this.#recordLang;
    return html`<article part="card" class="card ${compact ? 'compact' : 'full'}" aria-labelledby="name">
      ${this.#renderPhoto(m)}
      <div class="body">
        ${staticHtml`<${HEADINGS[level - 1]} part="name" class="name" id="name" lang=${recordLang}>${m.name}</${HEADINGS[level - 1]}>`}
        ${m.sample ? html`<p part="sample" class="sample muted">${this.t('card.sample')}</p>` : nothing}
        ${fields.length
          ? html`<dl part="fields" class="fields">
              ${fields.map(
                (f) => html`<div part="field" class="field" data-field=${f.name}>
                  <dt>${this.t(f.label)}</dt>
                  <dd lang=${f.recorded ? recordLang : nothing}>${f.value}</dd>
                </div>`,
              )}
            </dl>`
          : nothing}
        ${m.seekingRelatives ? this.#renderSeeking(m) : nothing}
        ${!compact && present(m.biography)
          ? html`<section part="biography" class="biography" aria-labelledby="biography-title">
              ${staticHtml`<${HEADINGS[Math.min(level, 5)]} class="biography-title" id="biography-title">${this.t('card.biography')}</${HEADINGS[Math.min(level, 5)]}>`}
              <p class="biography-text" lang=${recordLang}>${m.biography}</p>
            </section>`
          : nothing}
        <div part="actions" class="actions ${this.#hasActions() ? '' : 'empty'}" role="group" aria-label=${this.t('card.actions')}>
          <slot name="actions" @slotchange=${this.#onActionsChange}></slot>
        </div>
      </div>
    </article>`;
  }

  /** Whether anything is slotted into `actions` (read from the light DOM, so the first render is already right). */
  #hasActions(): boolean {
    return this.querySelector(':scope > [slot="actions"]') !== null;
  }

  /** Actions added or removed later: show or hide their area. */
  readonly #onActionsChange = (): void => {
    this.requestUpdate();
  };

  #renderPhoto(m: Martyr): TemplateResult {
    const url = m.photoUrl;
    if (present(url) && url !== this.#brokenPhoto) {
      return html`<div class="media">
        <img
          part="photo"
          class="photo"
          src=${url}
          alt=${this.t('card.photoAlt', { name: m.name })}
          loading="lazy"
          decoding="async"
          @error=${() => {
            this.#brokenPhoto = url;
            this.requestUpdate();
          }}
        />
      </div>`;
    }
    return html`<div class="media">
      <div part="photo-placeholder" class="placeholder">
        <svg viewBox="0 0 64 64" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
          ${STELE}
        </svg>
      </div>
    </div>`;
  }

  #renderSeeking(m: Martyr): TemplateResult {
    const href = this.relativeSearchHref.replace(/\{id\}/g, encodeURIComponent(m.id));
    const hint = !this.#compact;
    return html`<div part="seeking-relatives" class="seeking">
      <a part="seeking-link" class="seeking-link" href=${href} aria-describedby=${hint ? 'seeking-hint' : nothing}>${this.t('card.seeking')}</a>
      ${hint ? html`<span class="muted" id="seeking-hint">${this.t('card.seekingHint')}</span>` : nothing}
    </div>`;
  }

  // --- fields ------------------------------------------------------------------------------

  #date(value: string | null): string | undefined {
    return present(value) ? this.formatDate(value) : undefined;
  }

  #unitAndPost(m: Martyr): string | undefined {
    const parts = [m.unit, m.post].filter(present);
    return parts.length ? parts.join(' ') : undefined;
  }

  #grave(burial: Burial | null): string | undefined {
    if (!burial) return undefined;
    const parts: string[] = [];
    for (const { field, key, units } of GRAVE_PARTS) {
      const value = burial[field];
      if (!present(value)) continue;
      const last = [...value.trim()].pop() ?? '';
      parts.push(units.includes(last) ? value.trim() : this.t(key, { value: value.trim() }));
    }
    return parts.length ? parts.join(this.resolvedLocale === 'en' ? ', ' : ' ') : undefined;
  }

  #approval(m: Martyr): string | undefined {
    const a = m.approval;
    if (!a) return undefined;
    const parts = [a.authority, this.#date(a.date)].filter(present);
    return parts.length ? parts.join(' ') : undefined;
  }

  #lifespan(m: Martyr): string | undefined {
    if (!present(m.birthDate) && !present(m.deathDate)) return undefined;
    return `${this.formatDate(m.birthDate)} – ${this.formatDate(m.deathDate)}`;
  }

  #fullFields(m: Martyr): Field[] {
    const rows: (Field | false)[] = [
      m.sex === 'male' || m.sex === 'female' ? { name: 'sex', label: 'card.field.sex', value: this.t(m.sex === 'male' ? 'card.sex.male' : 'card.sex.female') } : false,
      present(m.aliases?.join('、')) && { name: 'aliases', label: 'card.field.aliases', value: m.aliases!.join('、'), recorded: true },
      present(m.ethnicity) && { name: 'ethnicity', label: 'card.field.ethnicity', value: m.ethnicity, recorded: true },
      present(m.nativePlace?.text) && { name: 'native-place', label: 'card.field.nativePlace', value: m.nativePlace.text, recorded: true },
      present(m.birthDate) && { name: 'birth', label: 'card.field.birth', value: this.formatDate(m.birthDate) },
      present(m.enlistmentDate) && { name: 'enlistment', label: 'card.field.enlistment', value: this.formatDate(m.enlistmentDate) },
      this.#field('unit', 'card.field.unit', this.#unitAndPost(m), true),
      present(m.deathDate) && { name: 'death', label: 'card.field.death', value: this.formatDate(m.deathDate) },
      present(m.deathPlace) && { name: 'death-place', label: 'card.field.deathPlace', value: m.deathPlace, recorded: true },
      present(m.period) && { name: 'period', label: 'card.field.period', value: this.periodName(m.period) },
      present(m.burial?.cemetery) && { name: 'cemetery', label: 'card.field.burial', value: m.burial.cemetery, recorded: true },
      this.#field('grave', 'card.field.grave', this.#grave(m.burial), true),
      this.#field('approval', 'card.field.approval', this.#approval(m), true),
    ];
    return rows.filter((r): r is Field => r !== false);
  }

  #compactFields(m: Martyr): Field[] {
    const rows: (Field | false)[] = [
      this.#field('lifespan', 'card.field.lifespan', this.#lifespan(m)),
      present(m.period) && { name: 'period', label: 'card.field.period', value: this.periodName(m.period) },
      present(m.nativePlace?.text) && { name: 'native-place', label: 'card.field.nativePlace', value: m.nativePlace.text, recorded: true },
      this.#field('unit', 'card.field.unit', this.#unitAndPost(m), true),
      present(m.burial?.cemetery) && { name: 'cemetery', label: 'card.field.burial', value: m.burial.cemetery, recorded: true },
    ];
    return rows.filter((r): r is Field => r !== false);
  }

  #field(name: string, label: TextKey, value: string | undefined, recorded = false): Field | false {
    return present(value) ? { name, label, value, recorded } : false;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import * as z from 'zod/mini';
import { HISTORY_PERIODS, MartyrSearchQuery, type MartyrSearchPage, type MartyrSummary, type MatchReason } from '../../contract/martyr.js';
import type { Region } from '../../contract/regions.js';
import { FamilySearchInput, Relationship, RelativeLeadInput, type CaseReceipt } from '../../contract/relatives.js';
import type { TextKey } from '../../i18n/catalog.js';
import { newIdempotencyKey } from '../../sdk/idempotency.js';
import type { MartyrSearch } from '../../sdk/resources/martyrs.js';
import { classifyError } from '../shared/errors.js';
import { MemorialLeadSubmitEvent, MemorialSearchEvent } from '../shared/events.js';
import { loadMoreControl } from '../shared/load-more.js';
import { MemorialElement } from '../shared/memorial-element.js';
import { MemorialTask } from '../shared/task.js';
import { LiveAnnouncer } from '../shared/controllers/live-announcer.js';
import { relativeSearchStyles } from './relative-search.styles.js';

/** Which screen the element shows. */
export type RelativeSearchView = 'search' | 'lead' | 'family' | 'success';

/** The search form's fields. */
export interface RelativeSearchCriteria {
  name: string;
  province: string;
  city: string;
  county: string;
  period: string;
  deathYearFrom: string;
  deathYearTo: string;
  unit: string;
  seekingOnly: boolean;
}

/** What the lead and family-search forms hold while being filled in (never sent anywhere but the API). */
export interface RelativeSearchDraft {
  claimantName: string;
  relationship: string;
  mobile: string;
  idNumberConsent: boolean;
  idNumber: string;
  knowledge: string;
  consent: boolean;
  // family search only
  martyrName: string;
  nativePlace: string;
  period: string;
  deathDate: string;
  unit: string;
}

type SearchField = 'name' | 'deathYearFrom' | 'deathYearTo' | 'unit';
type DraftField = Exclude<keyof RelativeSearchDraft, never>;
type Errors<F extends string> = Partial<Record<F, TextKey>>;
type RegionList = Region[] | 'loading' | 'failed';
type FormStatus = { kind: 'error'; message: string } | undefined;

const LEAD_FIELDS: readonly DraftField[] = ['claimantName', 'relationship', 'mobile', 'idNumberConsent', 'idNumber', 'knowledge', 'consent'];
const FAMILY_FIELDS: readonly DraftField[] = [
  'martyrName', 'nativePlace', 'period', 'deathDate', 'unit', 'knowledge',
  'claimantName', 'relationship', 'mobile', 'idNumberConsent', 'idNumber', 'consent',
];
const SEARCH_FIELDS: readonly SearchField[] = ['name', 'deathYearFrom', 'deathYearTo', 'unit'];
const DEFAULT_PAGE_SIZE = 10;

const emptyCriteria = (): RelativeSearchCriteria => ({
  name: '', province: '', city: '', county: '', period: '', deathYearFrom: '', deathYearTo: '', unit: '', seekingOnly: false,
});
const emptyDraft = (): RelativeSearchDraft => ({
  claimantName: '', relationship: '', mobile: '', idNumberConsent: false, idNumber: '', knowledge: '', consent: false,
  martyrName: '', nativePlace: '', period: '', deathDate: '', unit: '',
});

/** The field-level message for an issue the contract schema raised on `field`. */
function draftErrorKey(field: DraftField, family: boolean): TextKey {
  if (field === 'unit') return family ? 'search.error.familyUnit' : 'search.error.unit';
  return `search.error.${field}` as TextKey;
}

/**
 * `<memorial-relative-search>` — 为烈士找亲人，为亲人找烈士: searches the roll forgivingly (homophones,
 * simplified/traditional, pinyin) with each result's match reason in words, lets a reader say
 * "I may be family / I have a clue" about a result (the lead form), and lets a family register a
 * search for a martyr they could not find. Both forms are checked with the contract's own schemas
 * before anything is sent; the personal data goes to the API only and never into an event.
 *
 * @summary The two-way relative search: forgiving name search, the lead form and the family-search form.
 * @tag memorial-relative-search
 *
 * @attr q - A name to search for at once (e.g. from a link `?q=张志明`).
 * @attr {number} page-size - Results per page (1–100, default 10); "load more" fetches the next page.
 * @attr {number} heading-level - The ARIA level of the heading (1–6, default 2); sub-headings are one below.
 * @attr api-base - API address for this element alone; default the provider's, then `<meta name="memorial-api-base">`.
 * @attr locale - `zh-Hans`, `zh-Hant` or `en` (any BCP 47 tag is mapped); default the provider's, then the nearest `lang`.
 * @attr elder-mode - Elder mode (适老化): text ≥ 18px, targets ≥ 60px.
 *
 * @fires memorial-search - A search's first page is shown (`detail.query` holds the filters, `detail.resultCount` the hits).
 * @fires memorial-lead-submit - A lead or family search was registered (`detail.type`, `detail.receipt.reference`); never the personal data.
 * @fires {MemorialLoadEvent<MartyrSearchPage>} memorial-load - Search results are shown (`detail.empty` when nothing matched).
 * @fires memorial-error - A search, a page, the places list or a submission failed.
 *
 * @slot - Fallback: shown before the element is defined and when the search cannot reach the API.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The element's heading, and each form's heading.
 * @csspart search-form - The search form (`role="search"`).
 * @csspart field - One field: its label, control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A text field (`<input>` or `<textarea>`).
 * @csspart select - A drop-down (period, province, city, county, relationship).
 * @csspart hint - A field's hint, or why the places list could not be loaded.
 * @csspart field-error - A field's validation message, or why "load more" failed.
 * @csspart submit-button - Searches, or sends a form.
 * @csspart results - The results area.
 * @csspart results-heading - The heading above the results (the number of hits).
 * @csspart result - One result (`<li>`).
 * @csspart result-name - A result's name.
 * @csspart result-meta - A result's details (`<dl>`).
 * @csspart match-reason - Why a result matched (same pronunciation, traditional form…).
 * @csspart badge - A result's "寻找亲属" or sample-data badge.
 * @csspart claim-button - "我可能是亲属 / 我有线索": opens the lead form for a result.
 * @csspart load-more-button - Fetches the next page of results.
 * @csspart empty - The no-results panel, with the offer to register a family search.
 * @csspart register-button - Opens the family-search form.
 * @csspart lead-form - The lead form (a claim or clue about a result).
 * @csspart family-form - The family-search form.
 * @csspart purpose - The purpose and retention statement above the consent.
 * @csspart consent - A consent checkbox and its label.
 * @csspart form-status - Why sending failed.
 * @csspart back-button - Back to the search.
 * @csspart success - The confirmation once a lead or family search is registered.
 * @csspart reference - The reference number to quote.
 * @csspart status - The loading / error box.
 * @csspart status-message - The text of the status box and of the no-results panel.
 * @csspart retry-button - Tries a failed search again.
 * @csspart fallback - Wraps the default slot.
 *
 * @cssprop --memorial-relative-search-min-block-size - Height reserved before the element renders (default 24em).
 * @cssprop --memorial-relative-search-gap - Space between sections.
 * @cssprop --memorial-relative-search-field-border-color - Border of the fields (≥ 3:1 against the surface).
 * @cssprop --memorial-relative-search-panel-background - Background of the purpose statement, empty state and success notice.
 */
export class MemorialRelativeSearch extends MemorialElement {
  static override styles = [MemorialElement.styles, relativeSearchStyles];

  /** A name to search for at once. */
  @property() accessor q: string | null = null;
  /** Results per page, 1–100 (default 10). */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = DEFAULT_PAGE_SIZE;
  /** The ARIA level of the heading (1–6, default 2). */
  @property({ type: Number, attribute: 'heading-level' }) accessor headingLevel = 2;

  @state() private accessor _view: RelativeSearchView = 'search';
  @state() private accessor _criteria: RelativeSearchCriteria = emptyCriteria();
  @state() private accessor _searchErrors: Errors<SearchField> = {};
  @state() private accessor _query: MartyrSearch | undefined = undefined;
  @state() private accessor _more: MartyrSummary[] = [];
  @state() private accessor _cursor: string | null = null;
  @state() private accessor _loadingMore = false;
  @state() private accessor _moreFailed = false;
  @state() private accessor _provinces: RegionList | undefined = undefined;
  @state() private accessor _cities: RegionList | undefined = undefined;
  @state() private accessor _counties: RegionList | undefined = undefined;
  @state() private accessor _leadFor: MartyrSummary | undefined = undefined;
  @state() private accessor _draft: RelativeSearchDraft = emptyDraft();
  @state() private accessor _errors: Errors<DraftField> = {};
  @state() private accessor _sending = false;
  @state() private accessor _formStatus: FormStatus = undefined;
  @state() private accessor _receipt: CaseReceipt | undefined = undefined;
  readonly #announcer = new LiveAnnouncer(this);

  #base: MartyrSearchPage | undefined;
  #draftKey: string | undefined;
  #focusAfterRender: string | undefined;
  #focusResults = false;
  #returnFocus: string | undefined;
  #regionClient: unknown;

  readonly #results = new MemorialTask(this, {
    args: () => (this._query ? ([this._query] as const) : undefined),
    run: ([query], { client, signal }) => client.martyrs.search(query, { signal }).firstPage(),
    isEmpty: (page) => page.items.length === 0,
  });

  get #limit(): number {
    const n = Math.trunc(Number(this.pageSize));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : DEFAULT_PAGE_SIZE;
  }

  // --- public API ---------------------------------------------------------------------------
  /** The screen on show. */
  get view(): RelativeSearchView {
    return this._view;
  }

  /** The results shown so far (every page loaded). */
  get results(): readonly MartyrSummary[] {
    const page = this.#results.value;
    if (!page) return [];
    return page === this.#base ? [...page.items, ...this._more] : page.items;
  }

  /** The search form's values (a copy). */
  get criteria(): RelativeSearchCriteria {
    return { ...this._criteria };
  }
  set criteria(value: Partial<RelativeSearchCriteria>) {
    this._criteria = { ...this._criteria, ...value };
  }

  /** The lead / family-search form's values (a copy). Setting merges into the draft. */
  get draft(): RelativeSearchDraft {
    return { ...this._draft };
  }
  set draft(value: Partial<RelativeSearchDraft>) {
    this._draft = { ...this._draft, ...value };
    this.#draftKey = undefined;
  }

  /** The last reference number received, if any. */
  get receipt(): CaseReceipt | undefined {
    return this._receipt;
  }

  /** Runs a search with the current criteria (like pressing the search button). Returns false when the criteria were refused. */
  search(): boolean {
    const { query, errors } = this.#validateSearch();
    this._searchErrors = errors;
    if (!query) {
      this.#reportInvalid(SEARCH_FIELDS, errors, `#${SEARCH_FIELDS.find((f) => errors[f])}`);
      return false;
    }
    this._query = query;
    this.#focusResults = true;
    this._view = 'search';
    this.#announcer.say(this.t('search.searching'));
    return true;
  }

  /** Opens the lead form ("I may be family / I have a clue") about a martyr. */
  openLeadForm(martyr: MartyrSummary): void {
    this._leadFor = martyr;
    this.#openForm('lead');
    this.#returnFocus = `#claim-${martyr.id}`;
  }

  /** Opens the family-search form, with the searched name and period filled in. */
  openFamilySearch(): void {
    this._leadFor = undefined;
    this.#openForm('family');
    this._draft = { ...this._draft, martyrName: this._draft.martyrName || this._criteria.name.trim(), period: this._draft.period || this._criteria.period };
    this.#returnFocus = '#register-button';
  }

  /** Back to the search form and its results. */
  backToSearch(): void {
    this._view = 'search';
    this._formStatus = undefined;
    this._errors = {};
    this.#focusAfterRender = this.#returnFocus && this.#results.status !== 'idle' ? this.#returnFocus : '#name';
  }

  /** Checks the open form like a submit would (messages shown, first invalid field focused). */
  reportValidity(): boolean {
    if (this._view === 'search') {
      const { query, errors } = this.#validateSearch();
      this._searchErrors = errors;
      if (!query) this.#reportInvalid(SEARCH_FIELDS, errors, `#${SEARCH_FIELDS.find((f) => errors[f])}`);
      return query !== undefined;
    }
    const { input, errors } = this.#validateDraft();
    this._errors = errors;
    if (!input) this.#reportDraftInvalid(errors);
    return input !== undefined;
  }

  // --- lifecycle ----------------------------------------------------------------------------
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('q') && this.q) {
      this._criteria = { ...this._criteria, name: this.q };
      this._query = { q: this.q, limit: this.#limit };
    }
    const page = this.#results.value;
    if (page && page !== this.#base) {
      this.#base = page;
      this._more = [];
      this._cursor = page.nextCursor;
      this._moreFailed = false;
      const query = this._query ?? {};
      this.emit(
        new MemorialSearchEvent({
          mode: 'martyr',
          query: Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'limit' && k !== 'cursor')) as Record<string, string | number | boolean | undefined>,
          resultCount: page.items.length,
        }),
      );
      this.#announcer.say(page.items.length === 0 ? this.t('search.empty') : this.plural('search.resultCount', page.items.length));
    }
    if (this.#focusResults && (this.#results.status === 'loaded' || this.#results.status === 'empty' || this.#results.status === 'error')) {
      this.#focusResults = false;
      this.#focusAfterRender = this.#results.status === 'error' ? '#name' : '#results-heading';
      if (this.#results.status === 'error') this.#announcer.say(this.t(this.#results.error?.messageKey ?? 'search.failed'));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const client = this.client;
    if (this._view !== 'success' && client && this.#regionClient !== client) {
      this.#regionClient = client;
      void this.#loadRegions(undefined);
    }
    const target = this.#focusAfterRender;
    if (target) {
      this.#focusAfterRender = undefined;
      (this.renderRoot.querySelector(target) as HTMLElement | null)?.focus();
    }
  }

  // --- regions ------------------------------------------------------------------------------
  async #loadRegions(parent: string | undefined, level: 'province' | 'city' | 'county' = 'province'): Promise<void> {
    const client = this.client;
    if (!client) return;
    const set = (v: RegionList | undefined) => {
      if (level === 'province') this._provinces = v;
      else if (level === 'city') this._cities = v;
      else this._counties = v;
    };
    set('loading');
    try {
      const items = await client.regions.list(parent);
      // a newer choice may have replaced this level meanwhile
      const now = level === 'province' ? undefined : level === 'city' ? this._criteria.province : this._criteria.city;
      if (now === parent) set(items);
    } catch (error) {
      set('failed');
      this.emitError(classifyError(error), 'action');
    }
  }

  #onRegion(level: 'province' | 'city' | 'county', e: Event): void {
    const code = (e.target as HTMLSelectElement).value;
    const list = level === 'province' ? this._provinces : level === 'city' ? this._cities : this._counties;
    const region = Array.isArray(list) ? list.find((r) => r.code === code) : undefined;
    if (level === 'province') {
      this._criteria = { ...this._criteria, province: code, city: '', county: '' };
      this._cities = undefined;
      this._counties = undefined;
      if (region?.hasChildren) void this.#loadRegions(code, 'city');
    } else if (level === 'city') {
      this._criteria = { ...this._criteria, city: code, county: '' };
      this._counties = undefined;
      if (region?.hasChildren) void this.#loadRegions(code, 'county');
    } else {
      this._criteria = { ...this._criteria, county: code };
    }
  }

  // --- validation ---------------------------------------------------------------------------
  #validateSearch(): { query: MartyrSearch | undefined; errors: Errors<SearchField> } {
    const c = this._criteria;
    const errors: Errors<SearchField> = {};
    const query: Record<string, string | number> = { limit: this.#limit };
    const name = c.name.trim();
    if (name) query['q'] = name;
    const code = c.county || c.city || c.province;
    if (code) query['nativePlaceCode'] = code;
    if (c.period) query['period'] = c.period;
    for (const f of ['deathYearFrom', 'deathYearTo'] as const) {
      const v = c[f].trim();
      if (!v) continue;
      if (!/^\d{4}$/.test(v)) errors[f] = 'search.error.year';
      else query[f] = Number(v);
    }
    if (!errors.deathYearFrom && !errors.deathYearTo && typeof query['deathYearFrom'] === 'number' && typeof query['deathYearTo'] === 'number' && query['deathYearFrom'] > query['deathYearTo']) {
      errors.deathYearTo = 'search.error.yearOrder';
    }
    const unit = c.unit.trim();
    if (unit) query['unit'] = unit;
    if (c.seekingOnly) query['seekingRelatives'] = 'true';
    const result = z.safeParse(MartyrSearchQuery, query);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = issue.path[0];
        if (key === 'q' && !errors.name) errors.name = 'search.error.name';
        else if (key === 'unit' && !errors.unit) errors.unit = 'search.error.unit';
        else if ((key === 'deathYearFrom' || key === 'deathYearTo') && !errors[key]) errors[key] = 'search.error.year';
      }
      if (Object.keys(errors).length === 0) errors.name = 'search.error.name';
    }
    return Object.keys(errors).length ? { query: undefined, errors } : { query: query as MartyrSearch, errors };
  }

  /** The lead or family search as it would be sent, checked by the contract's own schema. */
  #validateDraft(): { input: RelativeLeadInput | FamilySearchInput | undefined; errors: Errors<DraftField> } {
    const d = this._draft;
    const family = this._view === 'family';
    const opt = (s: string) => (s.trim() ? s.trim() : null);
    const contact = {
      claimantName: d.claimantName.trim(),
      relationship: d.relationship as Relationship,
      mobile: d.mobile.replace(/[\s-]/g, ''),
      ...(d.idNumberConsent && d.idNumber.trim() ? { idNumber: d.idNumber.trim().toUpperCase(), idNumberConsent: true } : {}),
      knowledge: d.knowledge,
      consent: d.consent as true,
    };
    const candidate: RelativeLeadInput | FamilySearchInput = family
      ? { ...contact, martyrName: d.martyrName.trim(), nativePlace: opt(d.nativePlace), period: opt(d.period), deathDate: opt(d.deathDate), unit: opt(d.unit) }
      : { ...contact, martyrId: this._leadFor?.id ?? '' };
    const result = family ? z.safeParse(FamilySearchInput, candidate) : z.safeParse(RelativeLeadInput, candidate);
    if (result.success) return { input: candidate, errors: {} };
    const fields = family ? FAMILY_FIELDS : LEAD_FIELDS;
    const errors: Errors<DraftField> = {};
    for (const issue of result.error.issues) {
      const field = issue.path[0] as DraftField | undefined;
      if (field && fields.includes(field) && !errors[field]) errors[field] = draftErrorKey(field, family);
    }
    if (Object.keys(errors).length === 0) this.#formError(this.t('search.error.submit'));
    return { input: undefined, errors };
  }

  #reportInvalid<F extends string>(order: readonly F[], errors: Errors<F>, target: string): void {
    const problems = order.filter((f) => errors[f]);
    const first = problems[0];
    if (!first) return;
    this.#announcer.say(`${this.plural('search.error.summary', problems.length)} ${this.t(errors[first] as TextKey)}`);
    this.#focusAfterRender = target;
    this.requestUpdate();
  }

  #reportDraftInvalid(errors: Errors<DraftField>): void {
    const order = this._view === 'family' ? FAMILY_FIELDS : LEAD_FIELDS;
    const first = order.find((f) => errors[f]);
    this.#reportInvalid(order, errors, `#f-${first}`);
  }

  // --- events -------------------------------------------------------------------------------
  #onSearchInput(field: keyof RelativeSearchCriteria, e: Event): void {
    const target = e.target as HTMLInputElement;
    this._criteria = { ...this._criteria, [field]: target.type === 'checkbox' ? target.checked : target.value };
    if (field in this._searchErrors) {
      const { errors } = this.#validateSearch();
      this._searchErrors = { ...this._searchErrors, [field]: errors[field as SearchField] };
    }
  }

  #onSearchSubmit(e: SubmitEvent): void {
    e.preventDefault();
    this.search();
  }

  #onDraftInput(field: DraftField, e: Event): void {
    const target = e.target as HTMLInputElement;
    const value = target.type === 'checkbox' ? target.checked : target.value;
    this._draft = { ...this._draft, [field]: value };
    this.#draftKey = undefined;
    if (this._formStatus) this._formStatus = undefined;
    if (field === 'idNumberConsent' && value === true) this.#focusAfterRender = '#f-idNumber';
    if (this._errors[field] || (field === 'idNumberConsent' && this._errors.idNumber)) {
      const { errors } = this.#validateDraft();
      this._errors = { ...this._errors, [field]: errors[field], ...(field === 'idNumberConsent' ? { idNumber: errors.idNumber } : {}) };
    }
  }

  #openForm(view: 'lead' | 'family'): void {
    this._view = view;
    this._errors = {};
    this._formStatus = undefined;
    this._receipt = undefined;
    this.#draftKey = undefined;
    this.#focusAfterRender = '#form-heading';
  }

  async #onDraftSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._sending) return;
    const { input, errors } = this.#validateDraft();
    this._errors = errors;
    if (!input) {
      this.#reportDraftInvalid(errors);
      return;
    }
    const client = this.client;
    if (!client) {
      this.#formError(this.t('state.notConfigured'));
      return;
    }
    const family = this._view === 'family';
    this._sending = true;
    this._formStatus = undefined;
    this.#draftKey ??= newIdempotencyKey();
    try {
      const receipt = family
        ? await client.relatives.registerFamilySearch(input as FamilySearchInput, { idempotencyKey: this.#draftKey })
        : await client.relatives.submitLead(input as RelativeLeadInput, { idempotencyKey: this.#draftKey });
      this._receipt = receipt;
      this._draft = emptyDraft();
      this.#draftKey = undefined;
      this._errors = {};
      this._view = 'success';
      this.#announcer.say(this.t('search.success', { reference: receipt.reference }));
      this.#focusAfterRender = '#success';
      this.emit(new MemorialLeadSubmitEvent({ type: family ? 'family-search' : 'lead', receipt }));
    } catch (error) {
      this.#submitFailed(error);
    } finally {
      this._sending = false;
    }
  }

  #submitFailed(error: unknown): void {
    const classified = classifyError(error);
    this.emitError(classified, 'action');
    const details = (typeof error === 'object' && error !== null ? error : {}) as { issues?: unknown };
    if (classified.status === 400 && Array.isArray(details.issues)) {
      const family = this._view === 'family';
      const fields = family ? FAMILY_FIELDS : LEAD_FIELDS;
      const errors: Errors<DraftField> = {};
      for (const issue of details.issues as { path?: unknown }[]) {
        const field = (typeof issue.path === 'string' ? issue.path.split('.')[0] : Array.isArray(issue.path) ? String(issue.path[0]) : undefined) as DraftField | undefined;
        if (field && fields.includes(field) && !errors[field]) errors[field] = draftErrorKey(field, family);
      }
      if (Object.keys(errors).length) {
        this._errors = errors;
        this.#reportDraftInvalid(errors);
        return;
      }
    }
    this.#formError(classified.kind === 'network' || classified.kind === 'timeout' ? this.t('search.error.network') : this.t('search.error.submit'));
  }

  #formError(message: string): void {
    this._formStatus = { kind: 'error', message };
    this.#announcer.say(message);
    this.#focusAfterRender = '#form-status';
  }

  async #loadMore(): Promise<void> {
    const cursor = this._cursor;
    const base = this.#base;
    const query = this._query;
    const client = this.client;
    if (this._loadingMore || !cursor || !base || !query || !client) return;
    this._loadingMore = true;
    this._moreFailed = false;
    try {
      const page = await client.martyrs.search({ ...query, cursor }).firstPage();
      if (base !== this.#base) return;
      const shown = new Set(this.results.map((m) => m.id));
      const fresh = page.items.filter((m) => !shown.has(m.id));
      this._more = [...this._more, ...fresh];
      this._cursor = page.nextCursor;
      const count = this.plural('search.resultCount', this.results.length);
      this.#announcer.say(page.nextCursor === null ? `${count} ${this.t('search.allLoaded')}` : count);
      if (fresh[0]) this.#focusAfterRender = `#r-${fresh[0].id}`;
    } catch (error) {
      if (base !== this.#base) return;
      this._moreFailed = true;
      this.emitError(classifyError(error), 'action');
      this.#announcer.say(this.t('search.loadMoreFailed'));
    } finally {
      this._loadingMore = false;
    }
  }


  #level(offset: number): string {
    const n = Math.trunc(Number(this.headingLevel));
    const level = Number.isFinite(n) ? Math.min(Math.max(n, 1), 6) : 2;
    return String(Math.min(level + offset, 6));
  }

  // --- rendering ----------------------------------------------------------------------------
  protected renderContent(): unknown {
    let body: unknown;
    switch (this._view) {
      case 'lead':
      case 'family':
        body = this.#renderDraftForm();
        break;
      case 'success':
        body = this.#renderSuccess();
        break;
      default:
        body = html`<p class="muted">${this.t('search.intro')}</p>
          ${this.#renderSearchForm()}
          ${this.renderTask(this.#results, {
            idle: () => nothing,
            loaded: (page) => this.#renderResults(page),
            empty: () => this.#renderEmpty(),
          })}`;
    }
    return html`<section class="wrap" aria-labelledby="heading">
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${this.#level(0)}>${this.t('search.heading')}</div>
      ${body}
      ${this.#announcer.region()}
    </section>`;
  }

  #describedBy(...ids: (string | false | undefined)[]): string | typeof nothing {
    const list = ids.filter((id): id is string => Boolean(id));
    return list.length ? list.join(' ') : nothing;
  }

  #renderSearchForm(): TemplateResult {
    const c = this._criteria;
    const e = this._searchErrors;
    const busy = this.#results.status === 'loading';
    const textField = (field: SearchField, labelKey: TextKey, opts: { hint?: TextKey; numeric?: boolean } = {}) => html`<div part="field" class="field">
      <label part="label" for=${field}>${this.t(labelKey)}</label>
      <input
        part="input"
        id=${field}
        name=${field}
        type="text"
        inputmode=${opts.numeric ? 'numeric' : nothing}
        maxlength=${opts.numeric ? '4' : nothing}
        .value=${live(c[field])}
        aria-invalid=${e[field] ? 'true' : 'false'}
        aria-describedby=${this.#describedBy(opts.hint && `${field}-hint`, e[field] && `${field}-error`)}
        @input=${(ev: Event) => this.#onSearchInput(field, ev)}
      />
      ${opts.hint ? html`<p part="hint" class="muted" id="${field}-hint">${this.t(opts.hint)}</p>` : nothing}
      ${e[field] ? html`<p part="field-error" class="field-error" id="${field}-error">${this.t(e[field])}</p>` : nothing}
    </div>`;
    return html`<form part="search-form" novalidate role="search" aria-label=${this.t('search.formLabel')} aria-busy=${busy ? 'true' : 'false'} @submit=${this.#onSearchSubmit}>
      ${textField('name', 'search.name', { hint: 'search.nameHint' })}
      <fieldset>
        <legend>${this.t('search.nativePlace')}</legend>
        <div class="row">
          ${this.#renderRegionSelect('province', this._provinces, c.province, 'search.province')}
          ${this._cities ? this.#renderRegionSelect('city', this._cities, c.city, 'search.city') : nothing}
          ${this._counties ? this.#renderRegionSelect('county', this._counties, c.county, 'search.county') : nothing}
        </div>
        ${this._provinces === 'failed' || this._cities === 'failed' || this._counties === 'failed'
          ? html`<p part="hint" class="muted" id="regions-failed">${this.t('search.regionsFailed')}</p>`
          : nothing}
      </fieldset>
      <div part="field" class="field">
        <label part="label" for="period">${this.t('search.period')}</label>
        <select part="select" id="period" name="period" .value=${live(c.period)} @change=${(ev: Event) => this.#onSearchInput('period', ev)}>
          ${this.#periodOptions(c.period)}
        </select>
      </div>
      <fieldset>
        <legend>${this.t('search.deathYears')}</legend>
        <div class="row">
          ${textField('deathYearFrom', 'search.deathYearFrom', { numeric: true })}
          ${textField('deathYearTo', 'search.deathYearTo', { numeric: true })}
        </div>
      </fieldset>
      ${textField('unit', 'search.unit')}
      <div class="check">
        <input id="seekingOnly" name="seekingOnly" type="checkbox" .checked=${live(c.seekingOnly)} @change=${(ev: Event) => this.#onSearchInput('seekingOnly', ev)} />
        <label for="seekingOnly">${this.t('search.seekingOnly')}</label>
      </div>
      <div class="actions">
        <button part="submit-button" class="button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${busy ? this.t('search.searching') : this.t('search.submit')}
        </button>
      </div>
    </form>`;
  }

  #periodOptions(selected: string): TemplateResult {
    return html`<option value="" ?selected=${selected === ''}>${this.t('search.any')}</option>
      ${HISTORY_PERIODS.map((p) => html`<option value=${p} ?selected=${selected === p}>${this.periodName(p)}</option>`)}`;
  }

  #renderRegionSelect(level: 'province' | 'city' | 'county', list: RegionList | undefined, value: string, labelKey: TextKey): TemplateResult {
    const loading = list === 'loading' || list === undefined;
    const items = Array.isArray(list) ? list : [];
    return html`<div part="field" class="field">
      <label part="label" for=${level}>${this.t(labelKey)}</label>
      <select
        part="select"
        id=${level}
        name=${level}
        aria-busy=${loading ? 'true' : 'false'}
        .value=${live(value)}
        @change=${(ev: Event) => this.#onRegion(level, ev)}
      >
        <option value="" ?selected=${value === ''}>${loading ? this.t('search.regionsLoading') : this.t('search.any')}</option>
        ${items.map((r) => html`<option value=${r.code} ?selected=${r.code === value}>${r.name}</option>`)}
      </select>
    </div>`;
  }

  #renderResults(page: MartyrSearchPage): TemplateResult {
    const items = page === this.#base ? [...page.items, ...this._more] : page.items;
    return html`<div part="results" class="results">
      <div part="results-heading" class="subheading" id="results-heading" role="heading" aria-level=${this.#level(1)} tabindex="-1">
        ${this.t('search.resultsHeading')}
      </div>
      <p class="muted">${this.plural('search.resultCount', items.length)}</p>
      <ol class="list">
        ${items.map((m) => this.#renderResult(m))}
      </ol>
      ${this._cursor === null
        ? this._more.length ? html`<p class="muted">${this.t('search.allLoaded')}</p>` : nothing
        : html`<div class="actions">
            ${loadMoreControl({
              loading: this._loadingMore,
              failed: this._moreFailed,
              errorId: 'more-error',
              label: this.t('search.loadMore'),
              loadingLabel: this.t('state.loading'),
              failedLabel: this.t('search.loadMoreFailed'),
              onLoad: () => void this.#loadMore(),
            })}
          </div>`}
    </div>`;
  }

  #renderResult(m: MartyrSummary): TemplateResult {
    const key = `r-${m.id}`;
    const reason: MatchReason | undefined = m.match?.reason;
    const lifespan = m.birthDate || m.deathDate ? `${this.formatDate(m.birthDate)}—${this.formatDate(m.deathDate)}` : undefined;
    const rows: [TextKey, string | null | undefined][] = [
      ['card.field.lifespan', lifespan],
      ['card.field.period', m.period ? this.periodName(m.period) : undefined],
      ['card.field.nativePlace', m.nativePlace?.text],
      ['card.field.unit', m.unit],
      ['card.field.burial', m.cemetery],
    ];
    return html`<li part="result" class="result" id=${key} data-id=${m.id} tabindex="-1" aria-labelledby="${key}-name">
      <div part="result-name" class="result-name" id="${key}-name" role="heading" aria-level=${this.#level(2)}>${m.name}</div>
      ${reason ? html`<p part="match-reason" class="match-reason" id="${key}-reason">${this.t('search.matchReason', { reason: this.t(`search.reason.${reason}`, { detail: m.match?.detail ?? '' }) + (m.match?.alias ? this.t('search.viaAlias', { alias: m.match.alias }) : '') })}</p>` : nothing}
      ${m.sample || m.seekingRelatives
        ? html`<p class="badges">
            ${m.seekingRelatives ? html`<span part="badge" class="badge">${this.t('card.seeking')}</span>` : nothing}
            ${m.sample ? html`<span part="badge" class="badge">${this.t('label.sample')}</span>` : nothing}
          </p>`
        : nothing}
      <dl part="result-meta" class="result-meta">
        ${rows.filter(([, v]) => v).map(([k, v]) => html`<dt>${this.t(k)}</dt><dd>${v}</dd>`)}
      </dl>
      <div class="actions">
        <button part="claim-button" class="button" type="button" id="claim-${m.id}" aria-describedby="${key}-name" @click=${() => this.openLeadForm(m)}>
          ${this.t('search.claim')}
        </button>
      </div>
    </li>`;
  }

  #renderEmpty(): TemplateResult {
    return html`<div part="results" class="results">
      <div part="results-heading" class="subheading" id="results-heading" role="heading" aria-level=${this.#level(1)} tabindex="-1">
        ${this.t('search.resultsHeading')}
      </div>
      <div part="empty" class="panel">
        <p part="status-message">${this.t('search.empty')}</p>
        <p id="empty-hint">${this.t('search.emptyHint')}</p>
        <div class="actions">
          <button part="register-button" class="button" type="button" id="register-button" aria-describedby="empty-hint" @click=${() => this.openFamilySearch()}>
            ${this.t('search.registerFamily')}
          </button>
        </div>
      </div>
    </div>`;
  }

  #renderDraftForm(): TemplateResult {
    const family = this._view === 'family';
    const d = this._draft;
    const e = this._errors;
    const field = (name: DraftField, labelKey: TextKey, opts: { hint?: TextKey; textarea?: boolean; autocomplete?: string; inputmode?: string; type?: string } = {}) => {
      const id = `f-${name}`;
      const attrs = {
        invalid: e[name] ? 'true' : 'false',
        describedBy: this.#describedBy(opts.hint && `${id}-hint`, e[name] && `${id}-error`),
      };
      const value = String(d[name]);
      return html`<div part="field" class="field">
        <label part="label" for=${id}>${this.t(labelKey)}</label>
        ${opts.textarea
          ? html`<textarea part="input" id=${id} name=${name} rows="4" .value=${live(value)} ?readonly=${this._sending} aria-invalid=${attrs.invalid} aria-describedby=${attrs.describedBy} @input=${(ev: Event) => this.#onDraftInput(name, ev)}></textarea>`
          : html`<input
              part="input"
              id=${id}
              name=${name}
              type=${opts.type ?? 'text'}
              autocomplete=${opts.autocomplete ?? nothing}
              inputmode=${opts.inputmode ?? nothing}
              .value=${live(value)}
              ?readonly=${this._sending}
              aria-invalid=${attrs.invalid}
              aria-describedby=${attrs.describedBy}
              @input=${(ev: Event) => this.#onDraftInput(name, ev)}
            />`}
        ${opts.hint ? html`<p part="hint" class="muted" id="${id}-hint">${this.t(opts.hint)}</p>` : nothing}
        ${e[name] ? html`<p part="field-error" class="field-error" id="${id}-error">${this.t(e[name])}</p>` : nothing}
      </div>`;
    };
    const check = (name: 'idNumberConsent' | 'consent', labelKey: TextKey, describedBy?: string) => {
      const id = `f-${name}`;
      return html`<div class="field">
        <div class="check" part="consent">
          <input
            id=${id}
            name=${name}
            type="checkbox"
            .checked=${live(Boolean(d[name]))}
            ?disabled=${this._sending}
            aria-invalid=${e[name] ? 'true' : 'false'}
            aria-describedby=${this.#describedBy(describedBy, e[name] && `${id}-error`)}
            @change=${(ev: Event) => this.#onDraftInput(name, ev)}
          />
          <label for=${id}>${this.t(labelKey)}</label>
        </div>
        ${e[name] ? html`<p part="field-error" class="field-error" id="${id}-error">${this.t(e[name])}</p>` : nothing}
      </div>`;
    };
    const relationship = html`<div part="field" class="field">
      <label part="label" for="f-relationship">${this.t('search.relationship')}</label>
      <select
        part="select"
        id="f-relationship"
        name="relationship"
        .value=${live(d.relationship)}
        aria-invalid=${e.relationship ? 'true' : 'false'}
        aria-describedby=${this.#describedBy(e.relationship && 'f-relationship-error')}
        @change=${(ev: Event) => this.#onDraftInput('relationship', ev)}
      >
        <option value="" ?selected=${d.relationship === ''}>${this.t('search.choose')}</option>
        ${Relationship.options.map((r) => html`<option value=${r} ?selected=${d.relationship === r}>${this.t(`search.relationship.${r}`)}</option>`)}
      </select>
      ${e.relationship ? html`<p part="field-error" class="field-error" id="f-relationship-error">${this.t(e.relationship)}</p>` : nothing}
    </div>`;
    const contact = html`${field('claimantName', 'search.claimantName', { autocomplete: 'name' })} ${relationship}
      ${field('mobile', 'search.mobile', { hint: 'search.mobileHint', autocomplete: 'tel-national', inputmode: 'tel', type: 'tel' })}
      ${check('idNumberConsent', 'search.idConsent')}
      ${d.idNumberConsent ? field('idNumber', 'search.idNumber', { hint: 'search.idHint', autocomplete: 'off' }) : nothing}`;
    const knowledge = field('knowledge', 'search.knowledge', { hint: 'search.knowledgeHint', textarea: true });
    const headingText = family ? this.t('search.family.heading') : this.t('search.lead.heading', { name: this._leadFor?.name ?? '' });
    const status = this._formStatus;
    return html`<form
      part=${family ? 'family-form' : 'lead-form'}
      novalidate
      aria-labelledby="form-heading"
      aria-busy=${this._sending ? 'true' : 'false'}
      @submit=${(ev: SubmitEvent) => void this.#onDraftSubmit(ev)}
      @keydown=${(ev: KeyboardEvent) => {
        if (ev.key === 'Escape' && !this._sending) {
          ev.stopPropagation();
          this.backToSearch();
        }
      }}
    >
      <div part="heading" class="subheading" id="form-heading" role="heading" aria-level=${this.#level(1)} tabindex="-1">${headingText}</div>
      ${family
        ? html`<p class="muted">${this.t('search.family.intro')}</p>
            ${field('martyrName', 'search.family.martyrName')} ${field('nativePlace', 'search.family.nativePlace')}
            <div part="field" class="field">
              <label part="label" for="f-period">${this.t('search.period')}</label>
              <select part="select" id="f-period" name="period" .value=${live(d.period)} aria-invalid=${e.period ? 'true' : 'false'} @change=${(ev: Event) => this.#onDraftInput('period', ev)}>
                ${this.#periodOptions(d.period)}
              </select>
            </div>
            ${field('deathDate', 'search.family.deathDate', { hint: 'search.family.deathDateHint' })} ${field('unit', 'search.family.unit')} ${knowledge} ${contact}`
        : html`${contact} ${knowledge}`}
      <div part="purpose" class="panel" id="purpose"><p>${this.t('search.purpose')}</p></div>
      ${check('consent', 'search.consent', 'purpose')}
      ${status ? html`<p part="form-status" class="form-status" id="form-status" tabindex="-1">${status.message}</p>` : nothing}
      <div class="actions">
        <button part="submit-button" class="button" type="submit" aria-disabled=${this._sending ? 'true' : 'false'}>
          ${this._sending ? this.t('search.sending') : family ? this.t('search.submitFamily') : this.t('search.submitLead')}
        </button>
        <button part="back-button" class="button quiet" type="button" @click=${() => this.backToSearch()}>
          ${this.#results.status === 'idle' ? this.t('search.newSearch') : this.t('search.back')}
        </button>
      </div>
    </form>`;
  }

  #renderSuccess(): TemplateResult {
    const reference = this._receipt?.reference ?? '';
    return html`<div part="success" class="panel" id="success" tabindex="-1" aria-labelledby="success-text">
      <p id="success-text">${this.t('search.success', { reference })}</p>
      <p part="reference" class="reference">${reference}</p>
      <div class="actions">
        <button part="back-button" class="button quiet" type="button" @click=${() => this.backToSearch()}>
          ${this.#results.status === 'idle' ? this.t('search.newSearch') : this.t('search.back')}
        </button>
      </div>
    </div>`;
  }
}

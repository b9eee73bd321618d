import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import * as z from 'zod/mini';
import { charCount } from '../../contract/common.js';
import { MESSAGE_MAX_CHARS, MessageInput, SIGNATURE_MAX_CHARS, type Message, type MessagePage } from '../../contract/message.js';
import { newIdempotencyKey } from '../../sdk/idempotency.js';
import { classifyError } from '../shared/errors.js';
import { MemorialMessageSubmitEvent } from '../shared/events.js';
import { loadMoreControl } from '../shared/load-more.js';
import { MemorialElement } from '../shared/memorial-element.js';
import { MemorialTask } from '../shared/task.js';
import { LiveAnnouncer } from '../shared/controllers/live-announcer.js';
import { messageWallStyles } from './message-wall.styles.js';

/** The form's two fields. */
export type MessageWallField = 'text' | 'signature';
/** Why a field was refused (client-side by the contract's `MessageInput` schema, or by the server). */
type FieldProblem = 'required' | 'too-long' | 'invalid-chars' | 'invalid';
type FieldErrors = Partial<Record<MessageWallField, FieldProblem>>;
type ReportState = 'confirm' | 'sending' | 'failed' | 'done';
type FormStatus = { kind: 'held' } | { kind: 'error'; message: string };

const FIELDS: readonly MessageWallField[] = ['text', 'signature'];
const MAX: Record<MessageWallField, number> = { text: MESSAGE_MAX_CHARS, signature: SIGNATURE_MAX_CHARS };
const DEFAULT_PAGE_SIZE = 10;
/** Characters left at which the count is announced (politely, once per threshold crossed). */
const COUNT_THRESHOLDS = [100, 50, 10] as const;

/** The calendar day (YYYY-MM-DD) of an instant in Asia/Shanghai, the time zone the domain's dates live in. */
let dayFormat: Intl.DateTimeFormat | undefined;
function shanghaiDay(iso: string): string | undefined {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return undefined;
  dayFormat ??= new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = Object.fromEntries(dayFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return parts['year'] && parts['month'] && parts['day'] ? `${parts['year']}-${parts['month']}-${parts['day']}` : undefined;
}

/**
 * How loud the character count is: 0 plenty left, 1–3 past each of COUNT_THRESHOLDS, 4 at the
 * limit, 5 over it. The count is announced only when this band changes (not on every keystroke).
 */
function countBand(count: number, max: number): number {
  const left = max - count;
  if (left < 0) return 5;
  if (left === 0) return 4;
  let band = 0;
  for (const threshold of COUNT_THRESHOLDS) if (left <= threshold) band++;
  return band;
}

/**
 * `<memorial-message-wall martyr-id>` — 感念寄语: the approved messages left for one martyr,
 * newest first and paged, each with a report action, and a form to leave a message. A new
 * message is held for moderation: the writer is told so, and it is shown to no one until a
 * moderator approves it.
 *
 * @summary Approved messages (感念寄语) for a martyr, newest first, and a moderated form to leave one.
 * @tag memorial-message-wall
 *
 * @attr martyr-id - The martyr whose messages are shown. Without it the element shows its fallback.
 * @attr {number} page-size - Messages per page (1–100, default 10); "load more" fetches the next page.
 * @attr no-form - A read-only wall: no form to leave a message.
 * @attr {number} heading-level - The ARIA level of the wall's heading (1–6, default 2); the form's heading is one below.
 * @attr api-base - API address for this element alone; default the provider's, then `<meta name="memorial-api-base">`.
 * @attr locale - `zh-Hans`, `zh-Hant` or `en` (any BCP 47 tag is mapped); default the provider's, then the nearest `lang`.
 * @attr elder-mode - Elder mode (适老化): text ≥ 18px, targets ≥ 60px.
 *
 * @fires {MemorialLoadEvent<MessagePage>} memorial-load - The first page of messages is shown (`detail.empty` when there are none yet).
 * @fires memorial-error - Loading, loading more, reporting or sending failed (`detail.phase` is `load` or `action`).
 * @fires memorial-message-submit - A message was accepted and is held for moderation (`detail.receipt.status` is `pending`).
 *
 * @slot - Fallback: shown before the element is defined and whenever the messages cannot be shown (API down, error).
 * @slot heading - Replaces the heading text (感念寄语).
 * @slot notice - Replaces the moderation notice above the form.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The wall's heading.
 * @csspart list - The list of messages (`<ol>`).
 * @csspart message - One message (`<li>`).
 * @csspart message-text - A message's text.
 * @csspart message-meta - The signature and date line.
 * @csspart message-signature - The signature (or "anonymous").
 * @csspart message-date - The date the message was left (`<time>`).
 * @csspart report-button - A message's report button.
 * @csspart report-confirm - The confirm step of a report.
 * @csspart report-confirm-button - Confirms a report.
 * @csspart report-cancel-button - Cancels a report.
 * @csspart reported-notice - Shown in place of a reported message.
 * @csspart load-more - The area holding the load-more button and its messages.
 * @csspart load-more-button - Fetches the next page.
 * @csspart form - The form to leave a message.
 * @csspart form-heading - The form's heading.
 * @csspart notice - The moderation notice.
 * @csspart label - A field's label.
 * @csspart textarea - The message field.
 * @csspart signature-input - The signature field.
 * @csspart counter - The live character count.
 * @csspart field-error - A field's validation message.
 * @csspart hint - A field's hint.
 * @csspart submit-button - Sends the message.
 * @csspart form-status - "Held for review" or why sending failed.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart status - The loading / empty / error box.
 * @csspart status-message - The text in it.
 * @csspart retry-button - Tries loading again after an error.
 * @csspart fallback - Wraps the default slot.
 *
 * @cssprop --memorial-message-wall-min-block-size - Height reserved while loading (default 20em).
 * @cssprop --memorial-message-wall-gap - Space between messages and sections.
 * @cssprop --memorial-message-wall-divider-color - The rule between messages.
 * @cssprop --memorial-message-wall-field-background - Background of the text fields.
 * @cssprop --memorial-message-wall-field-border-color - Border of the text fields (≥ 3:1 against the surface).
 * @cssprop --memorial-message-wall-textarea-min-block-size - Height of the message field.
 * @cssprop --memorial-message-wall-skeleton-color - The loading placeholder's blocks.
 * @cssprop --memorial-message-wall-notice-background - Background of the "held for review" and error notices.
 */
export class MemorialMessageWall extends MemorialElement {
  static override styles = [MemorialElement.styles, messageWallStyles];

  /** The martyr whose messages are shown. */
  @property({ attribute: 'martyr-id' }) accessor martyrId: string | null = null;
  /** Messages per page, 1–100 (values outside are clamped; anything else means 10). */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = DEFAULT_PAGE_SIZE;
  /** A read-only wall: messages only, no form. */
  @property({ type: Boolean, reflect: true, attribute: 'no-form' }) accessor noForm = false;
  /** The ARIA level of the heading (1–6, default 2); the form's heading is one level below. */
  @property({ type: Number, attribute: 'heading-level' }) accessor headingLevel = 2;
  /** The message being written (the form's text field). Cleared once the message is sent. */
  @property({ attribute: false }) accessor text = '';
  /** The signature being written (optional; e.g. prefill a signed-in reader's name). Cleared once the message is sent. */
  @property({ attribute: false }) accessor signature = '';

  @state() private accessor _more: Message[] = [];
  @state() private accessor _cursor: string | null = null;
  @state() private accessor _loadingMore = false;
  @state() private accessor _moreFailed = false;
  @state() private accessor _loadedMore = false;
  @state() private accessor _reports: ReadonlyMap<string, ReportState> = new Map();
  @state() private accessor _errors: FieldErrors = {};
  @state() private accessor _sending = false;
  @state() private accessor _formStatus: FormStatus | undefined = undefined;
  readonly #announcer = new LiveAnnouncer(this);

  /** The first page the extra pages were appended to: when the task loads a new one, they are dropped. */
  #base: MessagePage | undefined;
  /** One idempotency key per draft, so sending the same draft again after a failure is a replay, never a duplicate. */
  #draftKey: string | undefined;
  #countBand = 0;
  /** Focus to move once the next render is done (a newly loaded message, a report's confirm prompt…). */
  #focusAfterRender: string | undefined;

  readonly #messages = new MemorialTask(this, {
    args: () => (this.martyrId ? ([this.martyrId, this.#limit] as const) : undefined),
    run: ([id, limit], { client, signal }) => client.messages.list(id, { limit }, { signal }).firstPage(),
    isEmpty: (page) => page.items.length === 0,
  });

  get #limit(): number {
    const n = Math.trunc(Number(this.pageSize));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : DEFAULT_PAGE_SIZE;
  }

  /** The approved messages shown so far (every page loaded), newest first. */
  get messages(): readonly Message[] {
    const page = this.#messages.value;
    if (!page) return [];
    return page === this.#base ? [...page.items, ...this._more] : page.items;
  }

  /** True when the draft passes the contract's `MessageInput` schema (nothing is shown). */
  checkValidity(): boolean {
    return this.#validate().input !== undefined;
  }

  /** Validates the draft like a submit would: shows the field messages, focuses the first invalid field and announces the problem. */
  reportValidity(): boolean {
    const { input, errors } = this.#validate();
    this._errors = errors;
    if (!input) this.#reportInvalid(errors);
    return input !== undefined;
  }

  /** Loads the messages again from the first page (e.g. after a moderator approved some). */
  reload(): void {
    this.#messages.retry();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const page = this.#messages.value;
    if (page && page !== this.#base) {
      // a fresh first page (new martyr, page size, client or a reload): paging starts over
      this.#base = page;
      this._more = [];
      this._cursor = page.nextCursor;
      this._moreFailed = false;
      this._loadedMore = false;
    }
    if (changed.has('martyrId') && changed.get('martyrId') !== undefined) {
      // another martyr: nothing of the old draft's state applies (the draft text itself stays)
      this._reports = new Map();
      this._formStatus = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.#focusAfterRender;
    if (target) {
      this.#focusAfterRender = undefined;
      (this.renderRoot.querySelector(target) as HTMLElement | null)?.focus();
    }
  }

  // --- rendering ------------------------------------------------------------------------------
  protected renderContent(): unknown {
    const task = this.#messages;
    if (task.status === 'idle') return this.renderFallback();
    return html`<section class="wall" aria-labelledby="wall-heading">
      <div part="heading" class="heading" id="wall-heading" role="heading" aria-level=${this.#level(0)}>
        <slot name="heading">${this.t('wall.heading')}</slot>
      </div>
      ${task.status === 'loaded' || task.status === 'empty' ? this.#renderForm() : nothing}
      ${this.renderTask(task, {
        loaded: (page) => this.#renderList(page),
        empty: () => this.renderStatus(this.noForm ? 'wall.emptyReadOnly' : 'wall.empty', nothing, 'empty'),
        loading: () => this.#renderSkeleton(),
      })}
      ${this.#announcer.region()}
    </section>`;
  }

  #level(offset: number): string {
    const n = Math.trunc(Number(this.headingLevel));
    const level = Number.isFinite(n) ? Math.min(Math.max(n, 1), 6) : 2;
    return String(Math.min(level + offset, 6));
  }

  #renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" class="skeleton">
      ${this.renderLoading()}
      <div class="skeleton-block" aria-hidden="true"></div>
      <div class="skeleton-block short" aria-hidden="true"></div>
      <div class="skeleton-block" aria-hidden="true"></div>
      <div class="skeleton-block short" aria-hidden="true"></div>
    </div>`;
  }

  #renderList(page: MessagePage): TemplateResult {
    const items = [...page.items, ...this._more];
    return html`<ol part="list" class="list">
        ${items.map((m) => this.#renderMessage(m))}
      </ol>
      ${this.#renderLoadMore()}`;
  }

  #renderMessage(m: Message): TemplateResult {
    const report = this._reports.get(m.id);
    const key = `msg-${m.id}`;
    if (report === 'done') {
      return html`<li part="message" class="message" data-id=${m.id}>
        <p part="reported-notice" class="reported" id="${key}-reported" tabindex="-1">${this.t('wall.reported')}</p>
      </li>`;
    }
    const day = shanghaiDay(m.createdAt);
    return html`<li part="message" class="message" id=${key} data-id=${m.id} tabindex="-1">
      <p part="message-text" class="message-text">${m.text}</p>
      <div class="message-footer">
        <p part="message-meta" class="message-meta muted" id="${key}-meta">
          <span part="message-signature" class="message-signature">${m.signature ?? this.t('wall.anonymous')}</span>
          <time part="message-date" datetime=${m.createdAt}>${day ? this.formatDate(day) : m.createdAt}</time>
        </p>
        ${report === undefined
          ? html`<button part="report-button" class="button subtle" type="button" id="${key}-report" aria-describedby="${key}-meta" @click=${() => this.#openReport(m.id)}>
              ${this.t('wall.report')}
            </button>`
          : nothing}
      </div>
      ${report === undefined ? nothing : this.#renderReportConfirm(m, report, key)}
    </li>`;
  }

  #renderReportConfirm(m: Message, report: ReportState, key: string): TemplateResult {
    const sending = report === 'sending';
    return html`<div part="report-confirm" class="report-confirm" role="group" aria-labelledby="${key}-confirm" @keydown=${(e: KeyboardEvent) => this.#reportKeydown(e, m.id)}>
      <p id="${key}-confirm" tabindex="-1">${this.t('wall.reportConfirm')}</p>
      ${report === 'failed' ? html`<p part="field-error" class="field-error" id="${key}-report-error">${this.t('wall.reportFailed')}</p>` : nothing}
      <div class="actions">
        <button
          part="report-confirm-button"
          class="button"
          type="button"
          aria-disabled=${sending ? 'true' : 'false'}
          aria-describedby=${report === 'failed' ? `${key}-report-error` : nothing}
          @click=${() => void this.#sendReport(m.id)}
        >
          ${sending ? this.t('wall.sending') : this.t('wall.reportConfirmButton')}
        </button>
        ${sending
          ? nothing
          : html`<button part="report-cancel-button" class="button quiet" type="button" @click=${() => this.#cancelReport(m.id)}>
              ${this.t('wall.reportCancel')}
            </button>`}
      </div>
    </div>`;
  }

  #renderLoadMore(): unknown {
    if (this._cursor === null) {
      return this._loadedMore ? html`<p class="muted">${this.t('wall.allLoaded')}</p>` : nothing;
    }
    return html`<div part="load-more" class="load-more">
      ${loadMoreControl({
        loading: this._loadingMore,
        failed: this._moreFailed,
        errorId: 'load-more-error',
        label: this.t('wall.loadMore'),
        loadingLabel: this.t('state.loading'),
        failedLabel: this.t('wall.loadMoreFailed'),
        onLoad: () => void this.#loadMore(),
      })}
    </div>`;
  }

  #renderForm(): unknown {
    if (this.noForm) return nothing;
    const count = charCount(this.text);
    const over = count - MESSAGE_MAX_CHARS;
    const errors = this.#shownErrors();
    const describedBy = (field: MessageWallField, ...ids: string[]) => [...ids, ...(errors[field] ? [`${field}-error`] : [])].join(' ');
    const status = this._formStatus;
    return html`<form part="form" class="form" novalidate aria-labelledby="form-heading" aria-busy=${this._sending ? 'true' : 'false'} @submit=${this.#onSubmit}>
      <div part="form-heading" class="form-heading" id="form-heading" role="heading" aria-level=${this.#level(1)}>${this.t('wall.formHeading')}</div>
      <p part="notice" class="muted" id="notice"><slot name="notice">${this.t('wall.notice')}</slot></p>
      <div class="field">
        <label part="label" for="text">${this.t('wall.textLabel')}</label>
        <textarea
          part="textarea"
          id="text"
          name="text"
          rows="5"
          .value=${live(this.text)}
          ?readonly=${this._sending}
          aria-invalid=${errors.text ? 'true' : 'false'}
          aria-describedby=${describedBy('text', 'text-count', 'notice')}
          @input=${(e: InputEvent) => this.#onInput('text', e)}
          @compositionend=${() => this.#announceCount()}
        ></textarea>
        <p part="counter" class="counter muted ${over > 0 ? 'over' : ''}" id="text-count">
          ${this.t('wall.count', { count, max: MESSAGE_MAX_CHARS })}
        </p>
        ${this.#renderFieldError('text', errors)}
      </div>
      <div class="field">
        <label part="label" for="signature">${this.t('wall.signatureLabel')}</label>
        <input
          part="signature-input"
          id="signature"
          name="signature"
          type="text"
          autocomplete="nickname"
          .value=${live(this.signature)}
          ?readonly=${this._sending}
          aria-invalid=${errors.signature ? 'true' : 'false'}
          aria-describedby=${describedBy('signature', 'signature-hint')}
          @input=${(e: InputEvent) => this.#onInput('signature', e)}
        />
        <p part="hint" class="muted" id="signature-hint">${this.t('wall.signatureHint', { max: SIGNATURE_MAX_CHARS })}</p>
        ${this.#renderFieldError('signature', errors)}
      </div>
      <div class="actions">
        <button part="submit-button" class="button" type="submit" aria-disabled=${this._sending ? 'true' : 'false'}>
          ${this._sending ? this.t('wall.sending') : this.t('wall.submit')}
        </button>
      </div>
      ${status
        ? html`<p part="form-status" class="form-status ${status.kind}" id="form-status">${status.kind === 'held' ? this.t('wall.held') : status.message}</p>`
        : nothing}
    </form>`;
  }

  #renderFieldError(field: MessageWallField, errors: FieldErrors): unknown {
    const problem = errors[field];
    if (!problem) return nothing;
    return html`<p part="field-error" class="field-error" id="${field}-error">${this.#problemText(field, problem)}</p>`;
  }

  #problemText(field: MessageWallField, problem: FieldProblem): string {
    switch (problem) {
      case 'required':
        return this.t('wall.error.textRequired');
      case 'too-long': {
        const max = MAX[field];
        const over = Math.max(1, charCount(this[field]) - max);
        return this.t(field === 'text' ? 'wall.error.textTooLong' : 'wall.error.signatureTooLong', { max, over });
      }
      case 'invalid-chars':
        return this.t('wall.error.invalidChars');
      default:
        return this.t('wall.error.invalid');
    }
  }

  // --- the form -------------------------------------------------------------------------------
  /**
   * The errors on show: those found on submit (kept up to date as the field is corrected), and
   * "too long" at once, since the writer can see the count go over.
   */
  #shownErrors(): FieldErrors {
    const now = this.#validate().errors;
    const shown: FieldErrors = {};
    for (const field of FIELDS) {
      const problem = this._errors[field] ?? (now[field] === 'too-long' ? 'too-long' : undefined);
      if (problem) shown[field] = problem;
    }
    return shown;
  }

  /** What a field's refusal means to the writer. The schema decides *whether* it is refused; this only picks the words. */
  #problemOf(field: MessageWallField, message: string): FieldProblem {
    const value = this[field];
    if (charCount(value) > MAX[field]) return 'too-long';
    if (value.trim() === '') return 'required';
    if (/control|surrogate/i.test(message)) return 'invalid-chars';
    return 'invalid';
  }

  /** What would be sent, checked by the contract's own `MessageInput` schema (the server runs the same one). */
  #validate(): { input: MessageInput | undefined; errors: FieldErrors } {
    const signature = this.signature.trim();
    const candidate: MessageInput = signature ? { text: this.text, signature: this.signature } : { text: this.text };
    const result = z.safeParse(MessageInput, candidate);
    if (result.success) return { input: candidate, errors: {} };
    const errors: FieldErrors = {};
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if ((field === 'text' || field === 'signature') && !errors[field]) errors[field] = this.#problemOf(field, issue.message);
    }
    // an issue without a field (cannot happen with this schema) still must not let the draft through
    if (!errors.text && !errors.signature) errors.text = 'invalid';
    return { input: undefined, errors };
  }

  /** Moves focus to the first invalid field and announces what is wrong. */
  #reportInvalid(errors: FieldErrors): void {
    const first = FIELDS.find((f) => errors[f]);
    if (!first) return;
    const problems = FIELDS.filter((f) => errors[f]);
    const firstProblem = errors[first] as FieldProblem;
    this.#announcer.say(`${this.plural('wall.error.summary', problems.length)} ${this.#problemText(first, firstProblem)}`);
    this.#focusAfterRender = `#${first}`;
    this.requestUpdate();
  }

  #onInput(field: MessageWallField, e: InputEvent): void {
    const value = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    if (field === 'text') this.text = value;
    else this.signature = value;
    this.#draftKey = undefined;
    if (this._formStatus) this._formStatus = undefined;
    // A field already marked invalid is checked again as it is corrected, so the message goes away at once.
    if (this._errors[field]) {
      const { errors } = this.#validate();
      this._errors = { ...this._errors, [field]: errors[field] };
    }
    if (field === 'text' && !e.isComposing) this.#announceCount();
  }

  /** Announces the character count only when it crosses a threshold (100, 50, 10 left; the limit; over it; back under it). */
  #announceCount(): void {
    const count = charCount(this.text);
    const band = countBand(count, MESSAGE_MAX_CHARS);
    const previous = this.#countBand;
    this.#countBand = band;
    if (band === previous) return;
    const left = MESSAGE_MAX_CHARS - count;
    if (band === 5) this.#announcer.say(this.t('wall.overLimit', { over: -left }));
    else if (previous === 5) this.#announcer.say(this.t('wall.backWithinLimit', { remaining: left }));
    else if (band < previous) return;
    else if (band === 4) this.#announcer.say(this.t('wall.limitReached', { max: MESSAGE_MAX_CHARS }));
    else this.#announcer.say(this.t('wall.remaining', { remaining: left }));
  }

  async #onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._sending) return;
    const { input, errors } = this.#validate();
    this._errors = errors;
    if (!input) {
      this.#reportInvalid(errors);
      return;
    }
    const martyrId = this.martyrId;
    const client = this.client;
    if (!martyrId || !client) {
      this.#formError(this.t('wall.error.submit'));
      return;
    }
    this._sending = true;
    this._formStatus = undefined;
    this.#draftKey ??= newIdempotencyKey();
    try {
      const receipt = await client.messages.post(martyrId, input, { idempotencyKey: this.#draftKey });
      this.text = '';
      this.signature = '';
      this.#draftKey = undefined;
      this.#countBand = 0;
      this._errors = {};
      this._formStatus = { kind: 'held' };
      this.#announcer.say(this.t('wall.held'));
      this.emit(new MemorialMessageSubmitEvent({ martyrId, receipt }));
    } catch (error) {
      this.#submitFailed(error);
    } finally {
      this._sending = false;
    }
  }

  #submitFailed(error: unknown): void {
    const classified = classifyError(error);
    this.emitError(classified, 'action');
    const details = (typeof error === 'object' && error !== null ? error : {}) as { issues?: unknown; retryAfter?: unknown };
    if (classified.status === 400 && Array.isArray(details.issues)) {
      const errors: FieldErrors = {};
      for (const issue of details.issues as { path?: unknown; message?: unknown }[]) {
        const field = typeof issue.path === 'string' ? issue.path.split('.')[0] : undefined;
        if ((field === 'text' || field === 'signature') && !errors[field]) errors[field] = this.#problemOf(field, String(issue.message ?? ''));
      }
      if (errors.text || errors.signature) {
        this._errors = errors;
        this.#reportInvalid(errors);
        return;
      }
    }
    switch (classified.kind) {
      case 'rate-limited': {
        const wait = typeof details.retryAfter === 'number' && details.retryAfter > 0 ? details.retryAfter : undefined;
        this.#formError(wait === undefined ? this.t('wall.error.rateLimitedSoon') : this.t('wall.error.rateLimited', { wait: this.#waitText(wait) }));
        return;
      }
      case 'network':
      case 'timeout':
        this.#formError(this.t('wall.error.network'));
        return;
      default:
        this.#formError(this.t('wall.error.submit'));
    }
  }

  #waitText(seconds: number): string {
    return seconds < 90 ? this.plural('wall.wait.seconds', Math.ceil(seconds)) : this.plural('wall.wait.minutes', Math.ceil(seconds / 60));
  }

  #formError(message: string): void {
    this._formStatus = { kind: 'error', message };
    this.#announcer.say(message);
  }

  // --- paging ---------------------------------------------------------------------------------
  async #loadMore(): Promise<void> {
    const cursor = this._cursor;
    const base = this.#base;
    const martyrId = this.martyrId;
    const client = this.client;
    if (this._loadingMore || !cursor || !base || !martyrId || !client) return;
    this._loadingMore = true;
    this._moreFailed = false;
    try {
      const page = await client.messages.list(martyrId, { limit: this.#limit, cursor }).firstPage();
      if (base !== this.#base) return; // the wall started over meanwhile
      const shown = new Set(this.messages.map((m) => m.id));
      const fresh = page.items.filter((m) => !shown.has(m.id));
      this._more = [...this._more, ...fresh];
      this._cursor = page.nextCursor;
      this._loadedMore = true;
      const loaded = this.plural('wall.loadedMore', fresh.length);
      this.#announcer.say(page.nextCursor === null ? `${loaded} ${this.t('wall.allLoaded')}` : loaded);
      const first = fresh[0];
      // Focus goes to the first new message, so reading on continues where the list grew;
      // with nothing new it stays on the button (or the list's end once the button is gone).
      if (first) this.#focusAfterRender = `#msg-${first.id}`;
    } catch (error) {
      if (base !== this.#base) return;
      this._moreFailed = true;
      this.emitError(classifyError(error), 'action');
      this.#announcer.say(this.t('wall.loadMoreFailed'));
    } finally {
      this._loadingMore = false;
    }
  }

  // --- reporting ------------------------------------------------------------------------------
  #setReport(id: string, value: ReportState | undefined): void {
    const next = new Map(this._reports);
    if (value === undefined) next.delete(id);
    else next.set(id, value);
    this._reports = next;
  }

  #openReport(id: string): void {
    this.#setReport(id, 'confirm');
    this.#focusAfterRender = `#msg-${id}-confirm`;
  }

  #cancelReport(id: string): void {
    this.#setReport(id, undefined);
    this.#focusAfterRender = `#msg-${id}-report`;
  }

  #reportKeydown(e: KeyboardEvent, id: string): void {
    if (e.key === 'Escape' && this._reports.get(id) !== 'sending') {
      e.stopPropagation();
      this.#cancelReport(id);
    }
  }

  async #sendReport(id: string): Promise<void> {
    if (this._reports.get(id) === 'sending') return;
    const client = this.client;
    if (!client) return;
    this.#setReport(id, 'sending');
    try {
      await client.messages.report(id);
      this.#setReport(id, 'done');
      this.#announcer.say(this.t('wall.reported'));
      this.#focusAfterRender = `#msg-${id}-reported`;
    } catch (error) {
      this.emitError(classifyError(error), 'action');
      this.#setReport(id, 'failed');
      this.#announcer.say(this.t('wall.reportFailed'));
    }
  }
}

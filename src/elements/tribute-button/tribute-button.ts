import { html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { property } from 'lit/decorators.js';
import { TRIBUTE_KINDS, type TributeKind, type TributeSummary } from '../../contract/tribute.js';
import { classifyError, type ClassifiedError } from '../shared/errors.js';
import { MemorialTributeEvent } from '../shared/events.js';
import { MemorialElement } from '../shared/memorial-element.js';
import { MemorialTask } from '../shared/task.js';
import { tributeIcon } from './icons.js';
import { tributeStore, type TributeStore } from './tribute-store.js';
import { liveSubscription } from './live-count.js';
import { tributeButtonStyles } from './tribute-button.styles.js';

export const isTributeKind = (value: unknown): value is TributeKind => (TRIBUTE_KINDS as readonly unknown[]).includes(value);

interface Notice {
  /** A new id re-creates the message node, so the live region announces it even when the text repeats. */
  id: number;
  tone: 'ok' | 'error';
  /** Rendered in the current locale, so a change of language re-words a message already shown. */
  text: () => string;
}

let noticeIds = 0;

/**
 * A real `<button>` with `aria-pressed`: once this visitor has offered this kind today it reads
 * "已献花" (pressed). Beside it, the all-time count for this kind and today's. A press shows the
 * new count at once; the server's answer confirms it, and a refusal (network, 4xx/5xx, 429 with
 * its `Retry-After`) takes it back with a message. Results are announced through a polite live
 * region. Every button (and card) for the same martyr on the page shares one summary request
 * and stays in step; while the page is visible the counts are asked for again every ten
 * seconds (a cacheable request, revalidated by ETag), so others' tributes show up.
 *
 * One tribute of each kind counts per visitor per martyr per day (the server enforces it). The
 * visitor is an id kept in `localStorage` under `memorial-elements.visitor-id` (in memory
 * when storage is blocked); on the first offer the button has the server sign one
 * (`POST /visitors`), which gives it the full allowance of the server's fair limits. It is
 * not personal data.
 *
 * @summary Offers one tribute (献花, 鞠躬, 点烛, 擦拭墓碑) to a martyr and shows the live count.
 * @tag memorial-tribute-button
 *
 * @attr martyr-id - The martyr's id.
 * @attr kind - `flower` (献花, default), `bow` (鞠躬), `candle` (点烛) or `sweep` (擦拭墓碑). Any other value shows the fallback.
 * @attr api-base - API address for this element alone (else the provider's, else `<meta name="memorial-api-base">`).
 * @attr locale - `zh-Hans`, `zh-Hant` or `en` (else the provider's, else the nearest `lang`).
 * @attr elder-mode - Elder mode (适老化): larger text, 60px target.
 * @property {TributeSummary | undefined} summary - Read-only: the counts shown (an offer in flight included).
 * @property {boolean} offered - Read-only: true once this visitor has offered this kind today.
 *
 * @fires {MemorialLoadEvent<TributeSummary>} memorial-load - The counts were loaded and are shown (`detail.data` is the `TributeSummary`).
 * @fires memorial-tribute - The server accepted an offer: `{ martyrId, kind, counted, summary }`; `counted` is false when this visitor had already offered this kind today.
 * @fires memorial-error - Loading the counts failed (`phase: 'load'`) or an offer was refused (`phase: 'action'`).
 *
 * @slot - Fallback content, shown before the script runs and when the counts cannot be loaded.
 *
 * @csspart base - The wrapper.
 * @csspart button - The `<button>`.
 * @csspart icon - The tribute's line drawing.
 * @csspart label - The action ("献花" / "已献花").
 * @csspart counts - The counts beside the button.
 * @csspart count - The all-time count of this kind.
 * @csspart today - Today's count of this kind.
 * @csspart message - The live region with the latest result ("已献花，感谢您的缅怀。" or why an offer failed).
 * @csspart status - The loading / error box.
 * @csspart status-message - Its text.
 * @csspart retry-button - Retries a failed load.
 * @csspart fallback - Wraps the fallback slot.
 *
 * @cssprop --memorial-tribute-button-min-block-size - Height reserved before the counts arrive (default: the target size).
 * @cssprop --memorial-tribute-button-offered-background - Background once offered today.
 * @cssprop --memorial-tribute-button-offered-color - Text colour once offered today.
 * @cssprop --memorial-tribute-button-offered-border-color - Border colour once offered today.
 * @cssprop --memorial-tribute-button-count-color - Colour of the counts.
 */
export class MemorialTributeButton extends MemorialElement {
  static override shadowRootOptions: ShadowRootInit = { ...MemorialElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [MemorialElement.styles, tributeButtonStyles];

  /** The martyr's id. */
  @property({ attribute: 'martyr-id' }) accessor martyrId: string | null = null;
  /** `flower` (献花), `bow` (鞠躬), `candle` (点烛) or `sweep` (擦拭墓碑). */
  @property({ reflect: true }) accessor kind: TributeKind = 'flower';

  #store: TributeStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #notice: Notice | undefined;
  /** Set once an offer from this button is counted: plays the quiet acknowledgement. */
  #acknowledged = false;

  readonly #data = new MemorialTask<readonly [string], TributeSummary>(this, {
    args: () => (this.martyrId && isTributeKind(this.kind) ? ([this.martyrId] as const) : undefined),
    run: ([id], { client, signal }) => tributeStore(client, id).load(signal),
  });

  constructor() {
    super();
    this.addController({
      hostConnected: () => this.requestUpdate(),
      hostUpdate: () => this.#follow(),
      hostDisconnected: () => this.#unfollow(),
    });
  }

  /** The counts shown (with an offer in flight already included); undefined until loaded. */
  get summary(): TributeSummary | undefined {
    if (this.#data.status !== 'loaded') return undefined;
    return this.#store?.summary ?? this.#data.value;
  }

  /** True once this visitor has offered this kind today: the button is pressed ("已献花"). */
  get offered(): boolean {
    return isTributeKind(this.kind) && (this.summary?.offeredToday?.includes(this.kind) ?? false);
  }

  /**
   * Offers the tribute, as a press of the button does. Resolves once the server has answered
   * (or at once when there is nothing to do); never rejects: a refusal is shown, announced
   * and fired as `memorial-error`.
   */
  async offer(): Promise<void> {
    const store = this.#store;
    const kind = this.kind;
    if (!store || !isTributeKind(kind) || this.#data.status !== 'loaded' || !store.summary) return;
    if (store.offered(kind)) {
      if (!store.pending(kind)) this.#say('ok', () => this.t('tribute.already', { done: this.tributeLabel(kind, true) }));
      return;
    }
    const martyrId = store.martyrId;
    this.#say(undefined);
    try {
      const result = await store.offer(kind);
      const done = () => this.tributeLabel(kind, true);
      this.#acknowledged = result.counted;
      this.#say('ok', result.counted ? () => this.t('tribute.thanks', { done: done() }) : () => this.t('tribute.already', { done: done() }));
      this.emit(new MemorialTributeEvent({ martyrId, kind, counted: result.counted, summary: result.summary }));
    } catch (error) {
      const classified = classifyError(error);
      this.#say('error', () => this.#failure(classified, kind));
      this.emitError(classified, 'action');
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('kind') && !isTributeKind(this.kind)) {
      console.warn(`[memorial-elements] <memorial-tribute-button kind="${String(this.kind)}">: kind must be one of ${TRIBUTE_KINDS.join(', ')}.`);
    }
  }

  /**
   * Subscribes to the store of the current client and martyr (either may change at any time,
   * and the element may be moved: a move keeps the message, a new martyr or client drops it).
   */
  #follow(): void {
    const client = this.client;
    const next = client && this.martyrId ? tributeStore(client, this.martyrId) : undefined;
    if (next === this.#store && (this.#unsubscribe || !next)) return;
    if (next !== this.#store) {
      this.#notice = undefined;
      this.#acknowledged = false;
    }
    this.#unsubscribe?.();
    this.#store = next;
    this.#unsubscribe = next ? liveSubscription(next, () => this.requestUpdate()) : undefined;
  }

  #unfollow(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #say(tone: Notice['tone'] | undefined, text?: () => string): void {
    this.#notice = tone && text ? { id: ++noticeIds, tone, text } : undefined;
    this.requestUpdate();
  }

  #failure(error: ClassifiedError, kind: TributeKind): string {
    const action = this.tributeLabel(kind);
    switch (error.kind) {
      case 'network':
      case 'timeout':
        return this.t('tribute.failed.offline', { action });
      case 'rate-limited': {
        const wait = (error.error as { retryAfter?: unknown } | undefined)?.retryAfter;
        if (typeof wait !== 'number' || !(wait > 0)) return this.t('tribute.failed.busy', { action });
        // seconds below 90 s, then whole minutes (rounded up)
        return wait < 90 ? this.plural('tribute.failed.wait', wait, { action }) : this.plural('tribute.failed.waitMinutes', Math.ceil(wait / 60), { action });
      }
      default:
        return this.t('tribute.failed', { action });
    }
  }

  readonly #onClick = (): void => {
    void this.offer();
  };

  protected renderContent(): unknown {
    return this.renderTask(this.#data, {
      loaded: () => this.#renderTribute(this.summary),
      loading: () => this.#renderTribute(undefined),
    });
  }

  #renderTribute(summary: TributeSummary | undefined): unknown {
    const kind = this.kind;
    const offered = this.offered;
    const notice = this.#notice;
    return html`<div class="tribute">
      <div class="row">
        <button
          part="button"
          class="button ${this.#acknowledged && offered ? 'acknowledged' : ''}"
          type="button"
          aria-pressed=${summary ? (offered ? 'true' : 'false') : nothing}
          aria-disabled=${summary ? nothing : 'true'}
          aria-describedby="counts"
          @click=${this.#onClick}
        >
          ${tributeIcon(kind)}<span part="label" class="label">${this.tributeLabel(kind, offered)}</span>
        </button>
        <span part="counts" class="counts" id="counts">
          ${summary
            ? html`<span part="count" class="count">${this.plural('tribute.count', summary.total[kind])}</span>
                <span part="today" class="today">${this.t('tribute.today', { count: summary.today[kind] })}</span>`
            : html`<span class="count">${this.t('state.loading')}</span>`}
        </span>
      </div>
      <p part="message" class="message ${notice?.tone ?? ''}" role="status">
        ${notice ? keyed(notice.id, html`<span>${notice.text()}</span>`) : nothing}
      </p>
    </div>`;
  }
}

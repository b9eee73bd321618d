import { LitElement } from 'lit';
import { classifyError, type ClassifiedError } from './errors.js';
import { MemorialErrorEvent, type MemorialErrorDetail } from './events.js';
import { VERSION } from './version.js';

/** After this many failures in a row an element stops trying to render anything. */
const MAX_FAILURES = 3;

/**
 * A LitElement that never lets an exception escape a lifecycle callback. A throw in
 * `connectedCallback`, `disconnectedCallback`, `attributeChangedCallback`, `willUpdate`,
 * `render`, `updated`, `firstUpdated` or a controller hook is caught, logged, turned into a
 * `memorial-error` event (phase `lifecycle`) and stored in `failure` so the element can show an
 * error state instead of leaving the host page half-broken. Shadow roots are open (Lit's default).
 *
 * @fires {MemorialErrorEvent} memorial-error - A bug while rendering was caught (`detail.phase` is `lifecycle`); the element shows an error state instead.
 */
export class GuardedElement extends LitElement {
  /** The memorial-elements version this class belongs to; `define()` reports it on conflicts. */
  static readonly memorialVersion: string = VERSION;

  /** The last failure caught in a lifecycle callback, until `recover()`. */
  protected failure: ClassifiedError | undefined;
  /** Failures since the last successful update; past MAX_FAILURES nothing is rendered. */
  protected failureCount = 0;

  override connectedCallback(): void {
    try {
      super.connectedCallback();
    } catch (error) {
      this.handleFailure(error);
    }
  }

  override disconnectedCallback(): void {
    try {
      super.disconnectedCallback();
    } catch (error) {
      this.handleFailure(error);
    }
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    try {
      super.attributeChangedCallback(name, old, value);
    } catch (error) {
      this.handleFailure(error);
    }
  }

  /** Wraps the whole update: willUpdate, controllers, render, firstUpdated/updated. */
  protected override performUpdate(): void {
    try {
      super.performUpdate();
      if (!this.failure) this.failureCount = 0;
    } catch (error) {
      this.handleFailure(error);
    }
  }

  /** Too many failures: the subclass's render must not be called again. */
  protected get gaveUp(): boolean {
    return this.failureCount > MAX_FAILURES;
  }

  /** Records a caught exception, reports it and schedules a render of the error state. */
  protected handleFailure(error: unknown): void {
    try {
      this.failureCount++;
      console.error(`[memorial-elements] <${this.localName}> failed:`, error);
      const classified: ClassifiedError = { ...classifyError(error), kind: 'internal', messageKey: 'state.error', retryable: true };
      this.failure = classified;
      this.emitError(classified, 'lifecycle');
      if (!this.gaveUp) this.requestUpdate();
    } catch {
      // never rethrow from here
    }
  }

  /** Clears a lifecycle failure and renders again (the error state's retry button). */
  recover(): void {
    this.failure = undefined;
    this.requestUpdate();
  }

  /** Dispatches an event; a failing dispatch is logged, never thrown. */
  protected emit(event: Event): boolean {
    try {
      return this.dispatchEvent(event);
    } catch (error) {
      console.error(`[memorial-elements] <${this.localName}> could not dispatch ${event.type}:`, error);
      return true;
    }
  }

  /**
   * Fires `memorial-error` for a classified error (for element authors; public because
   * `MemorialTask` calls it).
   * @internal
   */
  emitError(error: ClassifiedError, phase: MemorialErrorDetail['phase']): void {
    const detail: MemorialErrorDetail = { kind: error.kind, error: error.error, retryable: error.retryable, phase };
    if (error.status !== undefined) detail.status = error.status;
    if (error.code !== undefined) detail.code = error.code;
    this.emit(new MemorialErrorEvent(detail));
  }
}

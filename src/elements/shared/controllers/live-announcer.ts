import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A polite live region for what a screen reader should hear (results counted, a form's
 * problems, "held for review"). The host renders `region()` once, visually hidden; `say()`
 * changes its text. The same message twice in a row is still announced (a no-break space is
 * appended), since readers skip an unchanged region.
 */
export class LiveAnnouncer implements ReactiveController {
  #text = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** What the region says now. */
  get text(): string {
    return this.#text;
  }

  say(message: string): void {
    this.#text = message === this.#text ? `${message}\u00a0` : message;
    this.host.requestUpdate();
  }

  /** The region, for the host's template (its styles need the shared `.visually-hidden`). */
  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announcer>${this.#text}</div>`;
  }
}

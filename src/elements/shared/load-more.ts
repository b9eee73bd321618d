import { html, nothing, type TemplateResult } from 'lit';

export interface LoadMoreOptions {
  loading: boolean;
  /** The last attempt failed: its message is shown above the button and describes it. */
  failed: boolean;
  /** Id of the failure message, unique in the element's shadow root. */
  errorId: string;
  label: string;
  loadingLabel: string;
  failedLabel: string;
  onLoad: () => void;
}

/**
 * The "load more" button of a paged list (message wall, search results). It stays focusable
 * while loading (`aria-disabled`, not `disabled`), so keyboard focus is not lost mid-request.
 */
export function loadMoreControl(o: LoadMoreOptions): TemplateResult {
  return html`${o.failed ? html`<p part="field-error" class="field-error" id=${o.errorId}>${o.failedLabel}</p>` : nothing}
    <button
      part="load-more-button"
      class="button quiet"
      type="button"
      aria-disabled=${o.loading ? 'true' : 'false'}
      aria-describedby=${o.failed ? o.errorId : nothing}
      @click=${o.onLoad}
    >
      ${o.loading ? o.loadingLabel : o.label}
    </button>`;
}

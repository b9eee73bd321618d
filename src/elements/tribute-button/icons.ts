import { html, svg, type TemplateResult } from 'lit';
import type { TributeKind } from '../../contract/tribute.js';

/** Quiet line drawings, one per tribute: a flower, a bowing figure, a candle, a stele. Decorative. */
const PATHS: Record<TributeKind, ReturnType<typeof svg>> = {
  flower: svg`<circle cx="12" cy="8" r="1.6" />
    <circle cx="12" cy="4.6" r="1.9" /><circle cx="15.2" cy="6.9" r="1.9" /><circle cx="14" cy="10.7" r="1.9" />
    <circle cx="10" cy="10.7" r="1.9" /><circle cx="8.8" cy="6.9" r="1.9" />
    <path d="M12 12.6V21M12 17.2c-2.4-.3-3.8-1.6-4.3-3.5 2.2.1 3.7 1.3 4.3 3.5z" />`,
  bow: svg`<circle cx="7.8" cy="6.4" r="2" /><path d="M9.8 8.7 15.2 12.4V21M10.6 9.3v5.2M15.2 21h2.6" />`,
  candle: svg`<path d="M12 3c1.6 1.8 2.2 3.1 2.2 4.2a2.2 2.2 0 0 1-4.4 0c0-1.1.6-2.4 2.2-4.2zM12 9.4V11" /><rect x="9" y="11" width="6" height="10" rx="1" />`,
  sweep: svg`<path d="M7 21V8a5 5 0 0 1 10 0v13M4.5 21h15M9.6 11h4.8M9.6 14h4.8M9.6 17h4.8" />`,
};

export function tributeIcon(kind: TributeKind): TemplateResult {
  return html`<svg
    part="icon"
    class="icon"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="1.6"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${PATHS[kind]}
  </svg>`;
}

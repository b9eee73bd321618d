import { css } from 'lit';

/**
 * Styles every element built on `MemorialElement` shares: the host box, typography, focus
 * ring, the shared button, and the loading / error / empty states. Component tokens of the
 * shared pieces (`--memorial-button-*`, `--memorial-status-*`) are declared here.
 *
 * Parts: `base` (the wrapper), `status` (loading/empty/error box), `status-message`,
 * `retry-button`, `fallback` (the slot that shows the light-DOM fallback).
 */
export const baseStyles = css`
  :host {
    --memorial-button-background: var(--memorial-sys-color-accent);
    --memorial-button-background-hover: var(--memorial-sys-color-accent-hover);
    --memorial-button-color: var(--memorial-sys-color-on-accent);
    --memorial-button-border-color: var(--memorial-sys-color-border-strong);
    --memorial-button-radius: var(--memorial-sys-radius);
    --memorial-button-min-size: var(--memorial-sys-target-size);
    --memorial-button-padding-inline: var(--memorial-sys-space-l);
    --memorial-status-color: var(--memorial-sys-color-text-muted);
    --memorial-status-error-color: var(--memorial-sys-color-error);
    --memorial-status-background: var(--memorial-sys-color-surface-muted);
    --memorial-status-border-color: var(--memorial-sys-color-border);

    display: block;
    box-sizing: border-box;
    color: var(--memorial-sys-color-text);
    /* Text is set by the tokens alone. Inherited properties flow from the host element into the
       shadow root, and a careless site rule such as "* { font-size: 12px !important }" reaches
       the host element; !important here outranks it (inside the shadow root the innermost
       !important wins). Sites theme through the --memorial-* tokens instead. */
    font: 400 var(--memorial-sys-font-size) / var(--memorial-sys-line-height) var(--memorial-sys-font-family-hans) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-align: start !important;
    text-shadow: none !important;
    white-space: normal !important;
    word-break: normal !important;
    overflow-wrap: normal !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .base {
    /* not inherited from the host, whose box-sizing is the page's to set */
    box-sizing: border-box;
    background: var(--memorial-sys-color-surface);
    color: var(--memorial-sys-color-text);
    min-block-size: inherit;
  }
  .base:lang(zh-Hant) {
    font-family: var(--memorial-sys-font-family-hant);
  }
  .base:lang(en) {
    font-family: var(--memorial-sys-font-family-latin);
  }

  :focus-visible {
    outline: var(--memorial-sys-focus-width) solid var(--memorial-sys-color-focus);
    outline-offset: 2px;
  }

  /* The shared button: every interactive target is at least 44px (60px in elder mode). */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--memorial-sys-space-s);
    min-block-size: var(--memorial-button-min-size);
    min-inline-size: var(--memorial-button-min-size);
    padding: 0 var(--memorial-button-padding-inline);
    border: 1px solid var(--memorial-button-border-color);
    border-radius: var(--memorial-button-radius);
    background: var(--memorial-button-background);
    color: var(--memorial-button-color);
    font: inherit;
    line-height: 1.3;
    cursor: pointer;
    transition: background-color var(--memorial-sys-duration) linear;
  }
  .button:hover {
    background: var(--memorial-button-background-hover);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: default;
  }

  /* loading / empty / error */
  .status {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--memorial-sys-space-m);
    padding: var(--memorial-sys-space-m) var(--memorial-sys-space-l);
    border-inline-start: 3px solid var(--memorial-status-border-color);
    background: var(--memorial-status-background);
    color: var(--memorial-status-color);
  }
  .status-message {
    margin: 0;
  }
  .status.error .status-message {
    color: var(--memorial-status-error-color);
  }
  .muted {
    color: var(--memorial-sys-color-text-muted);
    font-size: var(--memorial-sys-font-size-small);
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

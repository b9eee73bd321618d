import { css } from 'lit';

/** <memorial-message-wall>'s own styles (after the shared tokens and base styles of its base class). */
export const messageWallStyles = css`
  :host {
    --memorial-message-wall-min-block-size: 20em;
    --memorial-message-wall-gap: var(--memorial-sys-space-l);
    --memorial-message-wall-divider-color: var(--memorial-sys-color-border);
    --memorial-message-wall-field-background: var(--memorial-sys-color-surface);
    --memorial-message-wall-field-border-color: var(--memorial-sys-color-border-strong);
    --memorial-message-wall-textarea-min-block-size: 8em;
    --memorial-message-wall-skeleton-color: var(--memorial-sys-color-surface-muted);
    --memorial-message-wall-notice-background: var(--memorial-sys-color-surface-muted);
    min-block-size: var(--memorial-message-wall-min-block-size);
  }
  .wall {
    display: flex;
    flex-direction: column;
    gap: var(--memorial-message-wall-gap);
    padding: var(--memorial-sys-space-m) 0;
  }
  .heading {
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
    line-height: 1.3;
  }
  .form-heading {
    margin: 0;
    font-size: 1.1em;
    font-weight: 600;
  }
  p {
    margin: 0;
  }

  /* the form */
  .form {
    display: flex;
    flex-direction: column;
    gap: var(--memorial-sys-space-m);
    padding-block-end: var(--memorial-message-wall-gap);
    border-block-end: 1px solid var(--memorial-message-wall-divider-color);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--memorial-sys-space-s);
  }
  label {
    font-weight: 600;
  }
  textarea,
  input {
    inline-size: 100%;
    min-block-size: var(--memorial-sys-target-size);
    padding: var(--memorial-sys-space-s) var(--memorial-sys-space-m);
    border: 1px solid var(--memorial-message-wall-field-border-color);
    border-radius: var(--memorial-sys-radius);
    background: var(--memorial-message-wall-field-background);
    color: var(--memorial-sys-color-text);
    font: inherit;
    line-height: var(--memorial-sys-line-height);
  }
  textarea {
    min-block-size: var(--memorial-message-wall-textarea-min-block-size);
    resize: vertical;
  }
  textarea[aria-invalid='true'],
  input[aria-invalid='true'] {
    border-color: var(--memorial-sys-color-error);
    border-width: 2px;
  }
  textarea[readonly],
  input[readonly] {
    background: var(--memorial-sys-color-surface-muted);
  }
  .counter.over,
  .field-error,
  .form-status.error {
    color: var(--memorial-sys-color-error);
  }
  .field-error {
    font-size: var(--memorial-sys-font-size-small);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--memorial-sys-space-m);
  }
  .form-status {
    padding: var(--memorial-sys-space-m) var(--memorial-sys-space-l);
    border-inline-start: 3px solid var(--memorial-sys-color-border-strong);
    background: var(--memorial-message-wall-notice-background);
  }
  .form-status.error {
    border-inline-start-color: var(--memorial-sys-color-error);
  }

  /* the list */
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .message {
    display: flex;
    flex-direction: column;
    gap: var(--memorial-sys-space-s);
    padding: var(--memorial-sys-space-m) 0;
    border-block-end: 1px solid var(--memorial-message-wall-divider-color);
  }
  .message:focus-visible,
  .reported:focus-visible,
  .report-confirm p:focus-visible {
    outline-offset: 4px;
  }
  .message-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .message-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--memorial-sys-space-s);
  }
  .message-signature {
    overflow-wrap: anywhere;
  }
  .report-confirm {
    padding: var(--memorial-sys-space-m);
    background: var(--memorial-message-wall-notice-background);
    display: flex;
    flex-direction: column;
    gap: var(--memorial-sys-space-s);
  }
  .reported {
    color: var(--memorial-sys-color-text-muted);
  }

  /* a quiet button: the report and load-more actions are not the page's call to action */
  .button.quiet {
    background: transparent;
    color: var(--memorial-sys-color-text);
    border-color: var(--memorial-sys-color-border-strong);
  }
  .button.quiet:hover {
    background: var(--memorial-sys-color-surface-muted);
  }
  .message-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 var(--memorial-sys-space-m);
  }
  /* the report action is there for whoever needs it, without drawing the eye */
  .button.subtle {
    padding: 0 var(--memorial-sys-space-m);
    border-color: transparent;
    background: transparent;
    color: var(--memorial-sys-color-text-muted);
    font-size: var(--memorial-sys-font-size-small);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .button.subtle:hover {
    background: var(--memorial-sys-color-surface-muted);
    color: var(--memorial-sys-color-text);
  }
  .load-more {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--memorial-sys-space-s);
  }

  /* loading: blocks of the final layout's size, no animation */
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: var(--memorial-sys-space-m);
  }
  .skeleton-block {
    block-size: 3em;
    background: var(--memorial-message-wall-skeleton-color);
  }
  .skeleton-block.short {
    block-size: 1.5em;
    inline-size: 40%;
  }

  @media (forced-colors: active) {
    textarea,
    input {
      border-color: CanvasText;
    }
    .skeleton-block {
      border: 1px solid CanvasText;
    }
  }
`;

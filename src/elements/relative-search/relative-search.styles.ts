import { css } from 'lit';

/** <memorial-relative-search>'s own styles (after the shared tokens and base styles of its base class). */
export const relativeSearchStyles = css`
  :host {
    --memorial-relative-search-min-block-size: 24em;
    --memorial-relative-search-gap: var(--memorial-sys-space-l);
    --memorial-relative-search-field-border-color: var(--memorial-sys-color-border-strong);
    --memorial-relative-search-panel-background: var(--memorial-sys-color-surface-muted);
    min-block-size: var(--memorial-relative-search-min-block-size);
  }
  .wrap,
  form,
  .results,
  .panel {
    display: flex;
    flex-direction: column;
    gap: var(--memorial-relative-search-gap);
  }
  .wrap {
    padding: var(--memorial-sys-space-m) 0;
  }
  form {
    gap: var(--memorial-sys-space-m);
  }
  .heading {
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
    line-height: 1.3;
  }
  .subheading {
    margin: 0;
    font-size: 1.1em;
    font-weight: 600;
  }
  p {
    margin: 0;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--memorial-sys-space-s);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--memorial-sys-space-m);
  }
  .row > .field {
    flex: 1 1 10em;
  }
  label {
    font-weight: 600;
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: var(--memorial-sys-space-s);
    min-block-size: var(--memorial-sys-target-size);
  }
  .check label {
    font-weight: 400;
  }
  .check input {
    inline-size: 1.25em;
    block-size: 1.25em;
    min-block-size: 0;
    margin-block-start: 0.2em;
    flex: none;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    inline-size: 100%;
    min-block-size: var(--memorial-sys-target-size);
    padding: var(--memorial-sys-space-s) var(--memorial-sys-space-m);
    border: 1px solid var(--memorial-relative-search-field-border-color);
    border-radius: var(--memorial-sys-radius);
    background: var(--memorial-sys-color-surface);
    color: var(--memorial-sys-color-text);
    font: inherit;
    line-height: var(--memorial-sys-line-height);
  }
  textarea {
    min-block-size: 6em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--memorial-sys-color-error);
    border-width: 2px;
    outline-color: var(--memorial-sys-color-error);
  }
  .field-error,
  .form-status {
    color: var(--memorial-sys-color-error);
    font-weight: 600;
  }
  .field-error {
    font-size: var(--memorial-sys-font-size-small);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--memorial-sys-space-m);
  }
  .panel {
    gap: var(--memorial-sys-space-s);
    padding: var(--memorial-sys-space-m) var(--memorial-sys-space-l);
    border-inline-start: 3px solid var(--memorial-sys-color-border-strong);
    background: var(--memorial-relative-search-panel-background);
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .result {
    display: flex;
    flex-direction: column;
    gap: var(--memorial-sys-space-s);
    padding: var(--memorial-sys-space-m) 0;
    border-block-end: 1px solid var(--memorial-sys-color-border);
  }
  .result-name {
    margin: 0;
    font-size: 1.15em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .result-meta {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0 var(--memorial-sys-space-m);
    margin: 0;
  }
  .result-meta dt {
    color: var(--memorial-sys-color-text-muted);
  }
  .result-meta dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--memorial-sys-space-s);
  }
  .badge {
    padding: 0 var(--memorial-sys-space-s);
    border: 1px solid var(--memorial-sys-color-border-strong);
    border-radius: var(--memorial-sys-radius);
    font-size: var(--memorial-sys-font-size-small);
  }
  .match-reason {
    font-weight: 600;
  }
  .button.quiet {
    background: transparent;
    color: var(--memorial-sys-color-text);
    border-color: var(--memorial-sys-color-border-strong);
  }
  .button.quiet:hover {
    background: var(--memorial-sys-color-surface-muted);
  }
  .reference {
    font-size: 1.25em;
    font-weight: 600;
    letter-spacing: 0.05em;
  }
  [tabindex='-1']:focus-visible {
    outline-offset: 4px;
  }
  @media (forced-colors: active) {
    input:not([type='checkbox']),
    select,
    textarea {
      border-color: CanvasText;
    }
  }
`;

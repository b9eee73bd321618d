import { css } from 'lit';

/** <memorial-martyr-card>'s own styles (after the shared tokens and base styles of its base class). */
export const martyrCardStyles = css`
  :host {
    --memorial-martyr-card-min-block-size: 16em;
    --memorial-martyr-card-padding: var(--memorial-sys-space-l);
    --memorial-martyr-card-border-color: var(--memorial-sys-color-border);
    --memorial-martyr-card-name-font-size: 1.5em;
    --memorial-martyr-card-photo-inline-size: 8em;
    --memorial-martyr-card-label-color: var(--memorial-sys-color-text-muted);
    --memorial-martyr-card-placeholder-background: var(--memorial-sys-color-surface-muted);

    min-block-size: var(--memorial-martyr-card-min-block-size);
  }
  :host([variant='compact']) {
    --memorial-martyr-card-min-block-size: 6em;
    --memorial-martyr-card-name-font-size: 1.25em;
    --memorial-martyr-card-photo-inline-size: 4.5em;
  }

  .card {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--memorial-sys-space-m) var(--memorial-sys-space-l);
    min-block-size: inherit;
    margin: 0;
    padding: var(--memorial-martyr-card-padding);
    border: 1px solid var(--memorial-martyr-card-border-color);
  }
  .media {
    flex: 0 0 var(--memorial-martyr-card-photo-inline-size);
    inline-size: var(--memorial-martyr-card-photo-inline-size);
    block-size: calc(var(--memorial-martyr-card-photo-inline-size) * 1.25);
  }
  .photo,
  .placeholder {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    border: 1px solid var(--memorial-martyr-card-border-color);
  }
  .photo {
    object-fit: cover;
  }
  .placeholder {
    display: flex;
    align-items: center;
    justify-content: center;
    background: var(--memorial-martyr-card-placeholder-background);
    color: var(--memorial-sys-color-text-muted);
  }
  .placeholder svg {
    inline-size: 60%;
    block-size: 60%;
  }
  .body {
    flex: 1 1 16em;
    min-inline-size: 0;
  }
  :host([variant='compact']) .body {
    flex-basis: 12em;
  }
  .name {
    margin: 0;
    font-size: var(--memorial-martyr-card-name-font-size);
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .sample {
    margin: 0.25em 0 0;
  }
  .seeking {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--memorial-sys-space-s) var(--memorial-sys-space-m);
    margin-block-start: var(--memorial-sys-space-m);
  }
  .seeking-link {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--memorial-button-min-size);
    padding: 0 var(--memorial-sys-space-m);
    border: 1px solid var(--memorial-sys-color-accent);
    border-radius: var(--memorial-button-radius);
    color: var(--memorial-sys-color-accent);
    text-underline-offset: 0.2em;
  }
  .seeking-link:hover {
    background: var(--memorial-sys-color-surface-muted);
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(18em, 1fr));
    gap: 0.25em var(--memorial-sys-space-l);
    margin: var(--memorial-sys-space-m) 0 0;
  }
  .field {
    display: flex;
    gap: var(--memorial-sys-space-m);
  }
  dt {
    flex: 0 0 7.5em;
    color: var(--memorial-martyr-card-label-color);
  }
  :host([variant='compact']) dt {
    flex-basis: 5em;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .biography {
    margin-block-start: var(--memorial-sys-space-l);
  }
  .biography-title {
    margin: 0 0 var(--memorial-sys-space-s);
    font-size: 1.1em;
    font-weight: 600;
  }
  .biography-text {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--memorial-sys-space-m);
    margin-block-start: var(--memorial-sys-space-l);
  }
  .actions.empty {
    display: none;
  }

  .skeleton .bar {
    display: block;
    block-size: 1em;
    margin-block-start: 0.75em;
    background: var(--memorial-martyr-card-placeholder-background);
  }
  .skeleton .bar.title {
    inline-size: 8em;
    block-size: var(--memorial-martyr-card-name-font-size);
    margin: 0;
  }
  .skeleton .bar.short {
    inline-size: 60%;
  }
  .skeleton .placeholder {
    border-color: transparent;
  }
`;

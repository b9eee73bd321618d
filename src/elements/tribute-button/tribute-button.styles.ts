import { css } from 'lit';

/** <memorial-tribute-button>'s own styles (after the shared tokens and base styles of its base class). */
export const tributeButtonStyles = css`
  :host {
    --memorial-tribute-button-min-block-size: var(--memorial-button-min-size);
    --memorial-tribute-button-offered-background: var(--memorial-sys-color-surface-muted);
    --memorial-tribute-button-offered-color: var(--memorial-sys-color-accent);
    --memorial-tribute-button-offered-border-color: var(--memorial-sys-color-accent);
    --memorial-tribute-button-count-color: var(--memorial-sys-color-text-muted);

    display: inline-block;
    vertical-align: top;
    min-block-size: var(--memorial-tribute-button-min-block-size);
  }
  .tribute {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.25em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--memorial-sys-space-s) var(--memorial-sys-space-m);
  }
  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
  .button[aria-pressed='true'],
  .button[aria-pressed='true']:hover {
    background: var(--memorial-tribute-button-offered-background);
    color: var(--memorial-tribute-button-offered-color);
    border-color: var(--memorial-tribute-button-offered-border-color);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
  }
  .counts {
    display: inline-flex;
    flex-direction: column;
    color: var(--memorial-tribute-button-count-color);
    font-size: var(--memorial-sys-font-size-small);
    line-height: 1.3;
  }
  .count {
    font-variant-numeric: tabular-nums;
  }
  .message {
    /* wraps within the width of the button and counts instead of widening them */
    inline-size: 0;
    min-inline-size: 100%;
    margin: 0;
    color: var(--memorial-sys-color-text-muted);
    font-size: var(--memorial-sys-font-size-small);
  }
  .message.error {
    color: var(--memorial-status-error-color);
  }
  /* State changes are instant (no colour ever passes through low contrast); the one
     acknowledgement is the drawing settling in once an offer is confirmed. */
  .button {
    transition: none;
  }
  .acknowledged .icon {
    animation: memorial-tribute-ack calc(var(--memorial-sys-duration) * 5) ease-out;
  }
  @keyframes memorial-tribute-ack {
    from {
      opacity: 0.2;
      transform: scale(0.85);
    }
    to {
      opacity: 1;
      transform: none;
    }
  }
  @media (forced-colors: active) {
    .button[aria-pressed='true'] {
      border-width: 3px;
    }
  }
`;

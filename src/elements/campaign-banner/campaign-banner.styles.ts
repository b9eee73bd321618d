import { css } from 'lit';

/** <memorial-campaign-banner>'s own styles (after the shared tokens and base styles of its base class). */
export const campaignBannerStyles = css`
  :host {
    --memorial-campaign-banner-min-block-size: 4.5em;
    --memorial-campaign-banner-accent: var(--memorial-sys-color-accent);
    --memorial-campaign-banner-title-font-size: 1.25em;
    --memorial-campaign-banner-float-inset: 16px;
    --memorial-campaign-banner-float-max-inline-size: 20em;
  }
  :host([variant='card']) {
    --memorial-campaign-banner-min-block-size: 10em;
  }
  /* 国家公祭日 mourns: sober, no red or gold accent (the rule and the theme word take the muted grey of the text) */
  :host([tone='mourning']) {
    --memorial-campaign-banner-accent: var(--memorial-sys-color-text-muted);
  }
  :host([phase='ended']:not([after='link'])),
  :host([closed]) {
    display: none !important;
  }
  .base {
    background: none;
  }
  .pending {
    min-block-size: var(--memorial-campaign-banner-min-block-size);
    font-size: var(--memorial-sys-font-size);
  }
  /* Once the campaign shows, nothing is inherited from the host page (its global CSS reaches
     the host element, e.g. "* { font-size: 12px }", and would flow down from there): every
     property starts from its initial value and the banner sets what it needs. The fallback
     state keeps inheriting, so the page's own link looks like the page. */
  .own {
    all: initial;
    display: block;
    box-sizing: border-box;
    color: var(--memorial-sys-color-text);
    font-family: var(--memorial-sys-font-family-hans);
    font-size: var(--memorial-sys-font-size);
    line-height: var(--memorial-sys-line-height);
  }
  .own:lang(zh-Hant) {
    font-family: var(--memorial-sys-font-family-hant);
  }
  .own:lang(en) {
    font-family: var(--memorial-sys-font-family-latin);
  }
  [popover]:not(:popover-open) {
    display: none;
  }
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--memorial-sys-space-m) var(--memorial-sys-space-l);
    padding: var(--memorial-sys-space-m) var(--memorial-sys-space-l);
    border: 1px solid var(--memorial-sys-color-border);
    border-block-start: 3px solid var(--memorial-campaign-banner-accent);
    background: var(--memorial-sys-color-surface);
  }
  .text {
    flex: 1 1 16em;
    min-inline-size: 0;
  }
  p {
    margin: 0;
  }
  .label,
  .dates {
    color: var(--memorial-sys-color-text-muted);
    font-size: var(--memorial-sys-font-size-small);
  }
  .label:lang(zh) {
    letter-spacing: 0.1em;
  }
  .title {
    font-size: var(--memorial-campaign-banner-title-font-size);
    font-weight: 700;
    line-height: 1.4;
  }
  .theme {
    color: var(--memorial-campaign-banner-accent);
    letter-spacing: 0.05em;
  }
  .countdown {
    font-weight: 700;
  }
  a {
    text-decoration: none;
  }
  .link {
    flex: none;
  }
  .plain {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--memorial-button-min-size);
    color: var(--memorial-sys-color-text);
    text-decoration: underline;
  }
  .plain:hover {
    text-decoration-thickness: 2px;
  }
  /* between campaigns: one quiet line, muted and small */
  .next {
    font-size: var(--memorial-sys-font-size-small);
  }
  .next .plain {
    color: var(--memorial-sys-color-text-muted);
  }
  :host([variant='card']) .banner {
    flex-direction: column;
    align-items: stretch;
  }
  :host([variant='card']) .text {
    flex: none;
  }

  /* float: a popover in the top layer where supported, position: fixed otherwise */
  .float {
    position: fixed;
    inset: auto;
    inset-block-end: var(--memorial-campaign-banner-float-inset);
    inset-inline-end: var(--memorial-campaign-banner-float-inset);
    z-index: 2147483000;
    margin: 0;
    padding: 0;
    border: 0;
    inline-size: max-content;
    max-inline-size: min(var(--memorial-campaign-banner-float-max-inline-size), calc(100vw - 2 * var(--memorial-campaign-banner-float-inset)));
    max-block-size: calc(100vh - 2 * var(--memorial-campaign-banner-float-inset));
    overflow: auto;
  }
  .float .banner {
    position: relative;
    flex-direction: column;
    align-items: flex-start;
    padding-inline-end: calc(var(--memorial-button-min-size) + var(--memorial-sys-space-s));
  }
  .float .text {
    flex: none;
  }
  .close {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: var(--memorial-button-min-size);
    min-block-size: var(--memorial-button-min-size);
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--memorial-sys-color-text);
    font: inherit;
    font-size: 1.5em;
    line-height: 1;
    cursor: pointer;
  }
  .close:hover {
    background: var(--memorial-sys-color-surface-muted);
  }
  @media print {
    .float {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .banner {
      border-color: CanvasText;
    }
    .close {
      border: 1px solid ButtonText;
    }
  }
`;

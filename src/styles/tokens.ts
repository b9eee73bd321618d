import { css } from 'lit';

/**
 * Design tokens, in three tiers, all CSS custom properties named `--memorial-*`:
 *
 * 1. reference (`--memorial-ref-*`): the raw palette and scales. Ink, stone and the white of a
 *    chrysanthemum, with pine green (松柏) as the one accent and a muted cinnabar for errors.
 * 2. system (`--memorial-sys-*`): what a value is for (text colour, body size, target size…),
 *    built from reference tokens. Elder mode and the contrast/forced-colour media queries
 *    switch system tokens only.
 * 3. component (`--memorial-<component>-*`): one per themable property of a piece, built from
 *    system tokens, declared in that component's styles.
 *
 * Tokens are declared on `:host`, so a site themes an element by setting them on the element
 * itself, e.g. `memorial-martyr-card { --memorial-sys-color-accent: #3a2f24; }` (page rules
 * beat `:host` rules). Sizes are px or em relative to the host, never rem: the host page's
 * root font size is not ours to depend on.
 *
 * test/node/tokens.test.ts fails when a token is used but not declared, or declared and unused.
 */
export const tokenStyles = css`
  :host {
    /* 1. reference */
    --memorial-ref-color-ink-900: #1b1c1a;
    --memorial-ref-color-ink-700: #3a3b37;
    --memorial-ref-color-stone-600: #55564f;
    --memorial-ref-color-stone-300: #b8b7ae;
    --memorial-ref-color-stone-100: #efeee8;
    --memorial-ref-color-chrysanthemum-50: #fbfaf6;
    --memorial-ref-color-white: #ffffff;
    --memorial-ref-color-black: #000000;
    --memorial-ref-color-pine-800: #26392f;
    --memorial-ref-color-pine-900: #17251e;
    --memorial-ref-color-cinnabar-800: #8a2a1f;
    --memorial-ref-font-family-hans: system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif;
    --memorial-ref-font-family-hant: system-ui, -apple-system, 'PingFang TC', 'PingFang HK', 'Microsoft JhengHei', 'Noto Sans CJK TC', 'Source Han Sans TC', sans-serif;
    --memorial-ref-font-family-latin: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --memorial-ref-font-size-14: 14px;
    --memorial-ref-font-size-16: 16px;
    --memorial-ref-font-size-18: 18px;
    --memorial-ref-font-size-20: 20px;
    --memorial-ref-line-height-normal: 1.5;
    --memorial-ref-line-height-loose: 1.7;
    --memorial-ref-size-44: 44px;
    --memorial-ref-size-60: 60px;
    --memorial-ref-radius-small: 2px;
    --memorial-ref-space-2: 0.5em;
    --memorial-ref-space-3: 0.75em;
    --memorial-ref-space-4: 1em;
    --memorial-ref-duration-short: 120ms;

    /* 2. system */
    --memorial-sys-color-surface: var(--memorial-ref-color-chrysanthemum-50);
    --memorial-sys-color-surface-muted: var(--memorial-ref-color-stone-100);
    --memorial-sys-color-text: var(--memorial-ref-color-ink-900);
    --memorial-sys-color-text-muted: var(--memorial-ref-color-stone-600);
    --memorial-sys-color-border: var(--memorial-ref-color-stone-300);
    --memorial-sys-color-border-strong: var(--memorial-ref-color-ink-700);
    --memorial-sys-color-accent: var(--memorial-ref-color-pine-800);
    --memorial-sys-color-accent-hover: var(--memorial-ref-color-pine-900);
    --memorial-sys-color-on-accent: var(--memorial-ref-color-white);
    --memorial-sys-color-error: var(--memorial-ref-color-cinnabar-800);
    --memorial-sys-color-focus: var(--memorial-ref-color-ink-900);
    --memorial-sys-font-family-hans: var(--memorial-ref-font-family-hans);
    --memorial-sys-font-family-hant: var(--memorial-ref-font-family-hant);
    --memorial-sys-font-family-latin: var(--memorial-ref-font-family-latin);
    --memorial-sys-font-size: var(--memorial-ref-font-size-16);
    --memorial-sys-font-size-small: var(--memorial-ref-font-size-14);
    --memorial-sys-line-height: var(--memorial-ref-line-height-normal);
    --memorial-sys-target-size: var(--memorial-ref-size-44);
    --memorial-sys-radius: var(--memorial-ref-radius-small);
    --memorial-sys-space-s: var(--memorial-ref-space-2);
    --memorial-sys-space-m: var(--memorial-ref-space-3);
    --memorial-sys-space-l: var(--memorial-ref-space-4);
    --memorial-sys-focus-width: 3px;
    --memorial-sys-duration: var(--memorial-ref-duration-short);
  }

  /*
   * Elder mode (MIIT 适老化): text ≥18px, line height ≥1.3, targets ≥60px. !important inside a
   * shadow root outranks the page's own rules, so a site theme cannot shrink elder-mode text;
   * a site that wants it larger still can, through the reference tokens.
   */
  :host([elder-mode]),
  :host([elder-active]) {
    --memorial-sys-font-size: var(--memorial-ref-font-size-20) !important;
    --memorial-sys-font-size-small: var(--memorial-ref-font-size-18) !important;
    --memorial-sys-line-height: var(--memorial-ref-line-height-loose) !important;
    --memorial-sys-target-size: var(--memorial-ref-size-60) !important;
    --memorial-sys-color-text-muted: var(--memorial-ref-color-ink-700);
  }

  @media (prefers-contrast: more) {
    :host {
      --memorial-sys-color-surface: var(--memorial-ref-color-white);
      --memorial-sys-color-text: var(--memorial-ref-color-black);
      --memorial-sys-color-text-muted: var(--memorial-ref-color-black);
      --memorial-sys-color-border: var(--memorial-ref-color-black);
      --memorial-sys-color-border-strong: var(--memorial-ref-color-black);
      --memorial-sys-color-focus: var(--memorial-ref-color-black);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --memorial-sys-duration: 0s;
    }
  }

  @media (forced-colors: active) {
    :host {
      --memorial-sys-color-surface: Canvas;
      --memorial-sys-color-surface-muted: Canvas;
      --memorial-sys-color-text: CanvasText;
      --memorial-sys-color-text-muted: CanvasText;
      --memorial-sys-color-border: CanvasText;
      --memorial-sys-color-border-strong: CanvasText;
      --memorial-sys-color-accent: ButtonFace;
      --memorial-sys-color-accent-hover: ButtonFace;
      --memorial-sys-color-on-accent: ButtonText;
      --memorial-sys-color-error: CanvasText;
      --memorial-sys-color-focus: Highlight;
    }
  }
`;

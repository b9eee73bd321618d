import { css } from 'lit';

/** <memorial-provider>'s own styles (after the shared tokens and base styles of its base class). */
export const providerStyles = css`
  :host {
    display: contents;
  }
`;

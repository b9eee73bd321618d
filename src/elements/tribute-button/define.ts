import { define } from '../shared/define.js';
import { MemorialTributeButton } from './tribute-button.js';

define('memorial-tribute-button', MemorialTributeButton);

declare global {
  interface HTMLElementTagNameMap {
    'memorial-tribute-button': MemorialTributeButton;
  }
}

export { MemorialTributeButton };

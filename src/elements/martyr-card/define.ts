import { define } from '../shared/define.js';
import { MemorialMartyrCard } from './martyr-card.js';

define('memorial-martyr-card', MemorialMartyrCard);

declare global {
  interface HTMLElementTagNameMap {
    'memorial-martyr-card': MemorialMartyrCard;
  }
}

export { MemorialMartyrCard };

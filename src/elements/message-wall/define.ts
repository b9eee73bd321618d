import { define } from '../shared/define.js';
import { MemorialMessageWall } from './message-wall.js';

define('memorial-message-wall', MemorialMessageWall);

declare global {
  interface HTMLElementTagNameMap {
    'memorial-message-wall': MemorialMessageWall;
  }
}

export { MemorialMessageWall };

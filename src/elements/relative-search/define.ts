import { define } from '../shared/define.js';
import { MemorialRelativeSearch } from './relative-search.js';

define('memorial-relative-search', MemorialRelativeSearch);

declare global {
  interface HTMLElementTagNameMap {
    'memorial-relative-search': MemorialRelativeSearch;
  }
}

export { MemorialRelativeSearch };

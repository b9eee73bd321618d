import { define } from '../shared/define.js';
import { MemorialProvider } from './provider.js';

define('memorial-provider', MemorialProvider);

declare global {
  interface HTMLElementTagNameMap {
    'memorial-provider': MemorialProvider;
  }
}

export { MemorialProvider };

/**
 * The single self-contained CDN file (dist/cdn/memorial-elements.min.js): every dependency
 * bundled, every element defined.
 *
 *   <script type="module" src="…/memorial-elements.min.js"></script>
 *   <script type="module">
 *     import { createMemorialClient } from '…/memorial-elements.min.js';
 *   </script>
 *
 * The provider is defined first so elements inside it never see a page without it.
 */
import './elements/provider/define.js';
import './elements/message-wall/define.js';
import './elements/martyr-card/define.js';
import './elements/tribute-button/define.js';
import './elements/campaign-banner/define.js';
import './elements/relative-search/define.js';

export * from './index.js';

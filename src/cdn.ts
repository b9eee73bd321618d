/**
 * The single self-contained CDN file (dist/cdn/memorial-elements.min.js):
 *
 *   <script type="module" src="…/memorial-elements.min.js"></script>
 *   <script type="module">
 *     import { createMemorialClient } from '…/memorial-elements.min.js';
 *   </script>
 *
 * It bundles every dependency (lit, @lit/context, ky, zod/mini). Later it also imports every
 * element's define module (side effects: customElements.define), e.g.
 *   import './elements/martyr-card/define.js';
 * For now it exports the SDK.
 */
export * from './index.js';

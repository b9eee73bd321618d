// Vite 8 build of the Vue 3 example: `npm run build:demos` (after rollup) writes
// dist/demo/vue/, served by `npm start` at /dist/demo/vue/index.html.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

/**
 * Resolves `memorial-elements` and its subpaths the way an installed copy would, through the
 * package's own `exports` map (Node's self-reference from inside the package): the app uses
 * the BUILT files in dist/, exactly what npm users get. Run `npm run build` (rollup) first.
 */
function memorialElementsFromDist(): Plugin {
  return {
    name: 'memorial-elements-from-dist',
    enforce: 'pre',
    resolveId(id) {
      if (id !== 'memorial-elements' && !id.startsWith('memorial-elements/')) return null;
      return fileURLToPath(import.meta.resolve(id));
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs: the app works wherever dist/demo/vue/ is served from.
  base: './',
  plugins: [
    memorialElementsFromDist(),
    // memorial-* tags are custom elements, not Vue components: Vue creates them with
    // document.createElement, sets bound values as DOM properties when the element has them,
    // and adds @memorial-… listeners with addEventListener.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('memorial-') } } }),
  ],
  // One copy of Lit and its helpers for every element, whoever imports them.
  resolve: { dedupe: ['lit', '@lit/context', 'vue'] },
  build: {
    outDir: fileURLToPath(new URL('../../dist/demo/vue/', import.meta.url)),
    emptyOutDir: true,
    // Never inline assets as data: URLs or the module preload polyfill as inline script: the
    // pages are served under `script-src 'self'; style-src 'self'`.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  logLevel: 'warn',
});

// Vite 8 build of the Vue 3 example: `npm run build:demos` (after rollup) writes
// dist/demo/vue/, served by `npm start` at /dist/demo/vue/index.html.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { memorialElementsFromDist } from '../shared/vite-memorial-elements.js';

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

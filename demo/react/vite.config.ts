// Vite 8 build of the React 19 example: `npm run build:demos` (after rollup) writes
// dist/demo/react/, served by `npm start` at /dist/demo/react/index.html.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { memorialElementsFromDist } from '../shared/vite-memorial-elements.js';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs: the app works wherever dist/demo/react/ is served from.
  base: './',
  plugins: [memorialElementsFromDist()],
  // One copy of Lit and its helpers for every element, whoever imports them.
  resolve: { dedupe: ['lit', '@lit/context', 'react', 'react-dom'] },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/demo/react/', import.meta.url)),
    emptyOutDir: true,
    // Never inline assets as data: URLs or the module preload polyfill as inline script: the
    // pages are served under `script-src 'self'; style-src 'self'`.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  logLevel: 'warn',
});

/// <reference types="mocha" />
/**
 * The Vue 3 example (demo/vue), BUILT by `npm run build` into dist/demo/vue/: Vue sets `:martyr`
 * and the other bindings as properties and adds `@memorial-…` listeners.
 */
import { ENGINE } from './app-frame.js';
import { describeExampleApp } from './example-app.js';

describeExampleApp({
  framework: 'Vue 3',
  page: '/dist/demo/vue/index.html',
  martyrId: `sample-0${260 + ENGINE}`,
  mountSelector: '#app',
});

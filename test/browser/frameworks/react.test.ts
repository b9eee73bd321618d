/// <reference types="mocha" />
/**
 * The React 19 example (demo/react), BUILT by `npm run build` into dist/demo/react/: React sets
 * `martyr` and the other bindings as properties and adds `onmemorial-…` props as listeners.
 */
import { ENGINE } from './app-frame.js';
import { describeExampleApp } from './example-app.js';

describeExampleApp({
  framework: 'React 19',
  page: '/dist/demo/react/index.html',
  martyrId: `sample-0${250 + ENGINE}`,
  mountSelector: '#root',
});

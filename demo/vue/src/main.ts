// Defines the elements before Vue renders: Vue sets a bound value as a DOM property only when
// the element already has it, so an undefined tag would get `martyr="[object Object]"` instead.
import 'memorial-elements/elements/provider.define.js';
import 'memorial-elements/elements/martyr-card.define.js';
import 'memorial-elements/elements/tribute-button.define.js';
import 'memorial-elements/elements/message-wall.define.js';
import 'memorial-elements/elements/relative-search.define.js';
import { createApp } from 'vue';
import App from './App.vue';
import '../../shared/example-app.css';

createApp(App, {
  apiBase: location.origin,
  martyrId: new URLSearchParams(location.search).get('martyr') ?? 'sample-0001',
}).mount('#app');

// Defines the elements before React renders: React 19 sets a prop as a DOM property only when
// the element already has it, so an undefined tag would get `martyr="[object Object]"` instead.
import 'memorial-elements/elements/provider.define.js';
import 'memorial-elements/elements/martyr-card.define.js';
import 'memorial-elements/elements/tribute-button.define.js';
import 'memorial-elements/elements/message-wall.define.js';
import 'memorial-elements/elements/relative-search.define.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import '../../shared/example-app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App apiBase={location.origin} martyrId={new URLSearchParams(location.search).get('martyr') ?? 'sample-0001'} />
  </StrictMode>,
);

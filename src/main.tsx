import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles/theme.css';
import './ui/styles/layout.css';
import './ui/styles/canvas.css';
import './ui/styles/panels.css';
import './ui/styles/inspector.css';
import { installKindColours } from './ui/styles/kindColours.ts';
import { App } from './App.tsx';
import { useAppStore } from './store/index.ts';
import { bootstrap, followAddress } from './ui/layout/bootstrap.ts';
import { autorunIfAsked } from './ui/share/autorun.ts';
import { connectRunClient, deferredRunClient } from './ui/lazy/deferredRunClient.ts';
import { afterFirstPaint } from './ui/lazy/firstPaint.ts';

installKindColours();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Decide what to open before the first paint, so the canvas fits the right document. The
// first paint waits for nothing else: the lesson shows as plain text until its Markdown chunk
// arrives, and the worker is started (and an autorun run) once the page has painted.
void bootstrap(useAppStore, { search: location.search, hash: location.hash }).then((start) => {
  createRoot(root, {
    // A panel's boundary shows the failure and offers Try again: a warning, not an error.
    onCaughtError: (error, info) =>
      console.warn('A panel failed to render:', error, info.componentStack),
  }).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  followAddress(useAppStore, start);
  afterFirstPaint(() => {
    if (!autorunIfAsked(start, () => deferredRunClient)) void connectRunClient();
  });
});

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
import { getRunClient } from './ui/run/runConnection.ts';
import { loadSafeMarkdown } from './ui/lesson/LazyMarkdown.tsx';

installKindColours();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The lesson's Markdown chunk downloads while the document loads. It usually lands with the
// document; the first paint waits for it at most a moment (so the lesson does not flash as plain
// text) and never longer: a late chunk means plain text until it arrives.
const markdown = loadSafeMarkdown().catch(() => undefined);
const markdownOrMoment = () =>
  Promise.race([markdown, new Promise((resolve) => setTimeout(resolve, 150))]);
// Decide what to open before the first paint, so the canvas fits the right document.
void bootstrap(useAppStore, { search: location.search, hash: location.hash }).then(
  async (start) => {
    await markdownOrMoment();
    createRoot(root, {
      // A panel's boundary shows the failure and offers Try again: a warning, not an error.
      onCaughtError: (error, info) =>
        console.warn('A panel failed to render:', error, info.componentStack),
    }).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    autorunIfAsked(start, getRunClient);
    followAddress(useAppStore, start);
  },
);

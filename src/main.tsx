import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles/theme.css';
import './ui/styles/layout.css';
import './ui/styles/canvas.css';
import './ui/styles/panels.css';
import './ui/styles/inspector.css';
import { App } from './App.tsx';
import { useAppStore } from './store/index.ts';
import { bootstrap } from './ui/layout/bootstrap.ts';
import { autorunIfAsked } from './ui/share/autorun.ts';
import { getRunClient } from './ui/run/runConnection.ts';
import { loadSafeMarkdown } from './ui/lesson/LazyMarkdown.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The lesson's Markdown chunk downloads while the document loads (not awaited: the canvas
// paints without it, and the lesson shows plain text if it is late).
void loadSafeMarkdown().catch(() => undefined);
// Decide what to open before the first paint, so the canvas fits the right document.
void bootstrap(useAppStore, { search: location.search, hash: location.hash }).then((start) => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  autorunIfAsked(start, getRunClient);
});

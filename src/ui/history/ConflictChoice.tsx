/**
 * The choice ConflictNotice offers when another tab saved newer work. Either choice keeps both
 * versions: the one not chosen goes into Recent work.
 */
import { useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import { currentWorkspace } from '../../store/workspace.ts';
import { openAnotherDocument } from '../analysis/variants.ts';
import './history.css';

export function ConflictChoice() {
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);

  const choose = async (take: 'theirs' | 'mine') => {
    const ws = currentWorkspace();
    if (!ws || busy) return;
    setBusy(true);
    try {
      const latest = await ws.readLatest();
      const mine = useAppStore.getState().doc;
      if (!latest?.doc) {
        // Nothing readable there: this tab's version is the work.
        ws.adopt(latest?.rev ?? 0);
      } else if (take === 'theirs') {
        ws.adopt(latest.rev, latest.doc);
        openAnotherDocument(latest.doc);
        notify('info', `Opened the newer work. This tab's "${mine.name}" is in Recent work.`);
      } else {
        await ws.keepInRecent(latest.doc, mine);
        ws.adopt(latest.rev);
        notify(
          'info',
          `Kept this tab's version. The other tab's "${latest.doc.name}" is in Recent work.`,
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="conflict" role="alert">
      <p className="conflict__text">
        Another tab saved newer work. This tab saves nothing until you choose; neither version is
        lost: the other goes into Recent work.
      </p>
      <div className="conflict__actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void choose('theirs')}>
          Open the newer work
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void choose('mine')}>
          Keep this tab’s version
        </button>
      </div>
    </div>
  );
}

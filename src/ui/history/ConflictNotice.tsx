/**
 * Two tabs on the same saved work: when another tab saved newer work, this tab writes nothing and
 * asks. Either choice keeps both versions: the one not chosen goes into Recent work.
 */
import { useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import { currentWorkspace, useWorkspaceStore } from '../../store/workspace.ts';
import { openAnotherDocument } from '../analysis/variants.ts';
import './history.css';

export function ConflictNotice() {
  const conflict = useWorkspaceStore((s) => s.save === 'conflict');
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  if (!conflict) return null;

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

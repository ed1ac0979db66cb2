/**
 * "Recent work": the documents that a link, a preset, an import, Blank canvas or another tab
 * replaced, newest first, each with its name, node count and when it was replaced. Restoring one
 * is like opening any document: what is open now goes into the list too, and Undo steps back.
 * Delete forgets one entry (here and in storage).
 */
import { useEffect } from 'react';
import { loadScenario } from '../../model/load.ts';
import { useAppStore } from '../../store/index.ts';
import type { RecentEntry } from '../../store/recentWork.ts';
import { warningNote } from '../../store/warningNote.ts';
import { currentWorkspace, useWorkspaceStore } from '../../store/workspace.ts';
import { DROPPED_B_NOTE, openAnotherDocument } from '../analysis/variants.ts';
import { Popover } from '../share/Popover.tsx';
import './history.css';

export function RecentWorkMenu() {
  return (
    <Popover label="Recent work" title="Documents replaced by a link, a preset or an import" wide>
      {(close) => <RecentList onChosen={close} />}
    </Popover>
  );
}

function when(ms: number): string {
  const d = new Date(ms);
  const sameDay = d.toDateString() === new Date().toDateString();
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return sameDay ? time : `${d.toLocaleDateString()} ${time}`;
}

function nodes(n: number): string {
  return `${n} node${n === 1 ? '' : 's'}`;
}

function RecentList({ onChosen }: { onChosen: () => void }) {
  const recent = useWorkspaceStore((s) => s.recent);
  const notify = useAppStore((s) => s.notify);

  // Another tab may have added entries since this one started.
  useEffect(() => {
    void currentWorkspace()?.refreshRecent();
  }, []);

  const restore = (entry: RecentEntry) => {
    const loaded = loadScenario(entry.doc);
    if (!loaded.ok) {
      notify('error', `"${entry.name}" could not be restored: ${loaded.error}`);
      return;
    }
    const droppedB = openAnotherDocument(loaded.scenario);
    notify(
      'info',
      `Restored "${entry.name}". Undo (Ctrl+Z) brings back what was open; it is in Recent work too.${warningNote(loaded.warnings)}${droppedB ? DROPPED_B_NOTE : ''}`,
    );
    onChosen();
  };

  const forget = async (entry: RecentEntry) => {
    const ws = currentWorkspace();
    if (!ws) return;
    if (!(await ws.forgetRecent(entry.id))) {
      notify(
        'error',
        `"${entry.name}" was taken off this list, but this browser's storage refused the change: it may come back after a reload.`,
      );
    }
  };

  return (
    <>
      <h2>Recent work</h2>
      <p className="popover__note">
        What a link, a preset, an import or Blank canvas replaced, newest first. Restoring one keeps
        what is open now here too; Delete forgets an entry for good.
      </p>
      {recent.length === 0 ? (
        <p className="popover__note">Nothing replaced yet.</p>
      ) : (
        <ul className="recent__list" aria-label="Recent work">
          {recent.map((e) => (
            <li key={e.id} className="recent__entry">
              <button
                type="button"
                className="presets__item recent__item"
                aria-label={`Restore "${e.name}", ${nodes(e.nodeCount)}, replaced at ${when(e.savedAt)} by "${e.replacedBy}"`}
                onClick={() => restore(e)}
              >
                <span className="recent__name">{e.name}</span>
                <span className="recent__meta">
                  {nodes(e.nodeCount)} · {when(e.savedAt)} · replaced by {e.replacedBy}
                </span>
              </button>
              <button
                type="button"
                className="btn recent__delete"
                aria-label={`Delete "${e.name}" (replaced at ${when(e.savedAt)}) from Recent work`}
                title="Delete from Recent work"
                onClick={() => void forget(e)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

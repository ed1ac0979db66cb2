/**
 * The status row's entry to the kept runs. It starts keeping runs once the page has painted,
 * and loads the list's panel the first time it is opened.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { RUN_HISTORY_PANEL_ID, useRunHistory } from './runHistoryStore.ts';

const RunHistoryPanel = lazy(() => import('./RunHistoryPanel.tsx'));

export function RunHistoryButton() {
  const open = useRunHistory((s) => s.open);
  const setOpen = useRunHistory((s) => s.setOpen);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void import('./recordRuns.ts').then((m) => {
      if (!gone) stop = m.startRecordingRuns();
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
  return (
    <>
      <button
        type="button"
        className="btn btn--small"
        aria-expanded={open}
        aria-controls={RUN_HISTORY_PANEL_ID}
        title="The runs finished in this browser: open one's figures, compare two"
        onClick={() => {
          setOpened(true);
          setOpen(!open);
        }}
      >
        Runs
      </button>
      {opened && (
        <Suspense fallback={null}>
          <RunHistoryPanel />
        </Suspense>
      )}
    </>
  );
}

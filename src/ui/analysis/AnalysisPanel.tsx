/**
 * The "Analyze" drawer: Compare, Load sweep, Param sweep, Replications, Theory. It stays mounted while closed
 * so a running sweep goes on and the last results are still there when it opens again.
 */
import { useEffect, useRef } from 'react';
import { useAnalysisStore, type AnalysisTab } from './analysisStore.ts';
import { ANALYSIS_DRAWER_ID, ANALYZE_BUTTON_ID } from './AnalyzeButton.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { ParamSweepPanel } from './ParamSweepPanel.tsx';
import { ReplicationsPanel } from './ReplicationsPanel.tsx';
import { SweepPanel } from './SweepPanel.tsx';
import { TheoryPanel } from './TheoryPanel.tsx';
import { closeOnEscape } from '../common/closeOnEscape.ts';
import './analysis.css';

const TABS: Array<{ id: AnalysisTab; name: string }> = [
  { id: 'compare', name: 'Compare' },
  { id: 'sweep', name: 'Load sweep' },
  { id: 'params', name: 'Param sweep' },
  { id: 'replications', name: 'Replications' },
  { id: 'theory', name: 'Theory' },
];

const PANES: Record<AnalysisTab, () => React.JSX.Element> = {
  compare: ComparePanel,
  sweep: SweepPanel,
  params: ParamSweepPanel,
  replications: ReplicationsPanel,
  theory: TheoryPanel,
};

export function AnalysisPanel() {
  const open = useAnalysisStore((s) => s.open);
  const tab = useAnalysisStore((s) => s.tab);
  const setTab = useAnalysisStore((s) => s.setTab);
  const setOpen = useAnalysisStore((s) => s.setOpen);
  // Compare results belong to the design they were run on: a new document starts the pane afresh.
  const generation = useAnalysisStore((s) => s.generation);
  const drawer = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(open);
  // Opening moves focus to the selected tab (the drawer comes last in the page's Tab order).
  useEffect(() => {
    if (open && !wasOpen.current)
      drawer.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    wasOpen.current = open;
  }, [open]);
  const close = () => {
    setOpen(false);
    document.getElementById(ANALYZE_BUTTON_ID)?.focus();
  };
  // The tabs pattern: arrows move between tabs, Home and End to the first and last.
  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    const next = TABS[to];
    if (next === undefined) return;
    e.preventDefault();
    setTab(next.id);
    document.getElementById(`an-tab-${next.id}`)?.focus();
  };
  return (
    <div
      ref={drawer}
      id={ANALYSIS_DRAWER_ID}
      className="overlay-panel an-drawer"
      role="dialog"
      aria-label="Analysis"
      hidden={!open}
      onKeyDown={closeOnEscape(close)}
    >
      <header className="an-drawer__head">
        <h2>What-if analysis</h2>
        <div role="tablist" aria-label="Analyses" className="an-tabs">
          {TABS.map((t, i) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`an-tab-${t.id}`}
              aria-selected={tab === t.id}
              tabIndex={tab === t.id ? 0 : -1}
              onKeyDown={(e) => onTabKey(e, i)}
              aria-controls={`an-pane-${t.id}`}
              className="an-tab"
              onClick={() => setTab(t.id)}
            >
              {t.name}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn--icon" aria-label="Close analysis" onClick={close}>
          ✕
        </button>
      </header>
      {TABS.map((t) => {
        const Pane = PANES[t.id];
        return (
          <div
            key={t.id}
            role="tabpanel"
            id={`an-pane-${t.id}`}
            aria-labelledby={`an-tab-${t.id}`}
            hidden={tab !== t.id}
            className="an-drawer__body"
          >
            <Pane key={t.id === 'compare' ? generation : 0} />
          </div>
        );
      })}
    </div>
  );
}

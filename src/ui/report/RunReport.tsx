/**
 * The run report: every figure the engine reports for every node, live from the newest window
 * while the run goes on and from the run's result once it has ended (then equal, digit for
 * digit in "Exact" mode, to `npm run sim -- FILE --json`). Copies as Markdown or CSV.
 */
import { useMemo, useState, useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/index.ts';
import { metricsHub } from '../../store/metricsHub.ts';
import { copyText } from '../share/shareLinks.ts';
import { latestNodeWindows } from '../run/liveStats.ts';
import { formatSimTime } from '../run/format.ts';
import { reportSections } from './reportModel.ts';
import { REPORT_BUTTON_ID, REPORT_PANEL_ID, useReportStore } from './reportStore.ts';
import { ReportTables } from './ReportTables.tsx';
import { ReportCost } from './ReportCost.tsx';
import { ReportDownloads } from './ReportDownloads.tsx';
import { ReportObjectives } from '../objectives/ReportObjectives.tsx';
import { reportCsv, reportMarkdown, type ReportMode } from './reportText.ts';
import { closeOnEscape } from '../common/closeOnEscape.ts';
import './report.css';

const MODES: Array<{ id: ReportMode; name: string; title: string }> = [
  { id: 'readable', name: 'Readable', title: 'Human units: 1.2 s, 1.2k rps, 93.4 %' },
  { id: 'exact', name: 'Exact', title: 'Every digit the engine gives, as the headless JSON' },
];

const COPY_FORMATS = ['Markdown', 'CSV'] as const;
type CopyState = { what: string; ok: boolean } | null;

export default function RunReport() {
  const open = useReportStore((s) => s.open);
  const mode = useReportStore((s) => s.mode);
  const setMode = useReportStore((s) => s.setMode);
  const setOpen = useReportStore((s) => s.setOpen);
  const nodes = useAppStore((s) => s.doc.nodes);
  const edges = useAppStore((s) => s.doc.edges);
  const regions = useAppStore((s) => s.doc.regions);
  const result = useAppStore((s) => s.runResult);
  const version = useSyncExternalStore(metricsHub.live.subscribe, metricsHub.live.getVersion);
  const [copied, setCopied] = useState<CopyState>(null);
  // Read only while open: a closed report costs nothing per frame.
  const latest = useMemo(
    () => (open ? latestNodeWindows(metricsHub) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the hub moves with `version`
    [open, version],
  );
  const sections = useMemo(
    () =>
      open
        ? reportSections({
            nodes,
            edges,
            result: result ?? undefined,
            window: latest?.nodes,
            edgeWindow: latest?.edges,
            regions: regions?.map((r) => r.name),
            regionWindow: latest?.regions,
          })
        : [],
    [open, nodes, edges, regions, result, latest],
  );
  const close = () => {
    setOpen(false);
    document.getElementById(REPORT_BUTTON_ID)?.focus();
  };
  const copy = async (what: (typeof COPY_FORMATS)[number]) => {
    const text = what === 'CSV' ? reportCsv(sections) : reportMarkdown(sections, mode);
    setCopied({ what, ok: await copyText(text) });
  };
  const when =
    result !== null
      ? `Whole run after warm-up (${formatSimTime(result.warmupS)} to ${formatSimTime(result.durationS)}), seed ${result.seed}`
      : latest !== undefined
        ? `Newest window, ending at t = ${formatSimTime(latest.tS)}; the whole run's figures come at its end`
        : 'Run the scenario to see its figures.';
  return (
    <div
      id={REPORT_PANEL_ID}
      className="overlay-panel rr-panel"
      role="dialog"
      aria-label="Run report"
      hidden={!open}
      onKeyDown={closeOnEscape(close)}
    >
      <header className="rr-head">
        <h2>Run report</h2>
        <div className="rr-modes" role="group" aria-label="Numbers">
          {MODES.map((m) => (
            <button
              key={m.id}
              type="button"
              className="btn btn--small"
              aria-pressed={mode === m.id}
              title={m.title}
              onClick={() => setMode(m.id)}
            >
              {m.name}
            </button>
          ))}
        </div>
        {COPY_FORMATS.map((what) => (
          <button
            key={what}
            type="button"
            className="btn btn--small"
            disabled={sections.length === 0}
            onClick={() => void copy(what)}
          >
            Copy as {what}
          </button>
        ))}
        <ReportDownloads sections={sections} mode={mode} />
        <button
          type="button"
          className="btn btn--small rr-close"
          aria-label="Close the run report"
          onClick={close}
        >
          ×
        </button>
      </header>
      <p className="rr-when">
        {when}
        <span role="status" className="rr-copied">
          {copied === null
            ? ''
            : copied.ok
              ? ` · ${copied.what} copied to the clipboard.`
              : ` · Could not reach the clipboard.`}
        </span>
      </p>
      <div className="rr-body">
        {open && <ReportObjectives />}
        {open && <ReportCost />}
        {open && <ReportTables sections={sections} mode={mode} />}
      </div>
    </div>
  );
}

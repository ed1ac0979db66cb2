/**
 * "Export": the document as a JSON file (the same text the model reads back), the charts as PNG
 * or SVG (titled, with legends, axes and the run's summary line), the metric timeline as CSV,
 * and the canvas as SVG or PNG (drawn from the document).
 */
import { useEffect, useState } from 'react';
import { serializeScenario } from '../../model/serialize.ts';
import { useAppStore } from '../../store/index.ts';
import { metricsHub } from '../../store/metricsHub.ts';
import { Popover } from '../share/Popover.tsx';
import { downloadBlob, downloadText, fileStem } from './download.ts';
import { shownCharts } from '../charts/shownCharts.ts';
import { chartMarks } from '../charts/chartMarks.ts';

/** The formats load on first use (their own chunk); the JSON export needs none of them. */
const loadExporters = () => import('./exporters.ts');

export function ExportMenu() {
  return (
    <Popover label="Export" title="Save the scenario, its charts or its metrics">
      {(close) => <ExportList onDone={close} />}
    </Popover>
  );
}

function ExportList({ onDone }: { onDone: () => void }) {
  // The menu is open: fetch the formats now, so a click rarely waits for them.
  useEffect(() => {
    void loadExporters().catch(() => undefined);
  }, []);
  const doc = useAppStore((s) => s.doc);
  const [message, setMessage] = useState<string | null>(null);
  const stem = fileStem(doc.name);

  const attempt = async (what: () => Promise<string | null> | string | null) => {
    try {
      const problem = await what();
      if (problem) setMessage(problem);
      else onDone();
    } catch (e) {
      setMessage(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  // `attempt` shows every failure in the menu, so the click need not keep its promise.
  const run = (what: () => Promise<string | null> | string | null) => () => void attempt(what);

  const json = () => {
    downloadText(serializeScenario(doc), `${stem}.json`, 'application/json');
    return null;
  };
  const csv = async () => {
    const { metricsCsv } = await loadExporters();
    const text = metricsCsv(metricsHub.buffer);
    if (metricsHub.buffer.length === 0 || !text)
      return 'Run the scenario first: there are no metrics yet.';
    downloadText(text, `${stem}-metrics.csv`, 'text/csv');
    return null;
  };
  /** The charts on the page, drawn for a slide: undefined before a run has drawn any. */
  const chartsPicture = async () => {
    const { chartsSvg } = await loadExporters();
    const specs = shownCharts();
    if (specs.length === 0) return undefined;
    const summary = document.querySelector('[role="status"][aria-label="Run summary"]');
    const heading = { title: doc.name, summary: summary?.textContent?.trim() ?? '' };
    return chartsSvg(specs, heading, chartMarks(doc));
  };
  const NO_CHARTS = 'There are no charts to export yet: run the scenario first.';
  const chartsPng = async () => {
    const pic = await chartsPicture();
    if (!pic) return NO_CHARTS;
    const { svgToPng } = await loadExporters();
    downloadBlob(await svgToPng(pic.svg, pic.width, pic.height), `${stem}-charts.png`);
    return null;
  };
  const chartsSvgFile = async () => {
    const pic = await chartsPicture();
    if (!pic) return NO_CHARTS;
    downloadText(pic.svg, `${stem}-charts.svg`, 'image/svg+xml');
    return null;
  };
  const svg = async () => {
    const { canvasSvg } = await loadExporters();
    downloadText(canvasSvg(doc).svg, `${stem}-canvas.svg`, 'image/svg+xml');
    return null;
  };
  const png = async () => {
    const { canvasSvg, svgToPng } = await loadExporters();
    const pic = canvasSvg(doc);
    downloadBlob(await svgToPng(pic.svg, pic.width, pic.height), `${stem}-canvas.png`);
    return null;
  };

  return (
    <div className="export__list">
      <button type="button" className="btn" onClick={run(json)}>
        Export JSON
      </button>
      <button type="button" className="btn" onClick={run(chartsPng)}>
        Charts as PNG
      </button>
      <button type="button" className="btn" onClick={run(chartsSvgFile)}>
        Charts as SVG
      </button>
      <button type="button" className="btn" onClick={run(csv)}>
        Metrics as CSV
      </button>
      <button type="button" className="btn" onClick={run(svg)}>
        Canvas as SVG
      </button>
      <button type="button" className="btn" onClick={run(png)}>
        Canvas as PNG
      </button>
      {message && (
        <p className="popover__error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}

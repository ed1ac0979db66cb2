/** The report's file exports (HTML, Markdown), once the run has ended: its figures are final. */
import { useAppStore } from '../../store/index.ts';
import { downloadText, fileStem } from '../export/download.ts';
import type { ReportSection } from './reportModel.ts';
import type { ReportMode } from './reportText.ts';
import { useDesignCost } from './useDesignCost.ts';

const FORMATS = [
  { name: 'HTML', ext: 'html', type: 'text/html' },
  { name: 'Markdown', ext: 'md', type: 'text/markdown' },
] as const;

export function ReportDownloads({
  sections,
  mode,
}: {
  sections: readonly ReportSection[];
  mode: ReportMode;
}) {
  const doc = useAppStore((s) => s.doc);
  const result = useAppStore((s) => s.runResult);
  const cost = useDesignCost();
  const save = async (f: (typeof FORMATS)[number]) => {
    if (result === null) return;
    // The exporter draws the design and the charts: loaded when first asked for.
    const { reportFileHtml, reportFileMarkdown } = await import('./reportExport.ts');
    const file = { doc, result, sections, mode, cost };
    const text = f.ext === 'html' ? reportFileHtml(file) : reportFileMarkdown(file);
    downloadText(text, `${fileStem(doc.name)}-report.${f.ext}`, f.type);
  };
  return FORMATS.map((f) => (
    <button
      key={f.ext}
      type="button"
      className="btn btn--small"
      disabled={result === null}
      title={result === null ? 'When the run has ended' : `The report as one ${f.name} file`}
      onClick={() => void save(f)}
    >
      Download {f.name}
    </button>
  ));
}

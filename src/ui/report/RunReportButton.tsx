/** The status row's entry to the run report (the report itself loads when first opened). */
import { REPORT_BUTTON_ID, REPORT_PANEL_ID, useReportStore } from './reportStore.ts';

export function RunReportButton() {
  const open = useReportStore((s) => s.open);
  const setOpen = useReportStore((s) => s.setOpen);
  return (
    <button
      type="button"
      id={REPORT_BUTTON_ID}
      className="btn btn--small"
      aria-expanded={open}
      aria-controls={REPORT_PANEL_ID}
      title="Every figure of every node, live and at the end of the run"
      onClick={() => setOpen(!open)}
    >
      Report
    </button>
  );
}

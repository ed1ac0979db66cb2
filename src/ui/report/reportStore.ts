/** Whether the run report is open and how its numbers read (not part of the document). */
import { create } from 'zustand';
import type { ReportMode } from './reportText.ts';

export interface ReportState {
  open: boolean;
  /** Opened at least once: the report stays mounted (and loaded) from then on. */
  opened: boolean;
  mode: ReportMode;
  setOpen: (open: boolean) => void;
  setMode: (mode: ReportMode) => void;
}

export const useReportStore = create<ReportState>()((set) => ({
  open: false,
  opened: false,
  mode: 'readable',
  setOpen: (open) => set((s) => ({ open, opened: s.opened || open })),
  setMode: (mode) => set({ mode }),
}));

export const REPORT_BUTTON_ID = 'run-report-toggle';
export const REPORT_PANEL_ID = 'run-report';

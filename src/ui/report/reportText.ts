/**
 * How the report's cells read: "readable" in human units (1.2 s, 1.2k rps, 93.4 %), "exact" to
 * the last digit the engine gives (what `npm run sim -- FILE --json` prints), and the same
 * tables as Markdown and CSV for copying.
 */
import {
  formatCount,
  formatDuration,
  formatExact,
  formatNumber,
  formatPercent,
  formatRate,
} from '../run/format.ts';
import type { CellNature, CellValue, ReportRow, ReportSection } from './reportModel.ts';

export type ReportMode = 'readable' | 'exact';

/** One number in human units, by what it is. */
function readable(x: number, nature: CellNature, unit: string): string {
  switch (nature) {
    case 'count':
      return formatCount(x);
    case 'ratio':
      return formatPercent(x);
    case 'time':
      if (unit === 's') return formatDuration(x * 1000);
      return unit === 'ms' ? formatDuration(x) : `${formatNumber(x)} ${unit}`;
    case 'rate':
      return formatRate(x, unit === 'req/s' || unit === '' ? 'rps' : unit);
    case 'level':
    case 'list':
    case 'text':
      return formatNumber(x);
  }
}

/** A list's items read as its figure's unit says: a list of times reads as times. */
const itemNature = (row: ReportRow): CellNature =>
  row.unit === 'ms' || row.unit === 's' ? 'time' : 'level';

export function cellText(row: ReportRow, value: CellValue, mode: ReportMode): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return mode === 'exact' ? formatExact(value) : readable(value, row.nature, row.unit);
  if (value.length === 0) return 'none';
  return value
    .map((x) => (mode === 'exact' ? formatExact(x) : readable(x, itemNature(row), row.unit)))
    .join(', ');
}

/**
 * The unit a row's heading names: every unit in exact mode (the cells are bare numbers); in
 * readable mode only where the cells do not already say it (counts and levels).
 */
export function rowUnit(row: ReportRow, mode: ReportMode): string {
  if (row.unit === '' || row.nature === 'text' || row.nature === 'ratio') return '';
  if (mode === 'exact') return row.unit;
  return row.nature === 'count' || row.nature === 'level' ? row.unit : '';
}

export function rowHeading(row: ReportRow, mode: ReportMode): string {
  const unit = rowUnit(row, mode);
  const where = row.fromWindow ? ' (last window)' : '';
  return `${row.label}${unit ? ` (${unit})` : ''}${where}`;
}

const mdCell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The sections as Markdown tables, one per section, under a heading each. */
export function reportMarkdown(sections: readonly ReportSection[], mode: ReportMode): string {
  return sections
    .map((s) => {
      const head = ['Figure', ...s.columns.map((c) => c.name)];
      const lines = [
        `### ${mdCell(s.title)}`,
        '',
        `| ${head.map(mdCell).join(' | ')} |`,
        `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
        ...s.rows.map(
          (r) =>
            `| ${[rowHeading(r, mode), ...r.cells.map((v) => cellText(r, v, mode))].map(mdCell).join(' | ')} |`,
        ),
      ];
      return lines.join('\n');
    })
    .join('\n\n');
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * The sections as one CSV table, one line per figure and node, every number exact and without
 * separators: section, node, figure (its path, as in the JSON), label, unit, value.
 */
export function reportCsv(sections: readonly ReportSection[]): string {
  const lines = [['section', 'node', 'figure', 'label', 'unit', 'source', 'value']];
  for (const s of sections)
    for (const r of s.rows)
      r.cells.forEach((v, i) => {
        if (v === undefined) return;
        const value = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v.join(' ');
        lines.push([
          s.title,
          s.columns[i]?.id ?? '',
          r.path.join('.'),
          r.label,
          r.unit,
          r.fromWindow ? 'last window' : 'result',
          value,
        ]);
      });
  return lines.map((l) => l.map(csvCell).join(',')).join('\n') + '\n';
}

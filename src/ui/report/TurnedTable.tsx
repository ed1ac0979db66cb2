/**
 * A section of many nodes or edges (a 100-node design's services, its 99 edges), turned: a row
 * per node or edge, a column per figure, sortable by any figure (largest first: the busiest
 * edge, the slowest service), in a box that scrolls with its header and names in sight. Laid
 * out the usual way (a column per node), such a table was 18,000 px wide: a row of 99 numbers
 * nobody could compare.
 */
import { useState } from 'react';
import type { CellValue, ReportSection } from './reportModel.ts';
import { cellText, rowHeading, type ReportMode } from './reportText.ts';

/** Beyond this many nodes or edges, a section is shown turned. */
export const TURN_AFTER_COLUMNS = 8;

/** Largest first; text after numbers, then in order; nothing last. */
function compareCells(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue) => (typeof v === 'number' ? 0 : v === undefined ? 2 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return b - a;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

export function TurnedTable({ section: s, mode }: { section: ReportSection; mode: ReportMode }) {
  /** The figure (row index of the section) the rows are sorted by; null: the document's order. */
  const [sortBy, setSortBy] = useState<number | null>(null);
  const order = s.columns.map((_, i) => i);
  const key = sortBy === null ? undefined : s.rows[sortBy];
  if (key !== undefined) order.sort((a, b) => compareCells(key.cells[a], key.cells[b]) || a - b);
  return (
    <div className="rr-scroll rr-scroll--turned">
      <table
        className="rr-table rr-table--turned"
        aria-labelledby={`rr-${s.id}`}
        data-section={s.id}
      >
        <thead>
          <tr>
            <th scope="col">{s.id === 'edges' ? 'Edge' : 'Node'}</th>
            {s.rows.map((r, k) => (
              <th
                key={r.id}
                scope="col"
                title={`${r.path.join('.')}${r.help ? `: ${r.help}` : ''}`}
                aria-sort={sortBy === k ? 'descending' : 'none'}
              >
                <button
                  type="button"
                  className="rr-sort"
                  onClick={() => setSortBy(sortBy === k ? null : k)}
                >
                  {rowHeading(r, mode)}
                  {sortBy === k ? ' ▼' : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {order.map((i) => {
            const c = s.columns[i];
            return (
              <tr key={c?.id ?? i} data-node={c?.id}>
                <th scope="row">{c?.name}</th>
                {s.rows.map((r) => (
                  <td
                    key={r.id}
                    data-node={c?.id}
                    data-figure={r.path.join('.')}
                    data-source={r.fromWindow ? 'window' : 'result'}
                  >
                    {cellText(r, r.cells[i], mode)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

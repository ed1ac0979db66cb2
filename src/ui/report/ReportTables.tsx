/**
 * The report's tables, one per section: the figures as rows (named, with their unit; on hover
 * their name in the JSON, as lessons quote it, and what they mean), the section's nodes as
 * columns; a section of more nodes or edges than TURN_AFTER_COLUMNS turned (TurnedTable.tsx).
 */
import type { ReportSection } from './reportModel.ts';
import { cellText, rowHeading, type ReportMode } from './reportText.ts';
import { TURN_AFTER_COLUMNS, TurnedTable } from './TurnedTable.tsx';

export function ReportTables({
  sections,
  mode,
}: {
  sections: readonly ReportSection[];
  mode: ReportMode;
}) {
  return (
    <>
      {sections.map((s) => (
        <section key={s.id} className="rr-section" aria-labelledby={`rr-${s.id}`}>
          <h3 id={`rr-${s.id}`}>{s.title}</h3>
          {s.columns.length > TURN_AFTER_COLUMNS ? (
            <TurnedTable section={s} mode={mode} />
          ) : (
            <div className="rr-scroll">
              <table className="rr-table" aria-labelledby={`rr-${s.id}`} data-section={s.id}>
                <thead>
                  <tr>
                    <th scope="col">Figure</th>
                    {s.columns.map((c) => (
                      <th key={c.id} scope="col" data-node={c.id}>
                        {c.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.rows.map((r) => (
                    <tr
                      key={r.id}
                      data-figure={r.path.join('.')}
                      data-source={r.fromWindow ? 'window' : 'result'}
                    >
                      <th scope="row" title={`${r.path.join('.')}${r.help ? `: ${r.help}` : ''}`}>
                        {rowHeading(r, mode)}
                      </th>
                      {r.cells.map((v, i) => (
                        <td key={s.columns[i]?.id ?? i} data-node={s.columns[i]?.id}>
                          {cellText(r, v, mode)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}

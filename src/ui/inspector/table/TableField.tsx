/**
 * A table param (a client's classes, a balancer's routes, a service's time per class) as rows:
 * one fieldset per row ("Class 2") holding a typed control per column, a Remove button, and an
 * Add button below. Every edit is the whole param through the model's validation; a refusal
 * shows at the cell it is about, naming the row, the column and the value. What the row names
 * that the design lacks (a class no client sends, a node not behind this one) shows under it.
 */
import { useContext, useId, useState } from 'react';
import type { ParamDescriptor, TableShape } from '../../../model/kinds/describe.ts';
import { calledIds, classRefProblems, documentClassNames } from '../../../model/classRefs.ts';
import { limitsText } from '../../../model/kinds/fieldText.ts';
import { getAt } from '../../../store/docOps.ts';
import { readable, type EditResult } from '../../../store/graphSlice.ts';
import { useAppStore } from '../../../store/index.ts';
import type { ParamFieldProps } from '../ParamField.tsx';
import { FieldError } from '../controls/FieldError.tsx';
import { InspectedNode } from '../inspectedNode.ts';
import { TableCell } from './TableCell.tsx';
import {
  cellOfPath,
  duplicateKey,
  fromRows,
  newRow,
  toRows,
  withCell,
  type Row,
} from './tableRows.ts';
import './table.css';

export function TableField({ desc, value, onCommit }: ParamFieldProps) {
  const table = desc.table as TableShape;
  const id = useId();
  const nodeId = useContext(InspectedNode);
  const doc = useAppStore((s) => s.doc);
  const [error, setError] = useState<string | null>(null);
  const rows = toRows(table, value);
  const node = doc.nodes.find((n) => n.id === nodeId);
  const names = documentClassNames(doc);
  const called = nodeId === null ? [] : calledIds(doc, nodeId);
  const problems = node ? classRefProblems(doc, node).filter((p) => p.param === desc.key) : [];
  const title = (i: number) => `${table.item} ${i + 1}`;

  /** The rows through the model; a refusal's message names its row, column and value. */
  const commitRows = (next: Row[], at?: { row: number; column: ParamDescriptor }): EditResult => {
    const dup = duplicateKey(table, next);
    if (dup !== null) {
      const message = `${at ? `${title(at.row)}, ${at.column.label}: ` : ''}"${dup}" has a row already`;
      return { ok: false, error: message, message };
    }
    const r = onCommit(fromRows(table, next));
    if (r.ok) {
      setError(null);
      return r;
    }
    const rel = r.path?.split(`params.${desc.key}`)[1];
    const cell = rel === undefined ? null : cellOfPath(table, next, rel);
    const column = cell?.column ?? at?.column;
    const where = cell ?? at;
    const message =
      where && column ? `${title(where.row)}, ${column.label}: ${r.message}` : r.message;
    // A refusal about another cell than the one edited shows with the table.
    if (!at || (cell && (cell.row !== at.row || cell.column !== at.column))) setError(message);
    return { ...r, message };
  };

  const full = table.maxRows !== undefined && rows.length >= table.maxRows;
  return (
    <fieldset className="field field--group field--table" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`} className="field__label group__legend">
        {desc.label}
      </legend>
      <p className="field__help group__help" id={`${id}-help`}>
        {desc.help}
      </p>
      {rows.length === 0 && <p className="table__empty">None.</p>}
      {rows.map((row, i) => (
        <fieldset key={i} className="table__row" aria-label={title(i)}>
          <div className="table__row-head">
            <span className="table__row-title">{title(i)}</span>
            <button
              type="button"
              className="btn btn--small"
              aria-label={`Remove ${title(i).toLowerCase()}`}
              onClick={() => commitRows(rows.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
          <div className="table__cells">
            {table.columns.map((c) => (
              <TableCell
                key={c.key}
                column={c}
                row={row}
                helpId={`${id}-col-${c.key}`}
                names={names}
                called={called}
                onCommit={(v) => commitRows(withCell(rows, i, c.key, v), { row: i, column: c })}
              />
            ))}
          </div>
          {problems
            .filter((p) => p.row === getAt(row, table.columns[0]?.key ?? ''))
            .map((p) => (
              <p key={p.message} className="field__warning" role="status">
                {readable(doc, p.message)}
              </p>
            ))}
        </fieldset>
      ))}
      <FieldError id={`${id}-error`} error={error} />
      <button
        type="button"
        className="btn btn--small"
        disabled={full}
        title={full ? `At most ${table.maxRows} rows` : undefined}
        onClick={() => commitRows([...rows, newRow(table, rows, names, called)])}
      >
        Add {table.item.toLowerCase()}
      </button>
      <dl className="table__columns">
        {table.columns.map((c) => (
          <div key={c.key}>
            <dt>{c.label}</dt>
            <dd id={`${id}-col-${c.key}`}>
              {c.help}
              {limitsText(c)}
            </dd>
          </div>
        ))}
      </dl>
    </fieldset>
  );
}

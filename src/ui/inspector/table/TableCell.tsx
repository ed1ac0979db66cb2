/** One column of a table row: its label and its typed control (see TableField). */
import { useId } from 'react';
import type { ParamDescriptor } from '../../../model/kinds/describe.ts';
import { getAt } from '../../../store/docOps.ts';
import type { EditResult } from '../../../store/graphSlice.ts';
import { Control } from '../ParamField.tsx';
import { BackendsControl } from '../controls/BackendsControl.tsx';
import { ClassNameControl } from '../controls/ClassNameControl.tsx';
import type { Row } from './tableRows.ts';

interface TableCellProps {
  column: ParamDescriptor;
  row: Row;
  /** The column's help text, once for the table. */
  helpId: string;
  /** The document's class names, suggested for a class-name column. */
  names: readonly string[];
  /** The nodes the inspected node calls, for a 'backends' column. */
  called: readonly string[];
  onCommit: (v: unknown) => EditResult;
}

export function TableCell({ column, row, helpId, names, called, onCommit }: TableCellProps) {
  const id = useId();
  const when = column.shownWhen;
  if (when && getAt(row, when.key) === undefined) return null;
  const props = { id, helpId, desc: column, value: getAt(row, column.key), onCommit };
  return (
    <div className={`table__cell table__cell--${column.control}`}>
      {column.control === 'backends' ? (
        <BackendsControl {...props} called={called} />
      ) : (
        <>
          <label className="subfield__label" htmlFor={id}>
            {column.label}
            {column.unit && <span className="field__unit"> {column.unit}</span>}
          </label>
          {column.control === 'className' ? (
            <ClassNameControl {...props} names={names} />
          ) : (
            <Control {...props} />
          )}
        </>
      )}
    </div>
  );
}

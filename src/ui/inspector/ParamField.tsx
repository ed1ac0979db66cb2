/**
 * One field of the inspector, drawn from the model's descriptor: its label (the input's
 * accessible name), its unit, its help text and its control. Every edit is validated by the
 * model; a refused one shows the message beside the field and leaves the document unchanged.
 */
import { useId } from 'react';
import type { ParamDescriptor } from '../../model/kinds/index.ts';
import { limitsText } from '../../model/kinds/fieldText.ts';
import type { EditResult } from '../../store/graphSlice.ts';
import { NumberControl } from './controls/NumberControl.tsx';
import { BooleanControl } from './controls/BooleanControl.tsx';
import { SelectControl } from './controls/SelectControl.tsx';
import { DistControl } from './controls/DistControl.tsx';
import { ArrivalControl } from './controls/ArrivalControl.tsx';
import { JsonControl } from './controls/JsonControl.tsx';
import { useEditBatch } from './useEditBatch.ts';
import { GroupField } from './GroupField.tsx';
import { TableField } from './table/TableField.tsx';

export interface ControlProps {
  /** The input's id: the field's <label> points at it. */
  id: string;
  /** The help text's id, for aria-describedby. */
  helpId: string;
  desc: ParamDescriptor;
  value: unknown;
  onCommit: (value: unknown) => EditResult;
  disabled?: boolean;
}

export interface ParamFieldProps {
  desc: ParamDescriptor;
  value: unknown;
  onCommit: (value: unknown) => EditResult;
}

export function ParamField(props: ParamFieldProps) {
  // A group is a fieldset of fields, each with its own label and edit batch.
  if (props.desc.control === 'group' || props.desc.control === 'variant') {
    return <GroupField {...props} />;
  }
  if (props.desc.control === 'table') return <TableField {...props} />;
  return <PlainField {...props} />;
}

function PlainField({ desc, value, onCommit }: ParamFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const props: ControlProps = { id, helpId, desc, value, onCommit };
  const batch = useEditBatch();
  return (
    <div className={`field field--${desc.control}`} {...batch}>
      <div className="field__head">
        <label className="field__label" htmlFor={id}>
          {desc.label}
        </label>
        {desc.unit && <span className="field__unit">{desc.unit}</span>}
      </div>
      <Control {...props} />
      <p className="field__help" id={helpId}>
        {desc.help}
        {limitsText(desc)}
      </p>
    </div>
  );
}

/** A field's control by its descriptor (a table's cells reuse it). */
export function Control(props: ControlProps) {
  switch (props.desc.control) {
    case 'number':
    case 'integer':
      return <NumberControl {...props} />;
    case 'boolean':
      return <BooleanControl {...props} />;
    case 'select':
      return <SelectControl {...props} />;
    case 'dist':
      return <DistControl {...props} />;
    case 'arrival':
      return <ArrivalControl {...props} />;
    case 'profile':
    case 'json':
    case 'group': // drawn by GroupField and TableField; listed so the switch stays exhaustive
    case 'variant':
    case 'table':
    case 'className': // drawn by TableCell, which has the names and the backends
    case 'backends':
      return <JsonControl {...props} />;
  }
}

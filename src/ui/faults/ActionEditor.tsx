/**
 * The selected action's form: its time and each value it sets, each with the field the
 * inspector shows for that param (a number with its unit and limits, a choice, a distribution),
 * found in the kind's (or the edge's) descriptions. Operator actions have only their time.
 */
import { isEdit } from '../../model/actions.ts';
import type { ParamDescriptor } from '../../model/kinds/index.ts';
import type { Action } from '../../model/types.ts';
import { useAppStore } from '../../store/index.ts';
import { ParamField } from '../inspector/ParamField.tsx';
import { setFieldDescriptor } from './actionInfo.ts';
import { TimelineItemEditor } from './TimelineItemEditor.tsx';

interface Props {
  index: number;
  action: Action;
  name: string;
  onClose: () => void;
}

const AT_FIELD: ParamDescriptor = {
  key: 'atS',
  label: 'At',
  help: 'When it takes effect.',
  unit: 's',
  control: 'number',
  min: 0,
};

export function ActionEditor({ index, action, name, onClose }: Props) {
  const updateAction = useAppStore((s) => s.updateAction);
  const removeAction = useAppStore((s) => s.removeAction);
  const doc = useAppStore((s) => s.doc);
  return (
    <TimelineItemEditor
      name={`Edit action: ${name}`}
      heading={name}
      what="action"
      itemKey={index}
      onDelete={() => removeAction(index)}
      onClose={onClose}
    >
      <ParamField
        key={`${index}-atS`}
        desc={AT_FIELD}
        value={action.atS}
        onCommit={(v) => updateAction(index, { ...action, atS: v as number })}
      />
      {isEdit(action) &&
        Object.entries(action.set).map(([key, value]) => (
          <ParamField
            key={`${index}-${key}`}
            desc={setFieldDescriptor(doc, action.target, key)}
            // An action sets null for "absent" (an optional param switched off).
            value={value ?? undefined}
            onCommit={(v) =>
              updateAction(index, { ...action, set: { ...action.set, [key]: v ?? null } })
            }
          />
        ))}
    </TimelineItemEditor>
  );
}

/** The selected fault's form: its start, length and kind fields, from the fault's description. */
import type { Fault } from '../../model/types.ts';
import { FAULT_KINDS } from '../../model/kinds/index.ts';
import { useAppStore } from '../../store/index.ts';
import { getAt, setAt } from '../../store/docOps.ts';
import { ParamField } from '../inspector/ParamField.tsx';
import { targetName } from './faultInfo.ts';
import { TimelineItemEditor } from './TimelineItemEditor.tsx';

interface Props {
  index: number;
  fault: Fault;
  name: string;
  onClose: () => void;
}

export function FaultEditor({ index, fault, name, onClose }: Props) {
  const updateFault = useAppStore((s) => s.updateFault);
  const removeFault = useAppStore((s) => s.removeFault);
  const doc = useAppStore((s) => s.doc);
  const desc = FAULT_KINDS[fault.kind];
  return (
    <TimelineItemEditor
      name={`Edit fault: ${name}`}
      heading={`${desc.label} · ${targetName(doc, fault.target)}`}
      what="fault"
      itemKey={index}
      onDelete={() => removeFault(index)}
      onClose={onClose}
    >
      {desc.fields.map((d) => (
        <ParamField
          key={`${index}-${d.key}`}
          desc={d}
          value={getAt(fault, d.key)}
          onCommit={(v) => updateFault(index, setAt(fault, d.key, v))}
        />
      ))}
    </TimelineItemEditor>
  );
}

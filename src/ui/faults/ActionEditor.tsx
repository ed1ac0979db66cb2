/**
 * The selected action's form: its time and each value it sets (as JSON), validated by the
 * model as typed, and a delete. Operator actions have only their time.
 */
import { useEffect, useRef } from 'react';
import { isEdit } from '../../model/actions.ts';
import type { Action } from '../../model/types.ts';
import { useAppStore } from '../../store/index.ts';
import { ParamField } from '../inspector/ParamField.tsx';

interface Props {
  index: number;
  action: Action;
  name: string;
  onClose: () => void;
}

export function ActionEditor({ index, action, name, onClose }: Props) {
  const updateAction = useAppStore((s) => s.updateAction);
  const removeAction = useAppStore((s) => s.removeAction);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector('input')?.focus(), [index]);
  return (
    <div
      ref={ref}
      className="fault-editor"
      role="dialog"
      aria-label={`Edit action: ${name}`}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="fault-editor__head">
        <span>{name}</span>
        <button type="button" className="btn btn--small" onClick={onClose}>
          Close
        </button>
      </div>
      <ParamField
        key={`${index}-atS`}
        desc={{
          key: 'atS',
          label: 'At',
          help: 'When it takes effect.',
          unit: 's',
          control: 'number',
          min: 0,
        }}
        value={action.atS}
        onCommit={(v) => updateAction(index, { ...action, atS: v as number })}
      />
      {isEdit(action) &&
        Object.entries(action.set).map(([key, value]) => (
          <ParamField
            key={`${index}-${key}`}
            desc={{
              key,
              label: key,
              help: 'The value it sets (JSON; null = absent).',
              control: 'json',
            }}
            value={value}
            onCommit={(v) => updateAction(index, { ...action, set: { ...action.set, [key]: v } })}
          />
        ))}
      <div className="fault-editor__actions">
        <button
          type="button"
          className="btn btn--danger"
          onClick={() => {
            removeAction(index);
            onClose();
          }}
        >
          Delete action
        </button>
      </div>
    </div>
  );
}

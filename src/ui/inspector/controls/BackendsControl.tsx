/**
 * The nodes that serve a row (a route's backends): one switch per node the inspected node calls,
 * by its name. A listed id the node does not call stays listed, marked, so it can be switched off.
 */
import { useAppStore } from '../../../store/index.ts';
import type { ControlProps } from '../ParamField.tsx';
import { useDraft } from '../useDraft.ts';
import { FieldError } from './FieldError.tsx';

export function BackendsControl({
  id,
  helpId,
  desc,
  value,
  onCommit,
  disabled,
  called,
}: ControlProps & { called: readonly string[] }) {
  const nodes = useAppStore((s) => s.doc.nodes);
  const d = useDraft(value, (v) => JSON.stringify(v ?? []), onCommit);
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  const shown = [...called, ...chosen.filter((c) => !called.includes(c))];
  const errorId = `${id}-error`;
  const toggle = (target: string, on: boolean) => {
    // Kept in the balancer's own order of backends.
    const next = shown.filter((s) => (s === target ? on : chosen.includes(s)));
    d.commit(JSON.stringify(next), next);
  };
  return (
    <div
      role="group"
      className="backends"
      aria-labelledby={`${id}-label`}
      aria-describedby={d.error !== null ? `${errorId} ${helpId}` : helpId}
    >
      <span className="subfield__label" id={`${id}-label`}>
        {desc.label}
      </span>
      {shown.length === 0 && <span className="table__empty">This node calls no node yet.</span>}
      {shown.map((target) => {
        const label = nodes.find((n) => n.id === target)?.label ?? target;
        return (
          <label key={target} className="backends__item">
            <input
              type="checkbox"
              className="field__check"
              checked={chosen.includes(target)}
              disabled={disabled}
              onChange={(e) => toggle(target, e.target.checked)}
            />
            <span>
              {label}
              {!called.includes(target) && ' (not behind this node)'}
            </span>
          </label>
        );
      })}
      <FieldError id={errorId} error={d.error} />
    </div>
  );
}

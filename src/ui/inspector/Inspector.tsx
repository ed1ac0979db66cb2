/** The inspector: the selected node or edge, or the scenario itself when nothing is selected. */
import { useAppStore } from '../../store/index.ts';

export function Inspector() {
  const selected = useAppStore((s) => s.selectedIds);
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2 className="panel-title">{selected.length === 0 ? 'Scenario' : selected.join(', ')}</h2>
    </aside>
  );
}

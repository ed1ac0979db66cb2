/** "Tidy layout": lays the design out in tiers, then fits it in the view. */
import { useState } from 'react';
import { useReactFlow, type FitViewOptions } from '@xyflow/react';
import { useAppStore } from '../../store/index.ts';

/** The fit moves the view in this long, so the user sees where the nodes went. */
const FIT_MS = 300;

export function TidyButton({
  sizes,
  fit,
  onFitted,
}: {
  sizes: Record<string, { width: number; height: number }>;
  /** The canvas's fit: clear of its controls and minimap. */
  fit: FitViewOptions;
  onFitted: () => void;
}) {
  const { fitView } = useReactFlow();
  const [busy, setBusy] = useState(false);
  const tidy = async () => {
    setBusy(true);
    try {
      await useAppStore.getState().autoLayout(sizes);
      // React Flow fits the nodes it has: wait a frame for the moved ones.
      await new Promise((done) => requestAnimationFrame(done));
      await fitView({ ...fit, duration: FIT_MS });
      onFitted();
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="btn btn--small"
      onClick={() => void tidy()}
      disabled={busy}
      title="Arrange the nodes in tiers, callers left of what they call, and fit the view"
    >
      Tidy layout
    </button>
  );
}

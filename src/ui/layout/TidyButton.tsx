/** "Tidy layout": lays the design out in tiers, then fits it in the view. */
import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useAppStore } from '../../store/index.ts';

/** Fits what was laid out, with room around it and never zoomed in past readable. */
export const TIDY_FIT = { padding: 0.15, maxZoom: 1.2, duration: 300 };

export function TidyButton({
  sizes,
}: {
  sizes: Record<string, { width: number; height: number }>;
}) {
  const { fitView } = useReactFlow();
  const [busy, setBusy] = useState(false);
  const tidy = async () => {
    setBusy(true);
    try {
      await useAppStore.getState().autoLayout(sizes);
      // React Flow fits the nodes it has: wait a frame for the moved ones.
      await new Promise((done) => requestAnimationFrame(done));
      await fitView(TIDY_FIT);
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

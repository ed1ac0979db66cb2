/**
 * Two tabs on the same saved work: when another tab saved newer work, this tab writes nothing and
 * asks. The choice's code arrives only when a conflict happens: it is rare, and the first paint
 * has no bytes to spare.
 */
import { lazy, Suspense } from 'react';
import { useWorkspaceStore } from '../../store/workspace.ts';

const ConflictChoice = lazy(() =>
  import('./ConflictChoice.tsx').then((m) => ({ default: m.ConflictChoice })),
);

export function ConflictNotice() {
  const conflict = useWorkspaceStore((s) => s.save === 'conflict');
  if (!conflict) return null;
  return (
    <Suspense fallback={null}>
      <ConflictChoice />
    </Suspense>
  );
}

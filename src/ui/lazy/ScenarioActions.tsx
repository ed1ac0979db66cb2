/** The toolbar's secondary actions (save state, Recent work, Presets, Share, Export, Import,
 *  Analyze), in a chunk of their own: they arrive just after the first paint. */
import { ScenarioMenus } from '../share/ScenarioMenus.tsx';
import { AnalyzeButton } from '../analysis/AnalyzeButton.tsx';

export function ScenarioActions() {
  return (
    <>
      <ScenarioMenus />
      <AnalyzeButton />
    </>
  );
}

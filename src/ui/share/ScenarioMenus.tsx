/** The toolbar's scenario buttons: Presets, Share, Export and Import, side by side. */
import { ExportMenu } from '../export/ExportMenu.tsx';
import { ImportButton } from '../export/ImportButton.tsx';
import { PresetsMenu } from '../presets/PresetsMenu.tsx';
import { ShareButton } from './ShareDialog.tsx';

export function ScenarioMenus() {
  return (
    <div className="toolbar__group" role="group" aria-label="Scenario">
      <PresetsMenu />
      <ShareButton />
      <ExportMenu />
      <ImportButton />
    </div>
  );
}

/** The toolbar's scenario buttons: whether the work is saved, Recent work, Presets, Share,
 *  Export and Import, side by side. */
import { ExportMenu } from '../export/ExportMenu.tsx';
import { ImportButton } from '../export/ImportButton.tsx';
import { PresetsMenu } from '../presets/PresetsMenu.tsx';
import { RecentWorkMenu } from '../history/RecentWorkMenu.tsx';
import { SaveStatus } from '../history/SaveStatus.tsx';
import { ShareButton } from './ShareDialog.tsx';

export function ScenarioMenus() {
  return (
    <div className="toolbar__group" role="group" aria-label="Scenario">
      <SaveStatus />
      <RecentWorkMenu />
      <PresetsMenu />
      <ShareButton />
      <ExportMenu />
      <ImportButton />
    </div>
  );
}

/**
 * Hide or show a panel ("Hide inspector", "Show charts"); the choice is remembered
 * (panelPrefs.ts). A collapsed side panel leaves a narrow strip with its name, which opens it too.
 */
import { usePanels, type PanelName } from './panelPrefs.ts';

const GLYPHS = { side: ['›', '‹'], bottom: ['▾', '▴'] } as const;

export function PanelToggle({
  panel,
  title,
  collapsed,
  place,
  onToggle,
}: {
  panel: PanelName;
  /** The panel's name in the button's: "Hide lesson". */
  title: string;
  collapsed: boolean;
  place: 'side' | 'bottom';
  /** Instead of remembering the choice (an empty lesson opened for a moment). */
  onToggle?: () => void;
}) {
  const setCollapsed = usePanels((s) => s.setCollapsed);
  return (
    <button
      type="button"
      className="btn btn--icon panel-toggle"
      aria-expanded={!collapsed}
      aria-label={`${collapsed ? 'Show' : 'Hide'} ${title}`}
      title={`${collapsed ? 'Show' : 'Hide'} the ${title}`}
      onClick={onToggle ?? (() => setCollapsed(panel, !collapsed))}
    >
      {GLYPHS[place][collapsed ? 1 : 0]}
    </button>
  );
}

/** A collapsed side panel: its name, written down the strip, and Show. */
export function PanelStrip({ panel, title }: { panel: PanelName; title: string }) {
  const setCollapsed = usePanels((s) => s.setCollapsed);
  return (
    <aside className="panel-strip" aria-label={title[0]!.toUpperCase() + title.slice(1)}>
      <PanelToggle panel={panel} title={title} collapsed place="side" />
      <h2 className="panel-strip__title" onClick={() => setCollapsed(panel, false)}>
        {title}
      </h2>
    </aside>
  );
}

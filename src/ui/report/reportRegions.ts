/**
 * The run report's "Regions" table (documents with `regions`): a column per region, a row per
 * region figure (src/model/kinds/regionFigures.ts), from the result at the end or the newest
 * window while running. Its rows' paths start with `regions`, where the headless JSON keeps them.
 */
import { reportedIn } from '../../model/kinds/figures.ts';
import { REGION_FIGURES } from '../../model/kinds/regionFigures.ts';
import { figureRows, type ReportInput, type ReportSection } from './reportModel.ts';

export function regionSection(input: ReportInput): ReportSection | null {
  const names = input.regions ?? [];
  const fromWindow = input.result === undefined;
  const all = fromWindow ? input.regionWindow : input.result?.regions;
  if (names.length === 0 || all === undefined) return null;
  const sources = names.map((name) => all[name] as Readonly<Record<string, unknown>> | undefined);
  const rows = REGION_FIGURES.filter((f) => reportedIn(f, fromWindow)).flatMap((f) =>
    figureRows(f, sources, fromWindow, (part) => part).map((r) => ({
      ...r,
      id: `regions:${r.id}`,
      path: ['regions', ...r.path],
    })),
  );
  return {
    id: 'regions',
    title: "Regions: each region's users, end to end",
    columns: names.map((name) => ({ id: name, name })),
    rows,
  };
}

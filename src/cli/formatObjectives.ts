/** The objectives, alerts and error budgets of a run, for the terminal summary. */
import { formatBudgetCounts, formatGradedLines, formatShare } from '../analysis/objectivesText.ts';
import type { SimResult } from '../engine/types.ts';

export function formatObjectives(r: SimResult): string[] {
  const lines = formatGradedLines(r.objectives ?? []);
  const budgets = Object.values(r.budgets ?? {});
  if (budgets.length > 0) {
    lines.push('', 'error budgets');
    for (const b of budgets) {
      lines.push(`  ${b.objective}: ${formatBudgetCounts(b)}: ${formatShare(b.burned)} burned`);
    }
  }
  const alerts = r.alerts ?? [];
  if (alerts.length > 0) {
    lines.push('', 'alerts');
    for (const a of alerts) {
      const name = a.pair !== undefined ? `${a.alert}/${a.pair}` : a.alert;
      const action = a.action !== undefined ? `; then ${JSON.stringify(a.action)}` : '';
      lines.push(
        `  ${a.tS} s  ${a.event.padEnd(8)} ${a.severity.padEnd(6)} ${name}: ${a.reason}${action}`,
      );
    }
  }
  return lines;
}

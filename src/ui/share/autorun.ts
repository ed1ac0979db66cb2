/**
 * `?autorun=1`: start the run as soon as the page has opened the linked document (a share link
 * or a preset). A link that could not be opened does not start the work saved in the browser.
 */
import type { StartResult } from '../layout/bootstrap.ts';
import type { RunClient } from '../run/runConnection.ts';

export function autorunIfAsked(start: StartResult, client: () => RunClient): boolean {
  if (!start.autorun) return false;
  if (start.opened !== 'share' && start.opened !== 'preset') return false;
  void client().start();
  return true;
}

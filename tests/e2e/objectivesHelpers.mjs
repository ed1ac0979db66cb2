// Shared by the objectives specs (kept out of specs/, where every file is run as a spec): the
// headless run of a document, to hold the page to, and the scorecard's chip.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A preset's document, to change before running it. */
export const presetDoc = (name) =>
  JSON.parse(readFileSync(join(root, `presets/${name}.json`), 'utf8'));

/** `npm run sim -- FILE --json` on a document: what the page must agree with. */
export function headless(doc) {
  const dir = mkdtempSync(join(tmpdir(), 'archsim-objectives-'));
  try {
    const file = join(dir, 'design.json');
    writeFileSync(file, JSON.stringify(doc));
    const out = execFileSync('npm', ['run', '--silent', 'sim', '--', file, '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The chip beside the run summary that opens the scorecard. */
export const scorecardChip = (page) =>
  page.getByRole('button', { name: /^(Objectives|[✓✗] \d+\/\d+ met)/ });

// Shared by the presets-in-view specs (one per window size, to stay well inside the runner's
// time): every node of every preset is in view when the preset opens with the lesson open: each
// node's box lies inside the canvas and under none of the canvas's own controls (zoom buttons,
// minimap, Tidy layout).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';

const PRESETS = readdirSync(new URL('../../presets/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

const overlap = (a, b) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;

/** Boxes of the canvas, its nodes and whatever the canvas draws over them. */
function measure() {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, right: r.right, bottom: r.bottom, width: r.width };
  };
  const pane = document.querySelector('.react-flow');
  const covers = [...document.querySelectorAll('.react-flow__panel, .canvas-overlay')]
    .map((el) => ({ what: el.getAttribute('aria-label') ?? el.className, ...box(el) }))
    .filter((b) => b.width > 0);
  const nodes = [...document.querySelectorAll('.react-flow__node')].map((el) => ({
    id: el.dataset.id,
    ...box(el),
  }));
  return { pane: box(pane), covers, nodes };
}

/**
 * The view has stopped moving: no fit is waiting for the canvas to settle (the canvas marks one
 * with `data-fitting`; the transform alone stays still while the canvas resizes, before the fit)
 * and the viewport transform is the same two polls running.
 */
async function settled(page) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('.react-flow__viewport');
      const now = el?.style.transform ?? '';
      const fitting = document.querySelector('[data-fitting]') !== null;
      const same = !fitting && now !== '' && now === globalThis.__lastTransform;
      globalThis.__lastTransform = now;
      return same;
    },
    undefined,
    { polling: 100, timeout: 10_000 },
  );
}

/** The presets in `part` (0 or 1) of two halves: each spec stays well inside the runner's time. */
export async function checkPresetsInView({ page, baseUrl, screenshot }, [width, height], part) {
  const half = Math.ceil(PRESETS.length / 2);
  const presets = PRESETS.slice(part * half, (part + 1) * half);
  const problems = [];
  try {
    await page.setViewportSize({ width, height });
    await page.goto(`${baseUrl}/?preset=${PRESETS[0]}`);
    const show = page.getByRole('button', { name: 'Show lesson' });
    const hide = page.getByRole('button', { name: 'Hide lesson' });
    await show.or(hide).first().waitFor();
    if (await show.isVisible()) await show.click();
    await hide.waitFor();
    for (const preset of presets) {
      await page.goto(`${baseUrl}/?preset=${preset}`);
      await page.locator('.react-flow__node').first().waitFor();
      await hide.waitFor(); // the lesson is open (remembered)
      await settled(page);
      const { pane, covers, nodes } = await page.evaluate(measure);
      for (const n of nodes) {
        const inside =
          n.x >= pane.x && n.right <= pane.right && n.y >= pane.y && n.bottom <= pane.bottom;
        if (!inside) problems.push(`${width}×${height} ${preset}: ${n.id} is outside the canvas`);
        for (const c of covers.filter((c) => overlap(n, c)))
          problems.push(`${width}×${height} ${preset}: ${n.id} is under ${c.what}`);
      }
      if (preset === 'read-replicas' || preset === 'cqrs') await screenshot(`${preset}-${width}`);
    }
    console.log(
      `     ${width}×${height}: ${presets.length} presets checked, canvas ${Math.round((await page.evaluate(measure)).pane.width)} px wide`,
    );
  } finally {
    // The browser's profile is shared by the specs that follow: leave the panels as they were.
    await page.evaluate(() => localStorage.removeItem('archsim.panels')).catch(() => {});
  }
  assert.deepEqual(problems, []);
}

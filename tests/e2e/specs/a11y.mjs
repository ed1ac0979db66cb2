// Accessibility on the main views: every interactive or focusable control has an accessible
// name (from Chromium's own accessibility tree), no id is used twice, Escape closes each
// popover and the Analyze drawer and gives focus back to the button that opened it, a dialog
// that opens takes focus, and Tab goes all the way round the page (toolbar → palette → canvas
// → charts → inspector and back) without getting stuck, with a visible focus ring on the canvas.
const INTERACTIVE = new Set([
  'button',
  'checkbox',
  'combobox',
  'link',
  'listbox',
  'menuitem',
  'option',
  'radio',
  'searchbox',
  'slider',
  'spinbutton',
  'switch',
  'tab',
  'textbox',
]);

async function problemsIn(page, view) {
  const cdp = await page.context().newCDPSession(page);
  const problems = [];
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    for (const n of nodes) {
      if (n.ignored) continue;
      const role = n.role?.value ?? '';
      const focusable = (n.properties ?? []).some((p) => p.name === 'focusable' && p.value?.value);
      if (role === 'RootWebArea' || !(INTERACTIVE.has(role) || focusable)) continue;
      if ((n.name?.value ?? '').trim() !== '') continue;
      let html = '';
      if (n.backendDOMNodeId !== undefined) {
        // Focusable only from script (tabindex="-1", e.g. recharts' inner layers): not a Tab stop.
        const { node } = await cdp.send('DOM.describeNode', { backendNodeId: n.backendDOMNodeId });
        const attrs = node.attributes ?? [];
        const tabindex = attrs[attrs.indexOf('tabindex') + 1];
        if (!INTERACTIVE.has(role) && attrs.includes('tabindex') && Number(tabindex) < 0) continue;
        const r = await cdp.send('DOM.getOuterHTML', { backendNodeId: n.backendDOMNodeId });
        html = r.outerHTML.slice(0, 120);
      }
      problems.push(`${view}: unnamed ${role}: ${html}`);
    }
  } finally {
    await cdp.detach();
  }
  const dups = await page.evaluate(() => {
    const seen = new Map();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, c]) => c > 1).map(([id]) => id);
  });
  for (const id of dups) problems.push(`${view}: id "${id}" is used more than once`);
  return problems;
}

const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e
      ? `${e.tagName.toLowerCase()} "${e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 30) ?? ''}"`
      : 'none';
  });

async function expectFocusInside(page, selector, what) {
  const inside = await page.evaluate(
    (s) => !!document.querySelector(s)?.contains(document.activeElement),
    selector,
  );
  if (!inside) throw new Error(`${what}: focus is on ${await focused(page)}, not inside it`);
}

/** Opens a toolbar dialog, audits it, closes it with Escape: focus back on its button. */
async function auditDialog(page, problems, buttonName, dialogName) {
  const button = page.getByRole('button', { name: buttonName, exact: true });
  await button.click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  await expectFocusInside(
    page,
    `[role="dialog"][aria-label="${dialogName}"]`,
    `${dialogName} open`,
  );
  problems.push(...(await problemsIn(page, `${dialogName} open`)));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  if (!(await button.evaluate((b) => b === document.activeElement)))
    throw new Error(`after Escape in ${dialogName}, focus is on ${await focused(page)}`);
}

export default async function ({ page, baseUrl, screenshot }) {
  const problems = [];
  await page.goto(`${baseUrl}/?preset=load-balancing`);
  await page.getByRole('status', { name: 'Run summary' }).waitFor();
  problems.push(...(await problemsIn(page, 'editor')));

  await page.locator('.react-flow__node', { hasText: 'API' }).click();
  await page.getByRole('button', { name: 'Delete node' }).waitFor();
  problems.push(...(await problemsIn(page, 'node selected')));
  // Edges are reached and selected from the keyboard too: focus, then Enter.
  await page.getByRole('group', { name: 'Call from Load balancer to API' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Delete edge' }).waitFor();
  problems.push(...(await problemsIn(page, 'edge selected')));
  await page.locator('.react-flow__node', { hasText: 'API' }).click();

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator('.chart-card').first().waitFor({ timeout: 20_000 });
  problems.push(...(await problemsIn(page, 'running')));

  // Finished: each chart is an image named by its title and its newest values.
  await page.getByLabel('Speed').selectOption('max');
  await page.getByText(/^Finished/).waitFor({ timeout: 30_000 });
  await page.getByRole('img', { name: /^End-to-end latency at / }).waitFor();
  problems.push(...(await problemsIn(page, 'finished')));

  await auditDialog(page, problems, 'Presets', 'Presets');
  await auditDialog(page, problems, 'Share', 'Share');
  await auditDialog(page, problems, 'Export', 'Export');

  // The Analyze drawer: focus on its selected tab, arrows between tabs, Escape closes it.
  const analyze = page.getByRole('button', { name: 'Analyze', exact: true });
  await analyze.click();
  const drawer = page.getByRole('dialog', { name: 'Analysis' });
  await drawer.waitFor();
  await expectFocusInside(page, '#analysis-drawer', 'Analysis open');
  for (const tab of ['Compare', 'Load sweep', 'Replications', 'Theory']) {
    await drawer.getByRole('tab', { name: tab }).click();
    problems.push(...(await problemsIn(page, `Analyze, ${tab}`)));
  }
  // A sweep's results: the curve and its table.
  await drawer.getByRole('tab', { name: 'Load sweep' }).click();
  await drawer.getByLabel('Duration per point (s)', { exact: true }).fill('10');
  await drawer.getByRole('button', { name: 'Run sweep' }).click();
  await drawer.getByRole('status', { name: 'Sweep summary' }).waitFor({ timeout: 60_000 });
  problems.push(...(await problemsIn(page, 'Analyze, sweep results')));
  await drawer.getByRole('tab', { name: 'Theory' }).click();
  await page.keyboard.press('ArrowRight'); // Theory → Compare (wraps)
  const selected = await drawer.getByRole('tab', { selected: true }).innerText();
  if (selected !== 'Compare') throw new Error(`ArrowRight from Theory selected "${selected}"`);
  await screenshot('analyze');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  if (!(await analyze.evaluate((b) => b === document.activeElement)))
    throw new Error(`after Escape in Analysis, focus is on ${await focused(page)}`);

  // Tab round the page: no trap, every region reached, a focus ring on a canvas node.
  await page.evaluate(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined,
  );
  const reached = new Set();
  let ringOnNode = false;
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return { area: 'body', ring: false };
      const area = e.closest('.toolbar')
        ? 'toolbar'
        : e.closest('.palette')
          ? 'palette'
          : e.closest('.react-flow__node')
            ? 'node'
            : e.closest('.react-flow')
              ? 'canvas'
              : e.closest('.app__bottom')
                ? 'charts'
                : e.closest('.inspector')
                  ? 'inspector'
                  : 'other';
      const ring =
        area === 'node' && getComputedStyle(e.firstElementChild ?? e).outlineStyle !== 'none';
      return { area, ring };
    });
    reached.add(where.area);
    ringOnNode ||= where.ring;
  }
  for (const area of ['toolbar', 'palette', 'node', 'canvas', 'charts', 'inspector', 'body'])
    if (!reached.has(area))
      problems.push(`Tab never reached the ${area} (reached ${[...reached].join(', ')})`);
  if (!ringOnNode) problems.push('a canvas node with keyboard focus shows no focus ring');

  if (problems.length > 0) throw new Error(problems.join('\n  '));
}

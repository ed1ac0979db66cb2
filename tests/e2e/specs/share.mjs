// Sharing end to end: Share gives a link in a field named "Share link" that opens the same
// document in a fresh page; hostile links (garbled, cut short, a deflate bomb) open the editor
// with an alert and leave the saved work alone; a document full of markup renders it inertly.
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { resetWork } from '../workspaceHelpers.mjs';

const b64url = (buf) => Buffer.from(buf).toString('base64url');

/** The nodes' texts, once the cost chips (loaded after the first paint) are in them. */
async function labels(page) {
  await page.getByTestId('node-chip-cost').first().waitFor();
  return (await page.locator('.react-flow__node').allTextContents()).map((t) => t.trim()).sort();
}

export default async function share({ page, context, baseUrl, screenshot }) {
  await page.goto(`${baseUrl}/`);
  await resetWork(page);

  // The saved work: a preset, renamed so it is recognisably this browser's own.
  await page.goto(`${baseUrl}/?preset=littles-law`);
  await page.getByTestId('node-server').waitFor();
  const name = page.getByLabel('Scenario name');
  await name.fill('My own queue');
  await name.press('Enter');
  await page.getByRole('heading', { name: 'My own queue', level: 1 }).waitFor();
  const saved = await labels(page);

  // Share, then open the link in a new page.
  await page.getByRole('button', { name: 'Share' }).click();
  const field = page.getByLabel('Share link');
  const link = await field.inputValue();
  assert.match(link, /#s=[A-Za-z0-9_-]+$/);
  await page
    .getByRole('dialog', { name: 'Share' })
    .getByRole('status')
    .filter({ hasText: /Copied|copy it/ })
    .waitFor();
  await screenshot('1-share');
  const other = await context.newPage();
  await other.goto(link);
  await other.getByTestId('node-server').waitFor();
  await other.getByRole('heading', { name: 'My own queue', level: 1 }).waitFor();
  assert.deepEqual(await labels(other), saved);
  await other.close();
  await page.keyboard.press('Escape');

  // Hostile links. Each opens the editor with an alert; the saved work stays.
  const real = link.split('#s=')[1];
  const bomb = b64url(deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 32), { level: 9 }));
  const messages = {};
  const hostile = {
    garbled: '!!!not*base64$$$',
    truncated: real.slice(0, Math.floor(real.length / 2)),
    bomb,
    notJson: b64url(deflateRawSync(Buffer.from('<script>alert(1)</script>'))),
  };
  for (const [kind, fragment] of Object.entries(hostile)) {
    // A new load each time: going from one #s= to another would only change the hash.
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/#s=${fragment}`);
    const alert = page.getByRole('alert').filter({ hasText: 'share link could not be opened' });
    await alert.waitFor();
    assert.equal(await alert.count(), 1);
    messages[kind] = await alert.textContent();
    await page.getByRole('heading', { name: 'My own queue', level: 1 }).waitFor();
    assert.deepEqual(await labels(page), saved, `${kind}: the saved work is shown`);
    if (kind === 'bomb') await screenshot('2-bomb-alert');
  }
  // Each kind of damage is named in its own words.
  assert.match(messages.bomb, /too large|too big|expands|2 MB|MB/i, messages.bomb);
  assert.equal(new Set(Object.values(messages)).size, Object.keys(messages).length);
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'My own queue', level: 1 }).waitFor();
  assert.deepEqual(await labels(page), saved, 'after reloading without the hash');
  assert.equal(await page.getByRole('alert').count(), 0);

  // A document full of markup: it opens, and nothing in it runs or renders as HTML.
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  const evil = {
    version: 1,
    name: '<img src=x onerror=alert(1)> name',
    description:
      '# Lesson\n\nText <img src=x onerror=alert(1)> and <script>window.__pwned = 1</script> ' +
      '[click](javascript:alert(1)) [safe](https://example.com)\n\n<iframe src="javascript:alert(1)"></iframe>',
    nodes: [
      {
        id: 'c',
        type: 'client',
        label: '<b onmouseover=alert(1)>Users</b>',
        position: { x: 0, y: 0 },
        params: {},
      },
      {
        id: 's',
        type: 'service',
        label: '<script>alert(1)</script>',
        position: { x: 260, y: 0 },
        params: {},
      },
    ],
    edges: [{ id: 'e', source: 'c', target: 's' }],
  };
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/#s=${b64url(deflateRawSync(Buffer.from(JSON.stringify(evil))))}`);
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  await lesson.getByRole('heading', { name: 'Lesson', level: 1 }).waitFor();
  await page.getByTestId('node-s').waitFor();
  assert.match(await page.getByTestId('node-s').textContent(), /<script>alert\(1\)<\/script>/);
  assert.match(
    await page.getByTestId('node-c').textContent(),
    /<b onmouseover=alert\(1\)>Users<\/b>/,
  );
  const body = lesson.locator('.lesson__body');
  assert.equal(await body.locator('img, script, iframe').count(), 0, 'no markup from the document');
  const hrefs = await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, ['https://example.com/']);
  assert.equal(await body.locator('a').first().getAttribute('rel'), 'noopener noreferrer');
  // Markup that slipped through would have fetched `x` (onerror) or run by now: wait until the
  // page has no request left in flight, then look.
  await page.waitForLoadState('networkidle');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(dialogs, 0, 'no alert() ran');
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await screenshot('3-markup-inert');
}

// An instructor's course page on another site embeds archsim in an iframe, with storage refused
// inside the frame (as third-party storage blocking does): it renders, runs on its own, and
// "Open in archsim" opens the full editor with the same document.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { refuseStorage } from '../workspaceHelpers.mjs';

export default async function embedCrossSite({ page, context, baseUrl, screenshot }) {
  const appPort = Number(new URL(baseUrl).port);
  const src = `${baseUrl}/?embed=1&autorun=1&preset=load-balancing`;
  const host = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<!doctype html><title>Course</title><h1>Week 3: load balancing</h1>` +
        `<iframe src="${src}" title="archsim" width="960" height="600"></iframe>`,
    );
  });
  await new Promise((done) => host.listen(appPort + 1, done));
  try {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.addInitScript(refuseStorage(true));
    // Another site: "localhost" is not "127.0.0.1".
    await page.goto(`http://localhost:${appPort + 1}/`);
    const frame = page.frameLocator('iframe[title="archsim"]');
    await frame.getByTestId('node-lb').waitFor();
    await frame.locator('.arch-node__live').first().waitFor({ timeout: 20_000 });
    assert.equal(await frame.getByRole('button', { name: 'Pause' }).isEnabled(), true, 'running');
    assert.equal(await frame.getByRole('alert').count(), 0);
    await screenshot('1-course-page');

    const open = frame.getByRole('link', { name: 'Open in archsim' });
    const href = await open.getAttribute('href');
    assert.match(href, new RegExp(`^${baseUrl}/#s=[A-Za-z0-9_-]+$`));
    assert.equal(await open.getAttribute('target'), '_blank');
    const [editor] = await Promise.all([context.waitForEvent('page'), open.click()]);
    await editor.getByTestId('node-lb').waitFor();
    await editor
      .getByRole('heading', { name: 'Load balancing: three replicas behind a balancer', level: 1 })
      .waitFor();
    await editor.getByRole('button', { name: 'Recent work' }).waitFor();
    await editor.close();
  } finally {
    // close() alone waits for the browser's keep-alive connections to the course page, which
    // stay open until the spec's time limit; end them first.
    host.closeAllConnections();
    await new Promise((done) => host.close(done));
  }
}

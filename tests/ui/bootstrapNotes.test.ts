// Every warning reaches the user: a share link, a preset link or a link pasted later
// (hashchange) whose document has a misspelt field opens with a note naming the field and the
// loader's suggestion, as Import does.
import { deflateSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/model/base64url.ts';
import { createAppStore, type AppStore } from '../../src/store/index.ts';
import { currentWorkspace } from '../../src/store/workspace.ts';
import { bootstrap, followAddress } from '../../src/ui/layout/bootstrap.ts';

const typo = (name: string) => ({
  version: 1,
  name,
  nodes: [
    { id: 'c', type: 'client', position: { x: 0, y: 0 } },
    { id: 's', type: 'service', position: { x: 200, y: 0 }, params: { wrokers: 8 } },
  ],
  edges: [{ id: 'e', source: 'c', target: 's' }],
});

const link = (doc: unknown) =>
  `#s=${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(doc))))}`;

const NOTE = /nodes\[1\]\.params: unknown field "wrokers" ignored \(did you mean "workers"\?\)/;

function infos(store: AppStore): string[] {
  return store
    .getState()
    .notices.filter((n) => n.kind === 'info')
    .map((n) => n.text);
}

afterEach(() => {
  currentWorkspace()?.dispose();
  localStorage.clear();
  history.replaceState(null, '', '/');
});

describe('a link whose document has a misspelt field', () => {
  it('opens, and a note names the field and the suggestion', async () => {
    const store = createAppStore();
    const start = await bootstrap(store, { search: '', hash: link(typo('Typo link')) });
    expect(start.opened).toBe('share');
    expect(store.getState().doc.name).toBe('Typo link');
    const [note] = infos(store);
    expect(note).toMatch(/^Opened the share link "Typo link"\./);
    expect(note).toMatch(NOTE);
  });

  it('a clean link opens without a note', async () => {
    const store = createAppStore();
    const clean = typo('Clean');
    delete (clean.nodes[1]!.params as Record<string, unknown>).wrokers;
    await bootstrap(store, { search: '', hash: link(clean) });
    expect(store.getState().doc.name).toBe('Clean');
    expect(infos(store)).toEqual([]);
  });

  it('pasted into the address bar later (hashchange): the same note', async () => {
    const store = createAppStore();
    const start = await bootstrap(store, { search: '', hash: '' });
    followAddress(store, start);
    const changed = new Promise((done) => addEventListener('hashchange', done, { once: true }));
    location.hash = link(typo('Pasted later'));
    await changed;
    await expect.poll(() => store.getState().doc.name).toBe('Pasted later');
    expect(infos(store).some((t) => NOTE.test(t) && t.includes('"Pasted later"'))).toBe(true);
  });
});

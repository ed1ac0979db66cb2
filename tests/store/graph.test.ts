import { describe, expect, it } from 'vitest';
import { beginBatch } from '../../src/store/index.ts';
import { freshStore } from './helpers.ts';

describe('graph slice: adding, connecting, removing', () => {
  it('adds a node with a unique id, the default params and a label, and selects it', () => {
    const store = freshStore();
    const a = store.getState().addNode('service', { x: 10, y: 20 });
    const b = store.getState().addNode('service', { x: 10, y: 120 });
    expect(a).not.toBe(b);
    const { doc, selectedIds } = store.getState();
    const added = doc.nodes.find((n) => n.id === b);
    expect(added?.type).toBe('service');
    expect(added?.position).toEqual({ x: 10, y: 120 });
    expect(added?.params).toMatchObject({ replicas: 1, workers: 1 });
    expect(added?.label).toMatch(/^Service/);
    expect(selectedIds).toEqual([b]);
    expect(new Set(doc.nodes.map((n) => n.id)).size).toBe(doc.nodes.length);
  });

  it('connects two nodes with an edge that has a fresh id', () => {
    const store = freshStore();
    const db = store.getState().addNode('database', { x: 800, y: 120 });
    const r = store.getState().connect('api', db);
    expect(r.ok).toBe(true);
    const edge = store.getState().doc.edges.find((e) => e.source === 'api' && e.target === db);
    expect(edge).toBeDefined();
    expect(r.ok && r.id).toBe(edge?.id);
    expect(['e1', 'e2']).not.toContain(edge?.id);
  });

  it('refuses a connection the model forbids, with a reason, and leaves the doc alone', () => {
    const store = freshStore();
    const before = store.getState().doc;
    const r = store.getState().connect('api', 'users');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/client/i);
    expect(store.getState().doc).toBe(before);
  });

  it('refuses a loop of calls', () => {
    const store = freshStore();
    const r = store.getState().connect('api', 'lb');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.length).toBeGreaterThan(10);
    expect(store.getState().doc.edges).toHaveLength(2);
  });

  it('refuses a duplicate edge and a self-connection', () => {
    const store = freshStore();
    expect(store.getState().connect('lb', 'api').ok).toBe(false);
    expect(store.getState().connect('api', 'api').ok).toBe(false);
  });

  it('removing a node removes its edges too', () => {
    const store = freshStore();
    store.getState().removeElements(['lb']);
    const { doc } = store.getState();
    expect(doc.nodes.map((n) => n.id)).toEqual(['users', 'api']);
    expect(doc.edges).toEqual([]);
  });

  it('updates params only when the model accepts them', () => {
    const store = freshStore();
    const api = () => store.getState().doc.nodes.find((n) => n.id === 'api');
    const params = api()?.params as unknown as Record<string, unknown>;
    const bad = store.getState().updateNodeParams('api', { ...params, workers: 0 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.path).toBe('nodes[2].params.workers');
    expect(!bad.ok && bad.message).toMatch(/integer from 1/);
    expect(api()?.params).toMatchObject({ workers: 4 });
    const good = store.getState().updateNodeParams('api', { ...params, workers: 8 });
    expect(good.ok).toBe(true);
    expect(api()?.params).toMatchObject({ workers: 8 });
  });

  it('refuses a warm-up as long as the run', () => {
    const store = freshStore();
    const r = store.getState().updateDocFields({ warmupS: 500 });
    expect(r.ok).toBe(false);
    expect(store.getState().doc.warmupS).toBe(10);
  });

  it('lays the graph out left to right', async () => {
    const store = freshStore();
    store.getState().moveNodes([{ id: 'api', position: { x: -500, y: 900 } }]);
    await store.getState().autoLayout();
    const x = (id: string) => store.getState().doc.nodes.find((n) => n.id === id)?.position.x ?? 0;
    expect(x('users')).toBeLessThan(x('lb'));
    expect(x('lb')).toBeLessThan(x('api'));
  });
});

describe('undo and redo over the document', () => {
  it('undoes and redoes an edit; selection changes are not undo steps', () => {
    const store = freshStore();
    const id = store.getState().addNode('cache', { x: 0, y: 0 });
    store.getState().select([]);
    store.getState().select(['api']);
    const history = store.temporal.getState();
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    history.undo();
    expect(store.getState().doc.nodes.some((n) => n.id === id)).toBe(false);
    store.temporal.getState().redo();
    expect(store.getState().doc.nodes.some((n) => n.id === id)).toBe(true);
  });

  it('records a whole drag as one step', () => {
    const store = freshStore();
    const end = beginBatch(store);
    for (let i = 1; i <= 5; i++) {
      store.getState().moveNodes([{ id: 'api', position: { x: 520 + i * 10, y: 120 } }]);
    }
    end();
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.temporal.getState().undo();
    expect(store.getState().doc.nodes.find((n) => n.id === 'api')?.position).toEqual({
      x: 520,
      y: 120,
    });
  });
});

describe('copy, paste and duplicate', () => {
  it('pastes the selected nodes and the edges between them with new ids', () => {
    const store = freshStore();
    store.getState().copy(['lb', 'api']);
    const ids = store.getState().paste();
    const { doc, selectedIds } = store.getState();
    expect(doc.nodes).toHaveLength(5);
    expect(doc.edges).toHaveLength(3);
    expect(selectedIds).toEqual(ids);
    const pastedEdge = doc.edges[2];
    const pastedNodes = doc.nodes.slice(3).map((n) => n.id);
    expect(pastedNodes).not.toContain('lb');
    expect(pastedNodes).toContain(pastedEdge?.source);
    expect(pastedNodes).toContain(pastedEdge?.target);
    const lbCopy = doc.nodes.find((n) => n.id === pastedEdge?.source);
    expect(lbCopy?.position).toEqual({ x: 300, y: 160 });
  });

  it('a second paste lands further along, not on top of the first', () => {
    const store = freshStore();
    store.getState().copy(['api']);
    store.getState().paste();
    store.getState().paste();
    const xs = store
      .getState()
      .doc.nodes.filter((n) => n.type === 'service')
      .map((n) => n.position.x);
    expect(new Set(xs).size).toBe(3);
  });

  it('pastes at a point: the top-left node lands there, the others keep their places around it', () => {
    const store = freshStore();
    store.getState().copy(['lb', 'api']);
    const ids = store.getState().paste({ x: 1000, y: 500 });
    const at = (id: string | undefined) =>
      store.getState().doc.nodes.find((n) => n.id === id)?.position;
    const [lbCopy, apiCopy] = ids;
    const lb = at('lb')!;
    const api = at('api')!;
    expect(at(lbCopy)).toEqual({ x: 1000, y: 500 });
    expect(at(apiCopy)).toEqual({ x: 1000 + api.x - lb.x, y: 500 + api.y - lb.y });
  });

  it('undoing a paste leaves no selected id behind that is gone from the document', () => {
    const store = freshStore();
    store.getState().copy(['api']);
    store.getState().paste();
    expect(store.getState().selectedIds).toHaveLength(1);
    store.temporal.getState().undo();
    expect(store.getState().selectedIds).toEqual([]);
    store.getState().select(['api', 'lb']);
    store.getState().moveNodes([{ id: 'api', position: { x: 1, y: 2 } }]);
    expect(store.getState().selectedIds).toEqual(['api', 'lb']); // existing ids stay selected
  });

  it('duplicate copies a node with its params', () => {
    const store = freshStore();
    const [copy] = store.getState().duplicate(['api']);
    const node = store.getState().doc.nodes.find((n) => n.id === copy);
    expect(node?.params).toMatchObject({ replicas: 3, workers: 4 });
  });
});

describe('replication edges', () => {
  it('links two databases with a replication edge but refuses a call between them', () => {
    const store = freshStore();
    const primary = store.getState().addNode('database', { x: 0, y: 0 });
    const replica = store.getState().addNode('database', { x: 0, y: 100 });
    expect(store.getState().connect(primary, replica).ok).toBe(false);
    const r = store.getState().connect(primary, replica, 'replication');
    expect(r.ok).toBe(true);
    expect(store.getState().doc.edges.at(-1)?.kind).toBe('replication');
  });
});

/**
 * The document being edited and every edit on it. `doc` is the single source of truth: the
 * canvas derives its nodes and edges from it. Value edits go through `loadScenario` (the model's
 * one door), so an invalid value is refused with the model's message and never reaches the doc.
 */
import type { StateCreator } from 'zustand';
import type {
  EdgeKind,
  Fault,
  NodeType,
  Position,
  Scenario,
  ScenarioEdge,
} from '../model/types.ts';
import { SCENARIO_VERSION } from '../model/types.ts';
import { loadScenario } from '../model/load.ts';
import { KIND_DESCRIPTIONS, nodeWithDefaults } from '../model/kinds/index.ts';
import { canAddEdge } from '../model/canAddEdge.ts';
import type { AppState } from './index.ts';
import {
  clipOf,
  pasteClip,
  uniqueEdgeId,
  uniqueId,
  usedIds,
  withoutElements,
  type Clip,
} from './docOps.ts';

/** `error` is the model's line with its path (`nodes[1].params.workers: must be …`);
 *  `message` is the same without the path, for showing beside the field. */
export type EditResult =
  { ok: true } | { ok: false; error: string; message: string; path?: string };
export type ConnectResult = { ok: true; id: string } | { ok: false; reason: string };
export type DocFields = Partial<Pick<Scenario, 'name' | 'seed' | 'durationS' | 'warmupS'>>;

export interface GraphSlice {
  doc: Scenario;
  clipboard: Clip | null;
  /** Replace the whole document (a preset, a share link, a file); clears the selection. */
  setDoc: (doc: Scenario) => void;
  addNode: (type: NodeType, position: Position) => string;
  updateNodeParams: (id: string, params: unknown) => EditResult;
  updateNodeLabel: (id: string, label: string) => EditResult;
  moveNodes: (moves: Array<{ id: string; position: Position }>) => void;
  connect: (source: string, target: string, kind?: EdgeKind) => ConnectResult;
  updateEdge: (id: string, patch: Partial<Omit<ScenarioEdge, 'id'>>) => EditResult;
  /** Replace an edge's editable fields wholesale (absent optional fields are removed). */
  replaceEdge: (edge: ScenarioEdge) => EditResult;
  removeElements: (ids: readonly string[]) => void;
  duplicate: (ids: readonly string[]) => string[];
  copy: (ids: readonly string[]) => void;
  /** Pastes the clipboard; with `at` (canvas coordinates) its top-left node lands there. */
  paste: (at?: { x: number; y: number }) => string[];
  /** Lays the design out in tiers (ELK, loaded on first use: not needed for the first paint). */
  autoLayout: (sizes?: Record<string, { width: number; height: number }>) => Promise<void>;
  updateDocFields: (fields: DocFields) => EditResult;
  /** An edit of the regions and the nodes' places (src/store/regionOps.ts), checked by the model. */
  editRegions: (edit: (doc: Scenario) => Scenario) => EditResult;
  /** Faults are known by their index in `doc.faults`; a new one goes last (the engine orders
   *  simultaneous faults by index, so an injected fault and its replay agree). */
  addFault: (fault: Fault) => EditResult;
  updateFault: (index: number, fault: Fault) => EditResult;
  removeFault: (index: number) => void;
}

export const EMPTY_DOC: Scenario = {
  version: SCENARIO_VERSION,
  name: 'Untitled scenario',
  description: '',
  seed: 42,
  durationS: 60,
  warmupS: 5,
  nodes: [],
  edges: [],
  faults: [],
};

const PASTE_OFFSET = { x: 40, y: 40 };

/** The model names nodes by id ("lb"); the user knows them by label ("Load balancer"). */
/** A model reason with node ids replaced by their labels, as the user knows them. */
export function readable(doc: Scenario, reason: string): string {
  const text = reason.replace(/"([A-Za-z0-9_-]+)"/g, (whole, id: string) => {
    const node = doc.nodes.find((n) => n.id === id);
    return node ? `"${node.label}"` : whole;
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const createGraphSlice: StateCreator<AppState, [], [], GraphSlice> = (set, get) => {
  /** Validate a candidate document through the model; commit it only when it loads. */
  const commit = (candidate: Scenario): EditResult => {
    const result = loadScenario(candidate);
    if (!result.ok) {
      const prefix = `${result.path || 'document'}: `;
      const message = result.error.startsWith(prefix)
        ? result.error.slice(prefix.length)
        : result.error;
      return { ok: false, error: result.error, message, path: result.path };
    }
    set({ doc: result.scenario });
    return { ok: true };
  };
  const refuse = (text: string): EditResult => ({ ok: false, error: text, message: text });

  return {
    doc: EMPTY_DOC,
    clipboard: null,

    setDoc: (doc) => set({ doc, selectedIds: [] }),

    addNode: (type, position) => {
      const { doc } = get();
      const id = uniqueId(type, usedIds(doc));
      const kindLabel = KIND_DESCRIPTIONS[type].label;
      const sameKind = doc.nodes.filter((n) => n.type === type).length;
      const label = sameKind === 0 ? kindLabel : `${kindLabel} ${sameKind + 1}`;
      const node = nodeWithDefaults(type, id, {}, position, label);
      set({
        doc: { ...doc, nodes: [...doc.nodes, node] },
        selectedIds: [id],
      });
      return id;
    },

    updateNodeParams: (id, params) => {
      const { doc } = get();
      const nodes = doc.nodes.map((n) => (n.id === id ? { ...n, params } : n));
      return commit({ ...doc, nodes } as Scenario);
    },

    updateNodeLabel: (id, label) => {
      const { doc } = get();
      if (label.trim() === '') return refuse('A name is needed.');
      const nodes = doc.nodes.map((n) => (n.id === id ? { ...n, label } : n));
      return commit({ ...doc, nodes });
    },

    moveNodes: (moves) => {
      const { doc } = get();
      const to = new Map(moves.map((m) => [m.id, m.position]));
      const nodes = doc.nodes.map((n) => {
        const p = to.get(n.id);
        return p ? { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } } : n;
      });
      set({ doc: { ...doc, nodes } });
    },

    connect: (source, target, kind = 'call') => {
      const { doc } = get();
      const allowed = canAddEdge(doc, source, target, kind);
      if (!allowed.ok) return { ok: false, reason: readable(doc, allowed.reason) };
      const id = uniqueEdgeId(usedIds(doc));
      const edge: ScenarioEdge = {
        id,
        source,
        target,
        kind,
        weight: 1,
        latencyMs: { dist: 'constant', ms: 1 },
      };
      // The model has the last word (e.g. a cache has exactly one backing store).
      const result = commit({ ...doc, edges: [...doc.edges, edge] });
      return result.ok ? { ok: true, id } : { ok: false, reason: result.message };
    },

    updateEdge: (id, patch) => {
      const { doc } = get();
      const edges = doc.edges.map((e) => (e.id === id ? { ...e, ...patch } : e));
      return commit({ ...doc, edges });
    },

    replaceEdge: (edge) => {
      const { doc } = get();
      const edges = doc.edges.map((e) => (e.id === edge.id ? edge : e));
      return commit({ ...doc, edges });
    },

    removeElements: (ids) => {
      if (ids.length === 0) return;
      const gone = new Set(ids);
      set((s) => ({
        doc: withoutElements(s.doc, gone),
        selectedIds: s.selectedIds.filter((id) => !gone.has(id)),
      }));
    },

    duplicate: (ids) => {
      const { doc } = get();
      const clip = clipOf(doc, new Set(ids));
      if (clip.nodes.length === 0) return [];
      const pasted = pasteClip(doc, clip, PASTE_OFFSET);
      set({ doc: pasted.doc, selectedIds: pasted.ids });
      return pasted.ids;
    },

    copy: (ids) => {
      const clip = clipOf(get().doc, new Set(ids));
      if (clip.nodes.length > 0) set({ clipboard: clip });
    },

    paste: (at) => {
      const { doc, clipboard } = get();
      if (!clipboard) return [];
      // At the pointer when there is one (the clip's top-left corner on it), else 40 px along.
      const minX = Math.min(...clipboard.nodes.map((n) => n.position.x));
      const minY = Math.min(...clipboard.nodes.map((n) => n.position.y));
      const offset = at === undefined ? PASTE_OFFSET : { x: at.x - minX, y: at.y - minY };
      const pasted = pasteClip(doc, clipboard, offset);
      // Shift the clipboard so pasting again does not stack copies on top of each other.
      const shifted: Clip = {
        nodes: clipboard.nodes.map((n) => ({
          ...n,
          position: { x: n.position.x + PASTE_OFFSET.x, y: n.position.y + PASTE_OFFSET.y },
        })),
        edges: clipboard.edges,
      };
      set({ doc: pasted.doc, selectedIds: pasted.ids, clipboard: shifted });
      return pasted.ids;
    },

    autoLayout: async (sizes) => {
      const { layoutPositions } = await import('./layout.ts');
      // Read the document after the load, so an edit made meanwhile is laid out too; and again
      // after the layout, so one made while it ran is kept (a node it did not place stays put).
      const placed = await layoutPositions(get().doc, sizes);
      const { doc } = get();
      const nodes = doc.nodes.map((n) => ({ ...n, position: placed[n.id] ?? n.position }));
      set({ doc: { ...doc, nodes } });
    },

    updateDocFields: (fields) => commit({ ...get().doc, ...fields }),

    editRegions: (edit) => commit(edit(get().doc)),

    addFault: (fault) => {
      const { doc } = get();
      return commit({ ...doc, faults: [...doc.faults, fault] });
    },

    updateFault: (index, fault) => {
      const { doc } = get();
      if (index < 0 || index >= doc.faults.length) return refuse('That fault no longer exists.');
      return commit({ ...doc, faults: doc.faults.map((f, i) => (i === index ? fault : f)) });
    },

    removeFault: (index) => {
      const { doc } = get();
      if (index < 0 || index >= doc.faults.length) return;
      set({ doc: { ...doc, faults: doc.faults.filter((_, i) => i !== index) } });
    },
  };
};

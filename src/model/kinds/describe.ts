/**
 * How a kind describes itself to the palette and the inspector: a label, an icon, a one-line
 * summary and one descriptor per editable field. The UI draws from these, so adding a kind or a
 * field needs no UI edit.
 */
import type { EdgeKind, FaultKind, NodeType } from '../types.ts';
import type { FigureDescriptor } from './figures.ts';

export type ParamControl =
  | 'number'
  | 'integer'
  | 'boolean'
  | 'select'
  | 'dist'
  | 'arrival'
  | 'profile'
  | 'json'
  | 'group'
  | 'variant';

/** One form of a 'variant' (e.g. autoscale's `mode: 'scheduled'`). */
export interface VariantCase {
  /** The discriminator's value, e.g. 'scheduled'. */
  value: string;
  /** What the choice shows, e.g. 'scheduled: replicas by the clock'. */
  label: string;
  /** Keys relative to the object. */
  fields: ParamDescriptor[];
  /** The whole object when this case is chosen afresh (discriminator included). */
  defaults: Record<string, unknown>;
}

export interface ParamDescriptor {
  /** Dot path within params (or within the edge / fault), e.g. 'arrival.rps'. */
  key: string;
  label: string;
  help: string;
  unit?: string;
  control: ParamControl;
  min?: number;
  max?: number;
  step?: number;
  /** For 'select'. */
  options?: readonly string[];
  /** The field may be absent (empty in the inspector); `help` says what absent means. For a
   *  'group' or 'variant', the whole object may be absent: an "enabled" switch. */
  optional?: boolean;
  /** For 'group': the object's fields, keys relative to the object. */
  fields?: ParamDescriptor[];
  /** For 'group': the object when switched on (the schema's own defaults, parsed from `{}`). */
  defaults?: Record<string, unknown>;
  /** For 'variant': the discriminating key (e.g. 'mode') and its cases, first = default. */
  variant?: { key: string; label: string; cases: VariantCase[] };
}

export interface KindDescription {
  type: NodeType;
  label: string;
  icon: string;
  summary: string;
  params: ParamDescriptor[];
  /** The kind's own figures, beyond COMMON_FIGURES (see ./figures.ts). */
  figures: readonly FigureDescriptor[];
}

export interface FaultKindDescription {
  kind: FaultKind;
  label: string;
  help: string;
  /** Whether the target is a node id or an edge id. */
  target: 'node' | 'edge';
  /** Node types it may hit (target 'node'). */
  nodeTypes?: readonly NodeType[];
  /** Edge kinds it may hit (target 'edge'). */
  edgeKinds?: readonly EdgeKind[];
  /** Kind-specific fields, beyond atS / forS / target. */
  fields: ParamDescriptor[];
}

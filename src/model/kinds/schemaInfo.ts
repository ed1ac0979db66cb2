/**
 * Reads a field's facts back from its zod schema: whether it may be absent, its default, its
 * limits (kept by `int`, `num` and `positive`), its options. The inspector's descriptors and the
 * docs' tables are filled from here, so a bound or a default is written once, in the schema.
 */
import { boundsOf, distSchema, type NumberBounds } from './common.ts';
import type { ParamControl, ParamDescriptor } from './describe.ts';

export interface FieldInfo {
  /** The schema under any default / optional wrapper. */
  inner: object;
  optional: boolean;
  /** What the loader fills in when the field is absent (undefined: nothing). */
  default: unknown;
  bounds?: NumberBounds;
  options?: readonly string[];
  control?: ParamControl;
}

type Def = Record<string, unknown> & { type: string };
/** A zod schema's definition: the one place that reads zod's internals. */
export const defOf = (schema: object): Def => (schema as { _zod: { def: Def } })._zod.def;

/** The field at a dot path (`keys.count`) of an object schema. */
export function fieldInfo(root: object, path: string): FieldInfo {
  let schema: object = root;
  // A field inside an optional object (a class's `keys.count`) may be absent with it.
  let withinOptional = false;
  for (const key of path.split('.')) {
    const outer = unwrap(schema);
    withinOptional ||= outer.optional && schema !== root;
    const shape = defOf(outer.inner)['shape'] as Record<string, object> | undefined;
    const next = shape?.[key];
    if (!next) throw new Error(`the schema has no field "${path}"`);
    schema = next;
  }
  const u = unwrap(schema);
  const def = defOf(u.inner);
  const bounds = boundsOf(u.inner);
  const optional = u.optional || withinOptional;
  const info: FieldInfo = { inner: u.inner, optional, default: u.default };
  if (bounds) {
    info.bounds = bounds;
    info.control = bounds.integer ? 'integer' : 'number';
  } else if (def.type === 'boolean') info.control = 'boolean';
  else if (def.type === 'enum') {
    info.options = Object.values(def['entries'] as Record<string, string>);
    info.control = 'select';
  } else if (u.inner === distSchema) info.control = 'dist';
  return info;
}

/** Peels default, prefault and optional wrappers, noting what they say. */
function unwrap(schema: object): { inner: object; optional: boolean; default: unknown } {
  let inner = schema;
  let optional = false;
  let dflt: unknown = undefined;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'default') dflt ??= structuredClone(def['defaultValue']);
    else if (def.type !== 'prefault') return { inner, optional, default: dflt };
    inner = def['innerType'] as object;
  }
}

/** What a descriptor states by hand: its words. The rest is read from the schema. */
export type FieldWords = Omit<
  ParamDescriptor,
  'control' | 'min' | 'max' | 'minExclusive' | 'optional' | 'options' | 'default' | 'fields'
> & {
  /** Needed only where the schema cannot tell (arrival, profile, group, variant). */
  control?: ParamControl;
  /** For a group: its fields' words, keys relative to the object. */
  fields?: FieldWords[];
};

/**
 * The descriptors of `words`, each completed from the field's schema in `objectSchema`: its
 * control, limits, unit, options, whether it may be absent and its default.
 */
export function describeFields(objectSchema: object, words: FieldWords[]): ParamDescriptor[] {
  return words.map((w) => describeField(objectSchema, w));
}

function describeField(objectSchema: object, w: FieldWords): ParamDescriptor {
  const info = fieldInfo(objectSchema, w.key);
  const control = w.control ?? info.control;
  if (!control) throw new Error(`field "${w.key}": say its control, the schema cannot tell`);
  const { fields, ...words } = w;
  const d: ParamDescriptor = { ...words, control };
  if (info.optional) d.optional = true;
  if (info.bounds) {
    d.min = info.bounds.min;
    d.max = info.bounds.max;
    if (info.bounds.minExclusive) d.minExclusive = true;
    if (info.bounds.unit && d.unit === undefined) d.unit = info.bounds.unit;
  }
  if (info.options) d.options = info.options;
  if (info.default !== undefined) d.default = info.default;
  if (fields) d.fields = describeFields(info.inner, fields);
  return d;
}

/**
 * The request-class params as tables, one row per class: a client's class mix, a Layer-7
 * balancer's routes and a service's time per class. The inspector draws them as rows of typed
 * fields and the docs list their columns, both from these descriptors; limits and defaults come
 * from the schemas (./classes.ts).
 */
import { exponential } from './common.ts';
import { MAX_CLASSES, requestClassSchema } from './classes.ts';
import type { ParamDescriptor, TableShape } from './describe.ts';
import { describeFields } from './schemaInfo.ts';

const CLASS_KEY: ParamDescriptor = {
  key: 'class',
  label: 'Class',
  help: 'The request class, by its name in a client’s class mix.',
  control: 'className',
};

export const CLASS_MIX_TABLE: TableShape = {
  rows: 'list',
  item: 'Class',
  maxRows: MAX_CLASSES,
  blank: { share: 1, priority: 0 },
  columns: describeFields(requestClassSchema, [
    {
      key: 'name',
      label: 'Name',
      help: 'What the class is called (checkout, browse…: 1 to 32 of A-Z a-z 0-9 _ -): routes and service times name it.',
      control: 'className',
    },
    { key: 'share', label: 'Share', help: "Its weight in the client's traffic." },
    {
      key: 'priority',
      label: 'Priority',
      help: 'Where services and queues order by class: 0 is served first and shed last.',
    },
    {
      key: 'writeRatio',
      label: 'Write ratio',
      help: "Its share of writes (0..1). Empty = the client's write ratio.",
      step: 0.05,
    },
    {
      key: 'keys.count',
      label: 'Distinct keys',
      help: "Its own key space, keys 0..count-1. Empty = the client's keys.",
    },
    {
      key: 'keys.zipf',
      label: 'Key skew',
      help: 'Zipf exponent of its own keys (with its own key space).',
      step: 0.1,
      shownWhen: { key: 'keys.count' },
    },
  ]),
};

export const ROUTES_TABLE: TableShape = {
  rows: 'record',
  item: 'Route',
  blank: {},
  columns: [
    CLASS_KEY,
    {
      key: 'nodes',
      label: 'Served by',
      help: 'The nodes behind this balancer that serve the class: a list of node ids, at least one.',
      control: 'backends',
    },
  ],
};

export const CLASS_TIMES_TABLE: TableShape = {
  rows: 'record',
  item: 'Class time',
  blank: { time: exponential(10) },
  columns: [
    CLASS_KEY,
    { key: 'time', label: 'Service time', help: "The class's own service time.", control: 'dist' },
  ],
};

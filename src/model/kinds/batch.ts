/**
 * A batch consumer (a service's `batch`): requests wait until `maxItems` are there or the oldest
 * has waited `maxWaitMs`, and a worker serves them together in `overheadMs + perItemMs × items`.
 * The engine's side is src/engine/messaging/batcher.ts.
 */
import * as z from 'zod';
import { int, MAX_MS, num, positive } from './common.ts';
import type { ParamDescriptor } from './describe.ts';
import { describeFields } from './schemaInfo.ts';

export const batchSchema = z.strictObject({
  maxItems: int(1, 100_000).default(10),
  maxWaitMs: positive(MAX_MS, 'ms').default(50),
  overheadMs: num(0, MAX_MS, 'ms').default(10),
  perItemMs: num(0, MAX_MS, 'ms').default(1),
});

export const BATCH_PARAM: ParamDescriptor = {
  key: 'batch',
  label: 'Batches',
  help: "Serve requests in batches (a batch consumer): a worker takes up to the batch size at once, in the batch's overhead plus a time per item; outgoing calls are made once per batch (a batched write). The service time above and priorities then do not apply. Off = one request at a time.",
  control: 'group',
  optional: true,
  defaults: batchSchema.parse({}),
  fields: describeFields(batchSchema, [
    { key: 'maxItems', label: 'Batch size', help: 'The most requests in one batch.' },
    {
      key: 'maxWaitMs',
      label: 'Longest wait',
      help: 'A smaller batch goes when its oldest request has waited this long.',
    },
    { key: 'overheadMs', label: 'Overhead per batch', help: 'Fixed work per batch.' },
    { key: 'perItemMs', label: 'Time per item', help: 'Work added by each request in the batch.' },
  ]),
};

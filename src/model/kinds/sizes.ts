/**
 * The instance sizes a service or a database runs on: the one table of them. Each size is twice
 * the one before it in vCPUs, memory and price, as a cloud instance family is (AWS m7i on-demand,
 * us-east-1: m7i.large, 2 vCPU 8 GiB, $0.1008 an hour; xlarge $0.2016; 2xlarge $0.4032; 4xlarge
 * $0.8064). A size multiplies the node's servers (a service's workers per replica, a database's
 * connections: more vCPUs serve more requests at once, each as fast) and its price per
 * instance-hour by its `capacity`. Small is the kinds' baseline: its price is the kind's own.
 */
import { oneOf } from './common.ts';

export const INSTANCE_SIZES = {
  small: { vcpus: 2, memoryGiB: 8, capacity: 1 },
  medium: { vcpus: 4, memoryGiB: 16, capacity: 2 },
  large: { vcpus: 8, memoryGiB: 32, capacity: 4 },
  xlarge: { vcpus: 16, memoryGiB: 64, capacity: 8 },
} as const;

export type InstanceSize = keyof typeof INSTANCE_SIZES;

export const SIZE_NAMES = Object.keys(INSTANCE_SIZES) as [InstanceSize, ...InstanceSize[]];

/** The `size` param of a kind that has sizes. */
export const sizeSchema = () => oneOf(SIZE_NAMES).default('small');

/** Servers at a size: the ones asked for per small instance × the size's capacity. */
export const sized = (servers: number, size: InstanceSize): number =>
  servers * INSTANCE_SIZES[size].capacity;

/** The sizes in words, for a field's help: "small 2 vCPU 8 GiB ×1 · medium …". */
export const SIZES_TEXT = SIZE_NAMES.map((s) => {
  const z = INSTANCE_SIZES[s];
  return `${s} ${z.vcpus} vCPU ${z.memoryGiB} GiB ×${z.capacity}`;
}).join(' · ');

/** The canvas line's mention of a size: nothing for the baseline. */
export const sizeText = (size: InstanceSize): string => (size === 'small' ? '' : `${size}, `);

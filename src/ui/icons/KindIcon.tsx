/**
 * One small line icon per node kind, drawn as inline SVG so it shows on every machine (the
 * model's emoji `icon` field is data; many Linux desktops and headless browsers have no emoji
 * font and drew empty boxes). 16 × 16 grid, strokes in the current colour.
 */
import type { ReactElement } from 'react';
import type { NodeType } from '../../model/types.ts';

const SHAPES: Record<NodeType, ReactElement> = {
  // A person: head and shoulders.
  client: (
    <>
      <circle cx="8" cy="5" r="2.6" />
      <path d="M2.8 14c0-3 2.3-4.8 5.2-4.8s5.2 1.8 5.2 4.8" />
    </>
  ),
  // One arrow in, split into three out.
  loadBalancer: (
    <>
      <path d="M1.5 8h4.5" />
      <path d="M6 8l6.5-4.5M6 8h6.5M6 8l6.5 4.5" />
      <path d="M11 2.6l1.7.9-.9 1.7M11.2 13.4l1.6-.9-.9-1.7M11.5 6.6l1.3 1.4-1.3 1.4" />
    </>
  ),
  // A gauge: an arc and a needle.
  rateLimiter: (
    <>
      <path d="M2.5 11.5a5.5 5.5 0 1 1 11 0" />
      <path d="M8 11.5l3-4" />
      <circle cx="8" cy="11.5" r="0.9" />
    </>
  ),
  // A server: two stacked units with status lights.
  service: (
    <>
      <rect x="2" y="2.5" width="12" height="4.5" rx="1" />
      <rect x="2" y="9" width="12" height="4.5" rx="1" />
      <path d="M4.5 4.75h.01M4.5 11.25h.01M8 4.75h3.5M8 11.25h3.5" />
    </>
  ),
  // A lightning bolt.
  cache: <path d="M9.5 1.5L3.5 9h4l-1 5.5 6-7.5h-4z" />,
  // Three stacked bars: messages waiting.
  queue: (
    <>
      <rect x="2.5" y="2.5" width="11" height="2.8" rx="0.8" />
      <rect x="2.5" y="6.6" width="11" height="2.8" rx="0.8" />
      <rect x="2.5" y="10.7" width="11" height="2.8" rx="0.8" />
    </>
  ),
  // One line branching into three shards.
  shardRouter: (
    <>
      <path d="M1.5 8h4" />
      <path d="M5.5 8C8 8 8 3.5 10.5 3.5M5.5 8h5M5.5 8c2.5 0 2.5 4.5 5 4.5" />
      <circle cx="12.5" cy="3.5" r="1.5" />
      <circle cx="12.5" cy="8" r="1.5" />
      <circle cx="12.5" cy="12.5" r="1.5" />
    </>
  ),
  // A cylinder.
  database: (
    <>
      <ellipse cx="8" cy="3.8" rx="5" ry="1.8" />
      <path d="M3 3.8v8.4c0 1 2.2 1.8 5 1.8s5-.8 5-1.8V3.8" />
      <path d="M3 8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8" />
    </>
  ),
};

export function KindIcon({ type, size = 16 }: { type: NodeType; size?: number }) {
  return (
    <svg
      className="kind-icon"
      data-kind={type}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[type]}
    </svg>
  );
}

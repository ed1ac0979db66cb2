/**
 * One small line icon per node kind, drawn as inline SVG from the kind's `glyph` so it shows on
 * every machine (the model's emoji `icon` field is data; many Linux desktops and headless
 * browsers have no emoji font and drew empty boxes). 16 × 16 grid, strokes in the current colour.
 */
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import type { Glyph } from '../../model/kinds/describe.ts';
import type { NodeType } from '../../model/types.ts';

function Stroke({ glyph }: { glyph: Glyph }) {
  switch (glyph[0]) {
    case 'path':
      return <path d={glyph[1]} />;
    case 'circle':
      return <circle cx={glyph[1]} cy={glyph[2]} r={glyph[3]} />;
    case 'rect':
      return <rect x={glyph[1]} y={glyph[2]} width={glyph[3]} height={glyph[4]} rx={glyph[5]} />;
    case 'ellipse':
      return <ellipse cx={glyph[1]} cy={glyph[2]} rx={glyph[3]} ry={glyph[4]} />;
  }
}

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
      {KIND_DESCRIPTIONS[type].glyph.map((glyph, i) => (
        <Stroke key={i} glyph={glyph} />
      ))}
    </svg>
  );
}

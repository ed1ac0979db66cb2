/**
 * The canvas's dot grid, one dot every GAP flow pixels, following the view. React Flow's
 * <Background> draws it as an SVG pattern that React renders again on every pointer move of a
 * pan, and that the raster threads draw dot by dot (35,000 dots on a 100-node design seen whole);
 * this is one element with a CSS gradient tile, its size and offset written straight from React
 * Flow's store, never through a render.
 */
import { useLayoutEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';

/** Flow pixels between dots: the snap grid's every other line. */
const GAP = 20;
/**
 * Below this zoom a dot is under 0.4 px across and the grid cannot be told from the background,
 * yet drawing its dots (a 100-node design seen whole has about 35,000 on screen) was a fifth of
 * the raster threads' time on every frame of a pan: it is not drawn.
 */
const MIN_ZOOM = 0.4;

export function CanvasDots() {
  const flow = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    let shown: readonly number[] | undefined;
    let zoom = NaN;
    const write = () => {
      const t = flow.getState().transform;
      if (shown !== undefined && t[0] === shown[0] && t[1] === shown[1] && t[2] === shown[2])
        return;
      shown = t;
      const gap = GAP * t[2];
      // The tile's centre holds the dot: shifted half a tile, dots sit on the flow's grid lines.
      el.style.backgroundSize = `${gap}px ${gap}px`;
      el.style.backgroundPosition = `${t[0] - gap / 2}px ${t[1] - gap / 2}px`;
      // A dot as wide as a flow pixel, as React Flow's was; its image is made again only on a zoom.
      if (t[2] !== zoom) {
        el.style.setProperty('--dot', `${t[2] / 2}px`);
        el.hidden = t[2] < MIN_ZOOM;
      }
      zoom = t[2];
    };
    write();
    return flow.subscribe(write);
  }, [flow]);
  return <div ref={ref} className="canvas-dots" aria-hidden="true" />;
}

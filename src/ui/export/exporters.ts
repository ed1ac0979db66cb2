/**
 * The export formats (canvas SVG, PNG rasterizing, metrics CSV), one chunk loaded on the first
 * export: the first paint does not need them.
 */
export { canvasSvg } from './canvasSvg.ts';
export { metricsCsv } from './metricsCsv.ts';
export { chartsToPng, svgToPng } from './rasterize.ts';

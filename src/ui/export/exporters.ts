/**
 * The export formats (canvas and charts SVG, PNG rasterizing, metrics CSV), one chunk loaded on
 * the first export: the first paint does not need them.
 */
export { canvasSvg } from './canvasSvg.ts';
export { chartsSvg } from './chartsPicture.ts';
export { metricsCsv } from './metricsCsv.ts';
export { svgToPng } from './rasterize.ts';

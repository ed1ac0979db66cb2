/**
 * SVG to PNG in the browser: the SVG text becomes an image, drawn on a canvas at twice the size
 * for sharp text. Charts: every chart SVG on the page, serialized and stacked one under another
 * with its card's title.
 */
function loadImage(svg: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the picture could not be drawn'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
  );
}

export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(await loadImage(svg), 0, 0, width, height);
  return toBlob(canvas);
}

/** The chart SVGs inside `root`, each with a title from its card, in page order. */
export function chartSvgs(root: ParentNode): Array<{ title: string; svg: SVGSVGElement }> {
  const found: Array<{ title: string; svg: SVGSVGElement }> = [];
  root.querySelectorAll('svg').forEach((svg) => {
    const box = svg.getBoundingClientRect();
    // Skip icons and legends' little swatches: a chart is a real drawing area.
    if (box.width < 80 || box.height < 40) return;
    const card = svg.closest('section, article, figure, [data-chart]');
    const title = card?.querySelector('h2, h3, h4, figcaption, .chart-card__title')?.textContent;
    found.push({ title: title?.trim() ?? '', svg });
  });
  return found;
}

export async function chartsToPng(root: ParentNode): Promise<Blob | null> {
  const charts = chartSvgs(root);
  if (charts.length === 0) return null;
  const width = Math.max(...charts.map((c) => c.svg.getBoundingClientRect().width));
  const rowH = charts.map((c) => c.svg.getBoundingClientRect().height + 24);
  const height = rowH.reduce((a, b) => a + b, 0);
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  let y = 0;
  for (const [i, c] of charts.entries()) {
    const box = c.svg.getBoundingClientRect();
    ctx.fillStyle = '#1c2330';
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.fillText(c.title, 8, y + 16);
    const clone = c.svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(c.svg, clone);
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    clone.setAttribute('width', String(box.width));
    clone.setAttribute('height', String(box.height));
    const text = new XMLSerializer().serializeToString(clone);
    ctx.drawImage(await loadImage(text), 0, y + 24, box.width, box.height);
    y += rowH[i] ?? 0;
  }
  return toBlob(canvas);
}

const STYLE_PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
];

/** Colours often come from CSS (variables, classes) that a lone SVG file does not carry. */
function inlineStyles(from: SVGSVGElement, to: SVGSVGElement): void {
  const a = [from, ...from.querySelectorAll('*')];
  const b = [to, ...to.querySelectorAll('*')];
  a.forEach((el, i) => {
    const target = b[i];
    if (!target) return;
    const cs = getComputedStyle(el);
    const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', `${style};${target.getAttribute('style') ?? ''}`);
  });
}

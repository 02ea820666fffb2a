/**
 * Names the line and value under the pointer, or under keyboard focus, on a time-series chart. The
 * chart carries its values (`data-values`, written at build time), so this only finds the nearest
 * point and says it: in a tip beside the point for the eye, in a live region for a screen reader.
 * Without the script every line is still named at its end and every value is in the table. A line
 * another script adds to the chart (a compared kommun) is named too: it adds itself to `data-values`.
 */
/** As charts/line-chart.ts writes it into `data-values` (the client may not import the charts). */
export interface LineValues {
  years: number[];
  x: number[];
  lines: ValueLine[];
  yScale: { domain: [number, number]; range: [number, number] };
  decimals: number;
}

export interface ValueLine {
  name: string;
  text: (string | null)[];
  y: (number | null)[];
  /** The kommun code of a line added in the browser, so it can be taken away again. */
  compared?: string;
}

interface Point {
  line: number;
  year: number;
}

const SVG = 'http://www.w3.org/2000/svg';

export function enableChartValues(document: Document): void {
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg.chart[data-values]')) {
    const box = svg.parentElement;
    const figure = svg.closest<HTMLElement>('[data-values-hint]');
    if (!box || !figure) continue;
    const values = readValues(svg);
    if (!values || values.lines.length === 0 || values.years.length === 0) continue;
    attach(svg, box, values, figure.dataset['valuesHint'] ?? '');
  }
}

function readValues(svg: SVGSVGElement): LineValues | null {
  try {
    return JSON.parse(svg.dataset['values'] ?? '') as LineValues;
  } catch {
    return null;
  }
}

function attach(svg: SVGSVGElement, box: HTMLElement, initial: LineValues, hint: string): void {
  let values = initial;
  const document = svg.ownerDocument;
  const marker = document.createElementNS(SVG, 'circle');
  marker.setAttribute('class', 'chart-cursor');
  marker.setAttribute('r', '6');
  const tip = document.createElement('span');
  tip.className = 'chart-tip';
  tip.setAttribute('aria-hidden', 'true');
  tip.hidden = true;
  const spoken = document.createElement('span');
  spoken.className = 'visually-hidden';
  spoken.setAttribute('aria-live', 'polite');
  box.classList.add('has-values');
  box.tabIndex = 0;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', hint);
  box.append(tip, spoken);

  let current: Point | null = null;
  const has = (point: Point) => values.lines[point.line]?.y[point.year] != null;

  const show = (point: Point | null, announce: boolean) => {
    current = point;
    if (!point || !has(point)) {
      marker.remove();
      tip.hidden = true;
      return;
    }
    const line = values.lines[point.line]!;
    const x = values.x[point.year]!;
    const y = line.y[point.year]!;
    const text = `${line.name} ${values.years[point.year]}: ${line.text[point.year]}`;
    marker.setAttribute('cx', String(x));
    marker.setAttribute('cy', String(y));
    svg.append(marker);
    tip.textContent = text;
    tip.hidden = false;
    // From the SVG's own units to the box's pixels: the chart scales with the page.
    const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || 1);
    const left = x * scale;
    tip.style.top = `${Math.max(0, y * scale - 40)}px`;
    tip.style.left = left > box.clientWidth / 2 ? '' : `${left + 8}px`;
    tip.style.right = left > box.clientWidth / 2 ? `${box.clientWidth - left + 8}px` : '';
    if (announce) spoken.textContent = text;
  };

  // A line added or taken away rewrites `data-values`; what was under focus may be gone.
  new MutationObserver(() => {
    values = readValues(svg) ?? values;
    show(null, false);
  }).observe(svg, { attributes: true, attributeFilter: ['data-values'] });

  svg.addEventListener('pointermove', (event) => {
    const rect = svg.getBoundingClientRect();
    const scale = (svg.viewBox.baseVal.width || 1) / rect.width;
    const x = (event.clientX - rect.left) * scale;
    const y = (event.clientY - rect.top) * scale;
    const year = nearest(values.x, x);
    const line = nearest(
      values.lines.map((entry) => entry.y[year] ?? Number.POSITIVE_INFINITY),
      y,
    );
    show({ line, year }, false);
  });
  svg.addEventListener('pointerleave', () => show(null, false));

  box.addEventListener('focus', () => show(current ?? firstPoint(values), true));
  box.addEventListener('blur', () => show(null, false));
  box.addEventListener('keydown', (event) => {
    const from = current ?? firstPoint(values);
    const next = step(values, from, event.key);
    if (next === undefined) return;
    event.preventDefault();
    show(next, true);
  });
}

/** The subject's latest value: where a reader's eye goes first. */
function firstPoint(values: LineValues): Point {
  const line = values.lines[0]!;
  const year = line.y.findLastIndex((y) => y !== null);
  return { line: 0, year: Math.max(0, year) };
}

/**
 * Left and right walk the line's years, skipping gaps; up and down move to the line drawn next
 * above or below at that year; Home and End jump to its first and last value; Escape hides.
 */
function step(values: LineValues, from: Point, key: string): Point | null | undefined {
  const line = values.lines[from.line]!;
  const valued = line.y.flatMap((y, year) => (y === null ? [] : [year]));
  switch (key) {
    case 'ArrowLeft':
      return { ...from, year: valued.filter((year) => year < from.year).at(-1) ?? from.year };
    case 'ArrowRight':
      return { ...from, year: valued.find((year) => year > from.year) ?? from.year };
    case 'Home':
      return { ...from, year: valued[0] ?? from.year };
    case 'End':
      return { ...from, year: valued.at(-1) ?? from.year };
    case 'ArrowUp':
    case 'ArrowDown': {
      const here = line.y[from.year] ?? 0;
      // Screen y grows downwards: the line above has the smaller y.
      const candidates = values.lines
        .map((entry, index) => ({ index, y: entry.y[from.year] }))
        .filter((entry): entry is { index: number; y: number } => entry.y != null && entry.index !== from.line)
        .filter((entry) => (key === 'ArrowUp' ? entry.y <= here : entry.y >= here))
        .sort((a, b) => Math.abs(a.y - here) - Math.abs(b.y - here));
      return candidates[0] ? { line: candidates[0].index, year: from.year } : from;
    }
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}

function nearest(positions: number[], target: number): number {
  let best = 0;
  positions.forEach((position, index) => {
    if (Math.abs(position - target) < Math.abs((positions[best] ?? 0) - target)) best = index;
  });
  return best;
}

/**
 * Adds any kommun to an indicator page's trend chart and table, read from the indicator's
 * comparison CSV (every kommun's headline series, each value also as its table cell; same origin,
 * fetched on first use). The page is complete without it: the form stays hidden until this script
 * runs. Words come from the page (`data-words`), written from sv.json.
 */
import type { LineValues, ValueLine } from './chart-values.ts';

interface Words {
  added: string;
  removed: string;
  unknown: string;
  failed: string;
  outside: string;
  remove: string;
  /** The mark of a cell without a value. */
  missing: string;
}

interface Series {
  code: string;
  name: string;
  /** Year → the value (null where none is shown) and its table cell, as the CSV gives them. */
  values: Map<number, { value: number | null; shown: string }>;
}

const SVG = 'http://www.w3.org/2000/svg';
const COMPARED = 'compared-kommun';

export function enableKommunComparison(document: Document): void {
  const form = document.querySelector<HTMLFormElement>('form.compare-kommun[data-csv]');
  const input = form?.querySelector<HTMLInputElement>('input[list]');
  const list = input?.list;
  const status = form?.querySelector<HTMLElement>('[role="status"]');
  if (!form || !input || !list || !status) return;
  const words = JSON.parse(form.dataset['words'] ?? '{}') as Words;
  let table: Promise<Series[]> | null = null;
  const load = () => (table ??= fetchSeries(form.dataset['csv'] ?? ''));
  form.hidden = false;
  input.addEventListener(
    'focus',
    () => {
      load()
        .then((all) => list.replaceChildren(...all.map((series) => new Option(series.name))))
        .catch(() => (status.textContent = words.failed));
    },
    { once: true },
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    load()
      .then((all) => {
        const series = all.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
        if (!series) {
          status.textContent = words.unknown.replace('{name}', name);
          return;
        }
        const outside = show(document, series, words, status);
        status.textContent = `${words.added.replace('{name}', series.name)}${outside ? ` ${outside}` : ''}`;
        input.value = '';
      })
      .catch(() => (status.textContent = words.failed));
  });
}

/** Every kommun's series from the comparison CSV, which holds only those (`comparisonCsv`). */
async function fetchSeries(url: string): Promise<Series[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const [header = [], ...rows] = parseCsv(await response.text());
  const [code, name, period, value, shown] = ['region_code', 'region_name', 'period', 'value', 'shown'].map((column) =>
    header.indexOf(column),
  );
  const byCode = new Map<string, Series>();
  for (const row of rows) {
    const region = row[code!] ?? '';
    let series = byCode.get(region);
    if (!series) byCode.set(region, (series = { code: region, name: row[name!] ?? region, values: new Map() }));
    const text = row[value!] ?? '';
    series.values.set(Number(row[period!]), { value: text === '' ? null : Number(text), shown: row[shown!] ?? '' });
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** RFC 4180: commas, quoted fields with doubled quotes, CRLF or LF (papaparse would pass the 20 KB). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') ((field += '"'), index++);
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') (row.push(field), (field = ''));
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      (row.push(field), rows.push(row), (row = []), (field = ''));
    } else field += char;
  }
  if (field !== '' || row.length > 0) (row.push(field), rows.push(row));
  return rows;
}

const TREND_CHARTS = '#tidsserie svg.chart[data-values]';

/** The kommun's line and row, wherever the page has them, and its values from each chart's own. */
function removeCompared(document: Document, code: string): void {
  document.querySelectorAll(`[data-compared="${code}"]`).forEach((element) => element.remove());
  for (const svg of document.querySelectorAll<SVGSVGElement>(TREND_CHARTS)) {
    const values = JSON.parse(svg.dataset['values'] ?? '') as LineValues;
    if (!values.lines.some((line) => line.compared === code)) continue;
    values.lines = values.lines.filter((line) => line.compared !== code);
    svg.dataset['values'] = JSON.stringify(values);
  }
}

/** Draws the kommun on every size of the trend chart and adds its row; returns a note if off the scale. */
function show(document: Document, series: Series, words: Words, status: HTMLElement): string {
  removeCompared(document, series.code);
  let outside = false;
  for (const svg of document.querySelectorAll<SVGSVGElement>(TREND_CHARTS)) {
    const values = JSON.parse(svg.dataset['values'] ?? '') as LineValues;
    outside = drawLine(svg, values, series) || outside;
    // The pointer and keyboard then name its values as they name the chart's own lines.
    values.lines.push(valueLine(values, series));
    svg.dataset['values'] = JSON.stringify(values);
  }
  addRow(document, series, words, status);
  return outside ? words.outside.replace('{name}', series.name) : '';
}

/** The value's height on the chart, kept within its scale; and whether it had to be. */
function position(values: LineValues, value: number): { y: number; outside: boolean } {
  const [d0, d1] = values.yScale.domain;
  const [r0, r1] = values.yScale.range;
  const low = Math.min(d0, d1);
  const high = Math.max(d0, d1);
  const clamped = Math.min(high, Math.max(low, value));
  return { y: r0 + ((clamped - d0) / (d1 - d0)) * (r1 - r0), outside: clamped !== value };
}

/** The kommun's values as the chart's own lines carry them, written as the build writes numbers. */
function valueLine(values: LineValues, series: Series): ValueLine {
  const format = new Intl.NumberFormat('sv-SE', {
    minimumFractionDigits: values.decimals,
    maximumFractionDigits: values.decimals,
  });
  const at = values.years.map((year) => series.values.get(year)?.value ?? null);
  return {
    name: series.name,
    text: at.map((value) => (value === null ? null : format.format(value))),
    y: at.map((value) => (value === null ? null : position(values, value).y)),
    compared: series.code,
  };
}

function drawLine(svg: SVGSVGElement, values: LineValues, series: Series): boolean {
  let outside = false;
  const points = values.years.flatMap((year, index) => {
    const value = series.values.get(year)?.value;
    if (value === null || value === undefined) return [];
    const placed = position(values, value);
    outside ||= placed.outside;
    return [[values.x[index] ?? 0, placed.y] as const];
  });
  const group = svg.ownerDocument.createElementNS(SVG, 'g');
  group.setAttribute('class', COMPARED);
  group.dataset['compared'] = series.code;
  const path = svg.ownerDocument.createElementNS(SVG, 'path');
  path.setAttribute('d', points.map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${x},${y}`).join(''));
  const last = points.at(-1);
  group.append(path);
  if (last) {
    const { x, y } = labelPlace(svg, last);
    const label = svg.ownerDocument.createElementNS(SVG, 'text');
    label.setAttribute('x', String(x));
    label.setAttribute('y', String(y));
    // As the chart's own names: from their column's left edge, centred on the height.
    label.setAttribute('text-anchor', 'start');
    label.setAttribute('dy', '0.32em');
    label.textContent = series.name;
    group.append(label);
  }
  svg.append(group);
  return outside;
}

/**
 * In the column of the chart's own line names, at the line's last value or the nearest height no
 * name holds yet, as the chart placed its own names.
 */
function labelPlace(svg: SVGSVGElement, [lastX, lastY]: readonly [number, number]): { x: number; y: number } {
  const names = [...svg.querySelectorAll<SVGTextElement>('.line-labels text')];
  const fontSize = Number(svg.getAttribute('font-size') ?? 14);
  const x = names[0] ? Number(names[0].getAttribute('x')) : lastX + fontSize / 2;
  const taken = names.map((name) => Number(name.getAttribute('y')));
  const free = (y: number) => taken.every((other) => Math.abs(other - y) >= fontSize * 1.2);
  for (let step = 0; step < 40; step++) {
    for (const y of [lastY + step * (fontSize / 2), lastY - step * (fontSize / 2)]) if (free(y)) return { x, y };
  }
  return { x, y: lastY };
}

/** A row under the table's rows, its year cells as the CSV writes them, with a button to remove it. */
function addRow(document: Document, series: Series, words: Words, status: HTMLElement): void {
  const table = document.querySelector<HTMLTableElement>('main table.data-table');
  const body = table?.tBodies[0];
  if (!table || !body) return;
  const headings = [...table.querySelectorAll('thead th')].map((cell) => cell.textContent?.trim() ?? '');
  const row = document.createElement('tr');
  row.className = COMPARED;
  row.dataset['compared'] = series.code;
  const header = document.createElement('th');
  header.scope = 'row';
  header.textContent = series.name;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = words.remove.replace('{name}', series.name);
  remove.addEventListener('click', () => {
    removeCompared(document, series.code);
    status.textContent = words.removed.replace('{name}', series.name);
  });
  header.append(' ', remove);
  row.append(header);
  for (const heading of headings.slice(1)) {
    const cell = document.createElement('td');
    cell.dataset['label'] = heading;
    // A year the CSV has no row for (and the change, verdict and rank columns) is missing: "..".
    const point = /^\d{4}$/.test(heading) ? series.values.get(Number(heading)) : undefined;
    cell.textContent = point?.shown ?? words.missing;
    row.append(cell);
  }
  body.append(row);
}

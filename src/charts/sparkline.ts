/**
 * Small multiples for kommun profiles: a few lines, the first and last year, the axis's lowest and
 * highest value and a direct label per line. Drawn as plain SVG text rather than through Plot: a
 * national build draws thousands of them, and they need none of Plot's machinery.
 */
import { dodge } from './axis.ts';
import { dashedSeries } from './line-chart.ts';
import { formatNumber } from '../formats/display.ts';
import { escapeXml } from '../formats/escape.ts';
import { PALETTE, type ChartFrame } from './render.ts';

export interface SparkRow {
  /** The line's id; rows of one line share it. */
  series: string;
  period: string;
  value: number | null;
  /** True when the value was made from invented example data: where other lines are real, dashed. */
  example?: boolean;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function sparkline(
  rows: SparkRow[],
  options: ChartFrame & { series: { id: string; label: string; colour?: string }[]; decimals: number; zero: boolean },
): string {
  const { width, height, fontSize } = options;
  const data = rows.filter(
    (row): row is SparkRow & { value: number } =>
      row.value !== null && options.series.some((line) => line.id === row.series),
  );
  const years = [...new Set(data.map((row) => Number(row.period)))].sort((a, b) => a - b);
  const values = data.map((row) => row.value);
  if (years.length === 0) return '';
  const low = options.zero ? Math.min(0, ...values) : Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const left = fontSize * 4;
  const right = width - Math.max(...options.series.map((line) => line.label.length)) * fontSize * 0.6 - fontSize;
  const top = fontSize;
  const bottom = height - fontSize * 2;
  const x = (year: number) =>
    years.length === 1
      ? left
      : left + ((year - (years[0] ?? 0)) / ((years.at(-1) ?? 1) - (years[0] ?? 0))) * (right - left);
  const y = (value: number) => bottom - ((value - low) / span) * (bottom - top);
  const parts: string[] = [];
  parts.push(
    `<g stroke="currentColor" stroke-opacity="0.25"><line x1="${left}" x2="${round(right)}" y1="${round(y(high))}" y2="${round(y(high))}"/><line x1="${left}" x2="${round(right)}" y1="${round(y(low))}" y2="${round(y(low))}"/></g>`,
  );
  parts.push(
    `<g text-anchor="end"><text x="${left - fontSize / 3}" y="${round(y(high))}" dy="0.32em">${formatNumber(high, options.decimals)}</text><text x="${left - fontSize / 3}" y="${round(y(low))}" dy="0.32em">${formatNumber(low, options.decimals)}</text></g>`,
  );
  // One year is named once.
  const lastYear =
    years.length > 1
      ? `<text x="${round(right)}" y="${height - fontSize / 2}" text-anchor="end">${years.at(-1)}</text>`
      : '';
  parts.push(`<g><text x="${left}" y="${height - fontSize / 2}">${years[0]}</text>${lastYear}</g>`);
  const invented = dashedSeries(data.map((row) => ({ ...row, label: row.series })));
  const ends: { label: string; y: number; colour: string }[] = [];
  options.series.forEach(({ id, label, colour: own }, index) => {
    const line = data.filter((row) => row.series === id).sort((a, b) => Number(a.period) - Number(b.period));
    const last = line.at(-1);
    if (!last) return;
    const colour = own ?? (PALETTE[index % PALETTE.length] as string);
    // One polyline per run of consecutive years: a line across a missing year would invent it.
    const runs: (typeof line)[] = [];
    line.forEach((row, at) => {
      const previous = line[at - 1];
      if (previous && Number(row.period) === Number(previous.period) + 1) runs.at(-1)?.push(row);
      else runs.push([row]);
    });
    for (const run of runs) {
      const points = run.map((row) => `${round(x(Number(row.period)))},${round(y(row.value))}`).join(' ');
      parts.push(
        run.length > 1
          ? `<polyline fill="none" stroke="${colour}" stroke-width="${index === 0 ? 3 : 2}" stroke-linejoin="round"${invented.has(id) ? ` stroke-dasharray="${fontSize / 2},${fontSize / 3}"` : ''} points="${points}"/>`
          : `<circle cx="${points.split(',')[0]}" cy="${points.split(',')[1]}" r="${fontSize / 5}" fill="${colour}"/>`,
      );
    }
    parts.push(
      `<circle cx="${round(x(Number(last.period)))}" cy="${round(y(last.value))}" r="${fontSize / 4}" fill="${colour}"/>`,
    );
    ends.push({ label, y: y(last.value), colour });
  });
  const placed = dodge(
    ends.map((end) => end.y),
    fontSize * 1.15,
  );
  parts.push(
    `<g font-weight="bold">${ends.map((end, index) => `<text x="${round(right + fontSize / 2)}" y="${round(placed[index] ?? end.y)}" dy="0.32em" fill="${end.colour}">${escapeXml(end.label)}</text>`).join('')}</g>`,
  );
  return `<svg class="chart" role="img" aria-labelledby="${options.labelledBy}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="inherit" font-size="${fontSize}" fill="currentColor">${parts.join('')}</svg>`;
}

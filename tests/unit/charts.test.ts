import { describe, expect, it } from 'vitest';
import { lineChart, type LineValues } from '../../src/charts/line-chart.ts';
import { rankedBars } from '../../src/charts/ranked-bars.ts';
import { stackedBars } from '../../src/charts/stacked-bars.ts';
import { PALETTE, ROLE_COLOURS, SEX_COLOURS } from '../../src/charts/render.ts';
import { dodge, tickDecimals, valueScale, yearTicks } from '../../src/charts/axis.ts';
import { sparkline } from '../../src/charts/sparkline.ts';
import { nationalStrip } from '../../src/charts/national-strip.ts';
import { expectedScatter } from '../../src/charts/expected-scatter.ts';

const frame = { width: 640, height: 320, fontSize: 14 };
const years = ['2019', '2020', '2021', '2022', '2023'];
const series = (id: string, label: string, start: number, step: number) =>
  years.map((period, index) => ({ series: id, label, period, value: start + step * index }));

/** One element per line, so that a changed chart shows as a readable diff of its snapshot. */
function pretty(svg: string): string {
  return `${svg.replace(/></g, '>\n<')}\n`;
}

/** Snapshots in the Plot manner: one file per chart, to be looked at as a picture when it changes. */
describe('charts', () => {
  it('lineChart', async () => {
    const rows = [
      ...series('umearegionen', 'Förbundet', 12.1, -0.3),
      ...series('00', 'Riket', 11.9, -0.2),
      ...series('2460', 'Vännäs', 13, -0.5),
      ...series('2403', 'Bjurholm', 9, 0.1),
      { series: '2403', label: 'Bjurholm', period: '2024', value: null },
    ];
    const svg = lineChart(rows, {
      id: 'linje',
      labelledBy: 'linje-caption',
      ...frame,
      highlight: ['umearegionen', '00'],
      yLabel: 'Procent',
      decimals: 1,
      zero: true,
    });
    // Every line named at its end: the highlighted in bold and colour, the grey ones in dark grey.
    expect(svg).toContain('<text font-weight="bold" fill="#0072B2" dy="0.3em" y="111.4" x="521">Förbundet</text>');
    expect(svg).toContain('>Riket</text>');
    expect(svg).toMatch(/<text fill="#595959"[^>]*>Vännäs<\/text>/);
    expect(svg).toMatch(/<text fill="#595959"[^>]*>Bjurholm<\/text>/);
    await expect(pretty(svg)).toMatchFileSnapshot('../output/lineChart.svg');
  });

  it('names only the highlighted lines where the names of all would not fit above one another', () => {
    const many = Array.from({ length: 30 }, (_, index) => series(`k${index}`, `Kommun ${index}`, 10 + index / 10, 0));
    const svg = lineChart([...series('f', 'Förbundet', 12, -0.3), ...many.flat()], {
      id: 'manga',
      labelledBy: 'manga-caption',
      ...frame,
      highlight: ['f'],
      yLabel: 'Procent',
      decimals: 1,
      zero: true,
    });
    expect(svg).toContain('>Förbundet</text>');
    expect(svg).not.toContain('>Kommun 0</text>');
    // Still named on hover, without a script.
    expect(svg).toContain('<title>Kommun 0</title>');
  });

  it('rankedBars', async () => {
    const rows = [
      { id: '2462', label: 'Vindeln', value: 6.8, valueText: '6,8 %', highlight: false },
      { id: 'umearegionen', label: 'Förbundet', value: 8.6, valueText: '8,6 %', highlight: true },
      { id: '2409', label: 'Robertsfors', value: 11.3, valueText: '11,3 %', highlight: false },
    ];
    const svg = rankedBars(rows, { id: 'rang', labelledBy: 'rang-caption', ...frame, xLabel: 'Procent' });
    expect(svg).toContain('>Förbundet</text>');
    await expect(pretty(svg)).toMatchFileSnapshot('../output/rankedBars.svg');
  });

  it('nationalStrip', async () => {
    const all = Array.from({ length: 40 }, (_, index) => 10 + index / 2);
    const members = [
      { id: '2480', label: 'Umeå', value: 21.5, valueText: '21,5', colour: ROLE_COLOURS.kommun },
      { id: '2460', label: 'Vännäs', value: 14, valueText: '14,0', colour: ROLE_COLOURS.kommun },
    ];
    const svg = nationalStrip(members, {
      id: 'riket',
      labelledBy: 'riket-caption',
      ...frame,
      all,
      quartiles: [14.875, 19.75, 24.625],
      allLabel: 'Alla 40 kommuner',
      xLabel: 'Dagar',
      decimals: 1,
    });
    // A tick per kommun on the top row, a dot per member, each member named by its row.
    const ticks = /<path [^>]*d="((?:M[\d.]+ [\d.]+v[\d.]+)+)"/.exec(svg)?.[1];
    expect(ticks?.match(/M/g)).toHaveLength(40);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('>Vännäs</text>');
    expect(svg).toContain('>median</text>');
    await expect(pretty(svg)).toMatchFileSnapshot('../output/nationalStrip.svg');
  });

  it('expectedScatter', async () => {
    const points = Array.from({ length: 12 }, (_, index) => ({
      id: String(1000 + index),
      expected: 5 + index / 2,
      actual: 5 + index / 2 + (index % 3) - 1,
    }));
    const svg = expectedScatter(points, {
      id: 'spridning',
      labelledBy: 'spridning-caption',
      ...frame,
      spread: 0.8,
      xLabel: 'Förväntat (procent)',
      yLabel: 'Faktiskt (procent)',
      decimals: 1,
    });
    // A dot per kommun, the line of equality, and the band of the typical deviation around it.
    expect(svg.match(/<circle /g)).toHaveLength(12);
    expect(svg).toContain('Förväntat (procent)');
    expect(svg).toMatch(/<g fill="#E6E6E6"><path d="M[^"]+Z"/);
    await expect(pretty(svg)).toMatchFileSnapshot('../output/expectedScatter.svg');
  });

  it('stackedBars', async () => {
    const rows = years.flatMap((period, index) => [
      { period, category: 'sjukpenning', value: 3 + index * 0.1 },
      { period, category: 'arbetsloshet', value: 2 - index * 0.2 },
      { period, category: 'ekonomiskt-bistand', value: 1 },
    ]);
    const categories = [
      { id: 'sjukpenning', label: 'Sjukpenning' },
      { id: 'arbetsloshet', label: 'Arbetslöshet' },
      { id: 'ekonomiskt-bistand', label: 'Ekonomiskt bistånd' },
    ];
    const svg = stackedBars(rows, categories, {
      id: 'stapel',
      labelledBy: 'stapel-caption',
      ...frame,
      yLabel: 'Procent',
      decimals: 1,
    });
    expect(svg).toContain('>Ekonomiskt bistånd</text>');
    await expect(pretty(svg)).toMatchFileSnapshot('../output/stackedBars.svg');
  });

  it('sparkline', async () => {
    const rows = [
      ...series('2403', 'Bjurholm', 9, 0.2),
      ...series('umearegionen', 'Förbundet', 12.1, -0.3),
      ...series('00', 'Riket', 11.9, -0.2),
      { series: '2403', label: 'Bjurholm', period: '2024', value: null },
    ];
    const svg = sparkline(rows, {
      id: 'liten',
      labelledBy: 'liten-caption',
      width: 420,
      height: 200,
      fontSize: 14,
      series: [
        { id: '2403', label: 'Bjurholm' },
        { id: 'umearegionen', label: 'Förbundet' },
        { id: '00', label: 'Riket' },
      ],
      decimals: 1,
      zero: true,
    });
    expect(svg).toContain('>Bjurholm</text>');
    expect(svg).toContain('>12,1</text>');
    expect(svg).toContain('>0,0</text>');
    await expect(pretty(svg)).toMatchFileSnapshot('../output/sparkline.svg');
  });

  it('breaks a line at a missing year instead of drawing across it, and dots a year between gaps', () => {
    const gappy = [
      ...series('a', 'A', 10, 1).filter((row) => row.period !== '2021'),
      { series: 'a', label: 'A', period: '2021', value: null },
    ];
    const options = { id: 'g', labelledBy: 'g', ...frame, yLabel: 'Antal', decimals: 0, zero: true };
    const line = lineChart(gappy, { ...options, highlight: ['a'] });
    const path = /stroke-width="3\.5" stroke="#0072B2" fill="none"><path d="([^"]+)"/.exec(line)?.[1] ?? '';
    expect(path.match(/M/g)).toHaveLength(2);
    const lone = lineChart(
      gappy.map((row) => (row.period === '2019' || row.period === '2023' ? { ...row, value: null } : row)),
      { ...options, highlight: ['a'] },
    );
    // 2020 stands between 2019 and 2021, both missing: only a dot can show it.
    expect(lone.match(/<circle/g)?.length).toBeGreaterThanOrEqual(2);
    const spark = sparkline(gappy, { ...options, width: 420, height: 200, series: [{ id: 'a', label: 'A' }] });
    // 2019–2020 and 2022–2023, and the dot at the last value.
    expect(spark.match(/<polyline/g)).toHaveLength(2);
    expect(spark.match(/<circle/g)).toHaveLength(1);
  });

  it('tells a page script where each value sits and how the tables print it, the subject first', () => {
    const rows = [
      ...series('2403', 'Bjurholm', 9, 0.1),
      ...series('umearegionen', 'Förbundet', 1234.5, -0.3).filter((row) => row.period !== '2021'),
    ];
    const svg = lineChart(rows, {
      id: 'v',
      labelledBy: 'v',
      ...frame,
      highlight: ['umearegionen'],
      yLabel: 'Antal',
      decimals: 1,
      zero: true,
    });
    const attribute = /data-values="([^"]+)"/.exec(svg)?.[1] ?? '';
    const values = JSON.parse(attribute.replaceAll('&quot;', '"')) as LineValues;
    expect(values.years).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(values.lines.map((line) => line.name)).toEqual(['Förbundet', 'Bjurholm']);
    // sv-SE as in the tables; a missing year has neither text nor place.
    expect(values.lines[0]?.text).toEqual(['1\u00a0234,5', '1\u00a0234,2', null, '1\u00a0233,6', '1\u00a0233,3']);
    expect(values.lines[0]?.y[2]).toBeNull();
    // So a line added in the browser writes its values with as many decimals.
    expect(values.decimals).toBe(1);
    // A national förbund's 290 grey lines: only the highlighted carry their values.
    const many = Array.from({ length: 41 }, (_, index) => series(`k${index}`, `K${index}`, 10 + index, 0.1)).flat();
    const crowded = lineChart([...rows, ...many], {
      id: 'm',
      labelledBy: 'm',
      ...frame,
      highlight: ['umearegionen'],
      yLabel: 'Antal',
      decimals: 1,
      zero: true,
    });
    const carried = JSON.parse(
      (/data-values="([^"]+)"/.exec(crowded)?.[1] ?? '').replaceAll('&quot;', '"'),
    ) as LineValues;
    expect(carried.lines.map((line) => line.name)).toEqual(['Förbundet']);
    // Each point is a vertex of its drawn line.
    const path = /stroke="#0072B2" fill="none"><path d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(path).toContain(`${values.x[0]},${values.lines[0]?.y[0]}`);
    expect(path).toContain(`${values.x[4]},${values.lines[0]?.y[4]}`);
  });

  it('dashes the lines with invented values where other lines are real, and marks a break in the series', () => {
    const options = {
      id: 'blandat',
      labelledBy: 'blandat-caption',
      ...frame,
      highlight: ['umearegionen'],
      yLabel: 'Procent',
      decimals: 1,
      zero: true,
      breaks: [{ year: 2021, label: 'Ny metod' }],
    };
    const real = series('2460', 'Vännäs', 13, -0.5).map((row) => ({ ...row, example: false }));
    const invented = series('umearegionen', 'Förbundet', 12.1, -0.3).map((row) => ({ ...row, example: true }));
    const mixed = lineChart([...real, ...invented], options);
    // The förbund's line (invented) is dashed, Vännäs's (real) is not; the break's rule is dashed too.
    expect(mixed.match(/stroke-dasharray="7,4\.6/g)).toHaveLength(1);
    expect(mixed).toContain('>Ny metod</text>');
    expect(mixed).toContain('stroke-dasharray="3.5,3.5"');
    // All invented, or all real: nothing to tell apart, nothing dashed but the break.
    const allInvented = lineChart([...real.map((row) => ({ ...row, example: true })), ...invented], options);
    expect(allInvented).not.toContain('stroke-dasharray="7,4.6');
    // A break outside the years drawn is not drawn.
    expect(lineChart(real, { ...options, breaks: [{ year: 2030, label: 'Senare' }] })).not.toContain('Senare');
  });

  it('gives every value axis 4 to 6 round ticks that cover the values', () => {
    const cases: [number[], boolean][] = [
      [[96, 115, 5], true],
      [[85.2, 86.1, 87.9], false],
      [[1128, 82071], true],
      [[5_600_000, 5_700_000], true],
      [[0.4, 0.6], true],
      [[7, 7], true],
      [[18.2, 28], false],
    ];
    for (const [values, zero] of cases) {
      const { domain, ticks } = valueScale(values, zero);
      expect(ticks.length, `${values}`).toBeGreaterThanOrEqual(4);
      expect(ticks.length, `${values}`).toBeLessThanOrEqual(6);
      expect(domain[0]).toBeLessThanOrEqual(Math.min(...values));
      expect(domain[1]).toBeGreaterThanOrEqual(Math.max(...values));
      if (zero) expect(domain[0]).toBeLessThanOrEqual(0);
      else expect(domain[0]).toBeGreaterThan(0);
    }
  });

  it('is safe under a strict CSP and for screen readers', () => {
    const svg = lineChart(series('umearegionen', 'Förbundet', 1, 1), {
      id: 'x',
      labelledBy: 'x-caption',
      ...frame,
      highlight: ['umearegionen'],
      yLabel: 'Procent',
      decimals: 1,
      zero: true,
    });
    expect(svg).not.toMatch(/<style|style="|font-variant|aria-label=/);
    expect(svg).toMatch(/^<svg[^>]* role="img"/);
    expect(svg).toMatch(/^<svg[^>]* aria-labelledby="x-caption"/);
    expect(svg).not.toMatch(/\d\.\d{2,}/);
    expect(svg).toContain('>Förbundet</text>');
  });

  it('labels at most six years, counted back from the latest, and whole ticks without decimals', () => {
    const twelve = Array.from({ length: 12 }, (_, index) => 2014 + index);
    expect(yearTicks(twelve, 20)).toEqual([2015, 2017, 2019, 2021, 2023, 2025]);
    expect(yearTicks(twelve, 3)).toEqual([2017, 2021, 2025]);
    expect(yearTicks([2020, 2021, 2022, 2023, 2024, 2025], 20)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(tickDecimals([20, 22, 24], 1)).toBe(0);
    expect(tickDecimals([2, 2.5, 3], 1)).toBe(1);
    expect(tickDecimals([2, 2.5, 3], 0)).toBe(0);
    const svg = lineChart(
      Array.from({ length: 12 }, (_, index) => ({
        series: 'a',
        label: 'A',
        period: String(2014 + index),
        value: 20 + index / 2,
      })),
      { id: 'x', labelledBy: 'c', ...frame, highlight: ['a'], yLabel: 'Dagar', decimals: 1, zero: false },
    );
    const labels = [...svg.matchAll(/>(\d{4})<\/text>/g)].map((match) => match[1]);
    expect(labels).toEqual(['2015', '2017', '2019', '2021', '2023', '2025']);
    expect(svg).toContain('>22</text>');
    expect(svg).not.toContain('>22,0</text>');
  });

  it('draws the first highlighted line boldest, unless the lines are peers', () => {
    const rows = [...series('women', 'Kvinnor', 9, 0.1), ...series('men', 'Män', 8, 0.1)];
    const widths = (subject?: boolean) =>
      [
        ...lineChart(rows, {
          id: 'x',
          labelledBy: 'c',
          ...frame,
          highlight: ['women', 'men'],
          yLabel: 'Procent',
          decimals: 1,
          zero: true,
          ...(subject === undefined ? {} : { subject }),
        }).matchAll(/stroke-width="([\d.]+)"/g),
      ].map((match) => Number(match[1]));
    expect(new Set(widths()).size).toBe(2);
    expect(new Set(widths(false)).size).toBe(1);
  });

  it('writes Swedish tick labels', () => {
    const svg = lineChart(series('a', 'A', 1000, 500), {
      id: 'x',
      labelledBy: 'c',
      ...frame,
      highlight: [],
      yLabel: 'Antal',
      decimals: 0,
      zero: true,
    });
    expect(svg).toContain('>2\u00a0000</text>');
    expect(svg).not.toMatch(/>\d,\d{3}</);
  });

  it('renders the same chart byte for byte however many charts came before', () => {
    const make = () =>
      stackedBars([{ period: '2023', category: 'a', value: 1 }], [{ id: 'a', label: 'A' }], {
        id: 'same',
        labelledBy: 'c',
        ...frame,
        yLabel: 'P',
        decimals: 1,
      });
    const first = make();
    make();
    expect(make()).toBe(first);
  });

  it('uses a palette with at least 3:1 contrast against white', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5]
        .map((start) => parseInt(hex.slice(start, start + 2), 16) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const colours = [...PALETTE, ...Object.values(ROLE_COLOURS), ...Object.values(SEX_COLOURS)];
    for (const colour of colours) expect(1.05 / (luminance(colour) + 0.05), colour).toBeGreaterThanOrEqual(3);
    // Women and men never take a role's colour: a line for men must not read as the förbund's.
    const roles = new Set<string>(Object.values(ROLE_COLOURS));
    for (const colour of Object.values(SEX_COLOURS)) expect(roles.has(colour), colour).toBe(false);
  });

  it('spreads overlapping labels at least a line apart', () => {
    const placed = dodge([100, 102, 104, 300], 16);
    const sorted = [...placed].sort((a, b) => a - b);
    for (let index = 1; index < sorted.length; index++)
      expect(sorted[index]! - sorted[index - 1]!).toBeGreaterThanOrEqual(16 - 1e-9);
    expect(placed[3]).toBe(300);
  });
});

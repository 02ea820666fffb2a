import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { drawableWith, roleColours, valueAxis } from '../../src/views/blocks/chart-rows.ts';
import { ROLE_COLOURS } from '../../src/charts/render.ts';
import { atBothWidths } from '../../src/views/web/indicator-page.ts';

const config = loadConfig(join(import.meta.dirname, '../..'));
const indicator = (id: string) => config.indicators.find((candidate) => candidate.id === id)!;
const rows = (...values: (number | null)[]) => values.map((value) => ({ value }));

describe('the value axis of an indicator chart', () => {
  it('starts a share at zero, unless it moves within a narrow band, and then says so', () => {
    const share = indicator('bas-arbetskraftsdeltagande');
    expect(valueAxis(share, rows(6.8, 14.6))).toMatchObject({ zero: true, yLabel: 'Procent' });
    expect(valueAxis(share, rows(85.2, null, 88.1))).toMatchObject({
      zero: false,
      yLabel: 'Procent (axeln börjar inte vid noll)',
    });
  });

  it('starts counts at zero always, and days near their values', () => {
    expect(valueAxis(indicator('befolkning-20-64'), rows(97_000, 99_000)).zero).toBe(true);
    expect(valueAxis(indicator('ohalsotal'), rows(18, 28)).zero).toBe(false);
  });

  it('draws a count with the kommuner and their förbund only, never beside län or riket', () => {
    const summaries = ['kommun', 'forbund', 'lan', 'riket', 'group'].map((kind) => ({ area: { kind } }));
    const kinds = (id: string) => drawableWith(indicator(id), summaries).map((summary) => summary.area.kind);
    expect(kinds('befolkning-20-64')).toEqual(['kommun', 'forbund']);
    expect(kinds('helarsekvivalenter')).toEqual(['kommun', 'forbund', 'lan', 'riket', 'group']);
  });
});

describe('a page chart', () => {
  it('is drawn for a laptop and a phone, with its own ids on each', () => {
    const frames: { id: string; width: number }[] = [];
    const drawn = atBothWidths('x', rows(1, null), (frame) => {
      frames.push(frame);
      return `<svg id="${frame.id}"></svg>`;
    });
    expect(frames.map((frame) => frame.id)).toEqual(['x', 'x-smal']);
    expect(frames[1]!.width).toBeLessThan(400);
    expect(drawn.narrow).toBe('<svg id="x-smal"></svg>');
  });

  it('is not drawn at all when every value is missing or protected', () => {
    let calls = 0;
    expect(atBothWidths('x', rows(null, null), () => String(++calls))).toEqual({ svg: '' });
    expect(calls).toBe(0);
  });
});

describe('role colours', () => {
  it('give the highlighted kommun, förbund, län, riket and kommungrupper one colour each, and other members none', () => {
    const areas = [
      { id: '2460', kind: 'kommun' },
      { id: '2480', kind: 'kommun' },
      { id: 'umearegionen', kind: 'forbund' },
      { id: '24', kind: 'lan' },
      { id: '00', kind: 'riket' },
      { id: 'kommungrupp-C8', kind: 'group' },
    ].map((area) => ({ area }));
    expect(roleColours(areas, '2460')).toEqual({
      '2460': ROLE_COLOURS.kommun,
      umearegionen: ROLE_COLOURS.forbund,
      '24': ROLE_COLOURS.lan,
      '00': ROLE_COLOURS.riket,
      'kommungrupp-C8': ROLE_COLOURS.group,
    });
    // Without a highlighted member the förbund keeps its own colour, not the first in the palette.
    expect(roleColours(areas).umearegionen).toBe(ROLE_COLOURS.forbund);
    expect(new Set(Object.values(ROLE_COLOURS)).size).toBe(5);
  });
});

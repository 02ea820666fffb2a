/**
 * Where real values and the example's invented ones share a page: which are real, in one sentence
 * for the page, and whether a chart's rows mix the two (its invented lines are then dashed).
 */
import { joinList } from '../../formats/display.ts';
import { t } from '../../i18n/index.ts';
import type { IndicatorView } from '../model/indicator-view.ts';
import { areaLabel, periodText } from './labels.ts';

/** More real areas than this are counted, not named. */
const NAMED_AREAS = 6;

function mixesRealAndExample(rows: { value: number | null; example?: boolean }[]): boolean {
  const valued = rows.filter((row) => row.value !== null);
  return valued.some((row) => row.example === true) && valued.some((row) => row.example !== true);
}

/** "Verkliga värden från källan: Umeå och Vännäs, 2020–2024. …", or null unless the page mixes. */
export function realPartsText(view: IndicatorView): string | null {
  const cells = view.summaries.flatMap((summary) => summary.series.map((point) => ({ area: summary.area, point })));
  if (!mixesRealAndExample(cells.map((cell) => cell.point))) return null;
  const real = cells.filter((cell) => cell.point.value !== null && cell.point.example !== true);
  const areas = [...new Map(real.map((cell) => [cell.area.id, cell.area])).values()];
  const periods = [...new Set(real.map((cell) => cell.point.period))].sort();
  const members = new Set(view.areas.members.map((member) => member.id));
  const allMembers = members.size > 1 && [...members].every((id) => areas.some((area) => area.id === id));
  const names = [
    ...(allMembers ? [t('real.all-members')] : []),
    ...areas
      .filter((area) => !(allMembers && members.has(area.id)))
      // "Förbundet", "Länet" are names at the start of a line; mid-sentence they are common nouns.
      .map((area) => (area.kind === 'kommun' ? areaLabel(area) : areaLabel(area).toLowerCase())),
  ];
  const named = names.length > NAMED_AREAS ? t('real.areas', { count: areas.length }) : joinList(names);
  return t('real.parts', { areas: named, periods: periodText(periods[0], periods.at(-1)) });
}

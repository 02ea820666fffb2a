/**
 * A kommun's actual value beside the one expected from its structure: the members of a förbund on
 * an indicator page, every modelled indicator on a kommun profile. The difference is said in
 * words, without colour or verdict marks: the expected value is a comparison, not a target.
 */
import type { ExpectedModel, ExpectedValue } from '../../measures/expected.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import { formatNumber, formatPeriod, formatSigned, joinList } from '../../formats/display.ts';
import { t } from '../../i18n/index.ts';
import { formatValue } from '../text/sentences.ts';
import { differenceUnit } from '../text/labels.ts';
import { shownChange } from '../../measures/index.ts';
import { indicatorPath } from '../model/paths.ts';
import { textCell, type TableBlock, type TableRow } from './table.ts';

/**
 * "3,1 procentenheter över det förväntade", or "som förväntat (+0,4 procentenheter)": the difference
 * of the two values as the table shows them, so that the reader's own subtraction agrees.
 */
export function differenceText(indicator: Pick<Indicator, 'unit' | 'decimals'>, value: ExpectedValue): string {
  const unit = differenceUnit(indicator);
  const difference = shownChange(value.actual, value.expected, indicator.decimals) ?? 0;
  if (value.standing === 'as-expected')
    return t('expected.as-expected', { difference: formatSigned(difference, indicator.decimals), unit });
  return t(`expected.${value.standing}`, { difference: formatNumber(Math.abs(difference), indicator.decimals), unit });
}

/** The members' actual and expected values in the model's year; the focused member set apart. */
export function expectedMembersTable(
  indicator: Indicator,
  model: ExpectedModel,
  members: { code: string; name: string }[],
  focus: { code: string; name: string; peers: string[] } | null,
): TableBlock | null {
  const rows = members.flatMap((member): TableRow[] => {
    const value = model.values.find((entry) => entry.code === member.code);
    if (!value) return [];
    return [
      {
        header: { text: member.name },
        emphasis: member.code === focus?.code,
        cells: [
          textCell(formatValue(indicator, value.actual)),
          textCell(formatValue(indicator, value.expected)),
          textCell(differenceText(indicator, value)),
        ],
      },
    ];
  });
  if (rows.length === 0) return null;
  return {
    caption: t('expected.members.caption', { title: indicator.shortTitle, period: formatPeriod(model.year) }),
    columns: [
      t('peers.column.kommun'),
      t('expected.column.actual'),
      t('expected.column.expected'),
      t('expected.column.difference'),
    ],
    rows,
    notes: [
      ...notesOf([{ indicator, model }]),
      ...(focus && focus.peers.length > 0
        ? [t('expected.structural-peers', { kommun: focus.name, peers: joinList(focus.peers) })]
        : []),
    ],
  };
}

/** One row per modelled indicator for a kommun's profile. */
export function expectedProfileTable(
  kommun: { code: string; name: string },
  models: { indicator: Indicator; model: ExpectedModel }[],
  forbundId: string,
): TableBlock | null {
  const rows = models.flatMap(({ indicator, model }): TableRow[] => {
    const value = model.values.find((entry) => entry.code === kommun.code);
    if (!value) return [];
    return [
      {
        header: { text: indicator.shortTitle, href: indicatorPath(forbundId, indicator.id, kommun.code) },
        emphasis: false,
        cells: [
          textCell(formatPeriod(model.year)),
          textCell(formatValue(indicator, value.actual)),
          textCell(formatValue(indicator, value.expected)),
          textCell(differenceText(indicator, value)),
        ],
      },
    ];
  });
  if (rows.length === 0) return null;
  return {
    caption: t('expected.profile.caption', { kommun: kommun.name }),
    columns: [
      t('deck.column.indicator'),
      t('deck.column.year'),
      t('expected.column.actual'),
      t('expected.column.expected'),
      t('expected.column.difference'),
    ],
    rows,
    notes: notesOf(models),
  };
}

/** How the expectation is made and read, and whether the figures are invented. */
function notesOf(models: { indicator: Indicator; model: ExpectedModel }[]): string[] {
  const [first] = models;
  if (!first) return [];
  const units = new Set(models.map(({ indicator }) => differenceUnit(indicator)));
  const oneUnit = units.size === 1;
  const spread = ({ indicator, model }: (typeof models)[number]) =>
    `${formatNumber(model.residualSpread, indicator.decimals)}${oneUnit ? '' : ` ${differenceUnit(indicator)}`}`;
  // One year and one count for all, said once; else each indicator says its year.
  const alike = models.every(
    ({ model }) => model.year === first.model.year && model.values.length === first.model.values.length,
  );
  const item = (entry: (typeof models)[number]) =>
    `${entry.indicator.shortTitle.toLowerCase()}${alike ? '' : ` ${formatPeriod(entry.model.year)}`} ${spread(entry)}`;
  const spreads = models.length === 1 ? spread(first) : joinList(models.map(item));
  const unit = oneUnit ? ` ${differenceUnit(first.indicator)}` : '';
  return [
    alike
      ? t('expected.note.spread', {
          spreads,
          unit,
          period: formatPeriod(first.model.year),
          factorYear: first.model.factorYear,
          count: formatNumber(first.model.values.length),
        })
      : t('expected.note.spread-years', { spreads, unit }),
    t('expected.note.not-a-target'),
    ...(models.some(({ model }) => model.example) ? [t('expected.note.example')] : []),
  ];
}

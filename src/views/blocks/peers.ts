/**
 * A kommun beside Kolada's "Liknande kommuner": the peers named, their median and range, whose
 * grouping and which year said beside the figures. The profile, the indicator page of a member and
 * the deck show the same tables.
 */
import { MIN_PEERS_SHOWN, type PeerComparison } from '../../measures/peers.ts';
import { formatPeriod, joinList } from '../../formats/display.ts';
import { t } from '../../i18n/index.ts';
import { indicatorPath } from '../model/paths.ts';
import { cellText } from '../text/labels.ts';
import { formatValue } from '../text/sentences.ts';
import { textCell, type TableBlock, type TableRow } from './table.ts';

/**
 * One row per indicator: the kommun, the peers' median and range, and (`withGroup`) which of
 * Kolada's groups; a slide leaves the group to its notes, which name every group anyway.
 */
export function peerSummaryTable(
  kommun: string,
  comparisons: PeerComparison[],
  forbundId: string,
  { withGroup }: { withGroup: boolean },
): TableBlock {
  const rows = comparisons.map((comparison): TableRow => {
    const { indicator, own, median, range } = comparison;
    return {
      header: { text: indicator.shortTitle, href: indicatorPath(forbundId, indicator.id, own.code) },
      emphasis: false,
      cells: [
        textCell(formatPeriod(comparison.period)),
        textCell(cellText(indicator, own.value, own.status)),
        textCell(median === null ? t('peers.too-few') : formatValue(indicator, median)),
        textCell(
          range === null
            ? t('peers.too-few')
            : t('peers.range', { min: formatValue(indicator, range.min), max: formatValue(indicator, range.max) }),
        ),
        ...(withGroup ? [textCell(groupName(comparison))] : []),
      ],
    };
  });
  return {
    caption: t('peers.summary.caption', { kommun }),
    columns: [
      t('deck.column.indicator'),
      t('deck.column.year'),
      kommun,
      t('peers.column.median'),
      t('peers.column.range'),
      ...(withGroup ? [t('peers.column.group')] : []),
    ],
    rows,
    notes: notesOf(comparisons),
  };
}

/** The kommun and each of its peers for one indicator, highest value first, and their median. */
export function peerValueTable(comparison: PeerComparison): TableBlock {
  const { indicator, own, peers, median } = comparison;
  const shown = [...peers].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, 'sv'),
  );
  const row = (name: string, text: string, emphasis: boolean): TableRow => ({
    header: { text: name },
    emphasis,
    cells: [textCell(text)],
  });
  return {
    caption: t('peers.values.caption', {
      kommun: own.name,
      title: indicator.shortTitle,
      period: formatPeriod(comparison.period),
    }),
    columns: [t('peers.column.kommun'), formatPeriod(comparison.period)],
    rows: [
      row(own.name, cellText(indicator, own.value, own.status), true),
      ...shown.map((peer) => row(peer.name, cellText(indicator, peer.value, peer.status), false)),
      row(t('peers.median-row'), median === null ? t('peers.too-few') : formatValue(indicator, median), true),
    ],
    notes: notesOf([comparison]),
  };
}

/** Kolada's title without the kommun: "Liknande kommuner arbetsmarknad, Umeå, 2024" → "… arbetsmarknad 2024". */
function groupName({ group, own }: PeerComparison): string {
  return group.title.replace(`, ${own.name}, ${group.year}`, ` ${group.year}`);
}

/** Whose grouping, which year, who is in it; and, where so, that the values are example data. */
function notesOf(comparisons: PeerComparison[]): string[] {
  const groups = new Map(comparisons.map((comparison) => [comparison.group.id, comparison]));
  const example = comparisons.some((comparison) =>
    [comparison.own, ...comparison.peers].some((value) => value.example),
  );
  return [
    ...[...groups.values()].map(({ group, peers }) =>
      t('peers.group', { title: group.title, members: joinList(peers.map((peer) => peer.name)) }),
    ),
    t('peers.method', { minimum: MIN_PEERS_SHOWN }),
    ...(example ? [t('peers.example')] : []),
  ];
}

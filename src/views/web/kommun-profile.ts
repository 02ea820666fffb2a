/**
 * A kommun's profile: every indicator the förbund follows, for this kommun against the förbund, the
 * other members, the län and riket, with small multiples of the main series.
 */
import { dashedSeries } from '../../charts/line-chart.ts';
import type { Forbund } from '../../schemas/forbund.ts';
import { formatChange, formatPeriod } from '../../formats/display.ts';
import { forbundIndicators, goalIndicators, type Site } from '../model/site.ts';
import type { Verdict } from '../../measures/index.ts';
import { verdictTally } from './key-messages.ts';
import { verdictLabel } from '../text/sentences.ts';
import { kommungruppAreaId } from '../../measures/areas.ts';
import { KOMMUNGRUPP_NAMES } from '../../schemas/region.ts';
import type { ChartBlock } from './indicator-page.ts';
import { rankText, summaryText } from '../text/labels.ts';
import { areaLines, areaSparkline, valueAxis } from '../blocks/chart-rows.ts';
import { t } from '../../i18n/index.ts';
import { textCell, verdictCell, type TableBlock, type TableRow } from '../blocks/table.ts';
import { indicatorPath } from '../model/paths.ts';
import type { PeerComparison } from '../../measures/peers.ts';
import { peerSummaryTable } from '../blocks/peers.ts';
import { expectedProfileTable } from '../blocks/expected.ts';
import type { ExpectedModel } from '../../measures/expected.ts';
import type { Indicator } from '../../schemas/indicator.ts';

export interface KommunProfile {
  code: string;
  name: string;
  role: string;
  forbund: Forbund;
  /** SKR kommungrupp, where the data has it, e.g. "B3 Större stad". */
  kommungrupp: string | null;
  /** The snapshot is the example dataset: the kommungrupp too is invented. */
  example: boolean;
  /** The glance a phone opens on: the tally of verdicts, and which indicators got better or worse. */
  summary: { tally: string; lists: { verdict: Verdict; title: string; links: ProfileLink[] }[] };
  table: TableBlock;
  /** The kommun beside Kolada's "Liknande kommuner"; null where no indicator has a peer group. */
  peers: TableBlock | null;
  /** The kommun's actual values beside those expected from its structure; null where none is modelled. */
  expected: TableBlock | null;
  multiples: ChartBlock[];
}

interface ProfileLink {
  title: string;
  href: string;
}

export function buildKommunProfile(site: Site, code: string): KommunProfile {
  const forbund = site.forbundOf(code);
  const member = forbund.members.find((entry) => entry.code === code)!;
  const region = site.config.registry.mustGet(code);
  const name = region.name;
  const group = region.kommungrupp;
  const comparesKommungrupp = group !== null && forbund.comparisons.kommungrupper;
  const rows: TableRow[] = [];
  const multiples: ChartBlock[] = [];
  const judged: { verdict: Verdict; goal: boolean; link: ProfileLink }[] = [];
  const goals = new Set(goalIndicators(forbund, site.config.indicators));
  // A count's rate per 1 000 gets its row (where its rank is), and the count its small chart.
  const rates = new Set(site.config.indicators.flatMap((indicator) => indicator.rate ?? []));
  const peers: PeerComparison[] = [];
  const expected: { indicator: Indicator; model: ExpectedModel }[] = [];
  for (const indicator of forbundIndicators(forbund, site.config.indicators)) {
    const view = site.view(forbund.id, indicator.id);
    const own = view.summaries.find((summary) => summary.area.id === code)!;
    const of = (kind: string) => view.summaries.find((summary) => summary.area.kind === kind);
    const peerComparison = view.peers.get(code);
    if (peerComparison) peers.push(peerComparison);
    if (view.expected) expected.push({ indicator, model: view.expected.model });
    const value = (summary: typeof own | undefined) => summaryText(indicator, summary);
    judged.push({
      verdict: own.verdict,
      goal: goals.has(indicator),
      link: { title: indicator.shortTitle, href: indicatorPath(forbund.id, indicator.id) },
    });
    // The kommun's own columns first (value, change, verdict, rank), then what it is compared with.
    rows.push({
      header: { text: indicator.shortTitle, href: indicatorPath(forbund.id, indicator.id) },
      emphasis: false,
      cells: [
        textCell(view.latestPeriod ? formatPeriod(view.latestPeriod) : '..'),
        textCell(value(own)),
        textCell(formatChange(own.change, indicator.decimals)),
        verdictCell(own.verdict, own.acrossBreak),
        textCell(rankText(view, own.rank) ?? '..'),
        textCell(value(of('forbund'))),
        textCell(value(of('lan'))),
        ...(comparesKommungrupp
          ? [textCell(value(view.summaries.find((summary) => summary.area.id === kommungruppAreaId(group))))]
          : []),
        textCell(value(of('riket'))),
      ],
    });
    if (rates.has(indicator.id)) continue;
    // A count is drawn for the kommun alone: beside the förbund's or riket's it would be a flat line.
    const shown = view.summaries.filter(
      (summary) =>
        summary.area.id === code ||
        (indicator.unit !== 'count' && (summary.area.kind === 'forbund' || summary.area.kind === 'riket')),
    );
    const id = `liten-${indicator.id}`;
    const publishable = shown.some((summary) => summary.series.some((point) => point.value !== null));
    const lines = areaLines(shown);
    const { zero } = valueAxis(indicator, lines);
    multiples.push({
      id,
      title: indicator.shortTitle,
      ...(dashedSeries(lines).size > 0 ? { note: t('example.partly') } : {}),
      caption: publishable
        ? [
            t('profile.multiple.caption', {
              kommun: name,
              value: value(own),
              period: view.latestPeriod ?? '',
              verdict: verdictLabel(own.verdict),
            }),
            // The axis's lowest label is a value, not zero: said in words, not left to the eye.
            ...(zero ? [] : [t('profile.multiple.not-zero')]),
          ].join(' ')
        : t('profile.nothing-shown', { kommun: name }),
      svg: !publishable ? '' : areaSparkline(indicator, shown, lines, { id, height: 190, focusId: code }),
    });
  }
  return {
    code,
    name,
    role: member.role,
    forbund,
    kommungrupp: group ? `${group} ${KOMMUNGRUPP_NAMES[group]}` : null,
    example: site.snapshot.meta.example,
    summary: {
      tally: verdictTally(
        judged.filter((entry) => entry.goal).map((entry) => entry.verdict),
        t('glance.tally.kommun'),
      ),
      lists: (['improving', 'worsening'] as const).map((verdict) => ({
        verdict,
        title: t(verdict === 'improving' ? 'deck.talk.improved' : 'deck.talk.worsened'),
        // The agreement's indicators, as the tally above counts them: five named under "förbättring 5".
        links: judged.filter((entry) => entry.goal && entry.verdict === verdict).map((entry) => entry.link),
      })),
    },
    table: {
      caption: t('profile.table.caption', { kommun: name }),
      columns: [
        t('deck.column.indicator'),
        t('deck.column.year'),
        name,
        t('column.change'),
        t('table.verdict'),
        t('deck.column.rank'),
        t('area.forbund'),
        t('area.lan'),
        ...(comparesKommungrupp ? [t('area.kommungrupp')] : []),
        t('area.riket'),
      ],
      rows,
    },
    peers: peers.length > 0 ? peerSummaryTable(name, peers, forbund.id, { withGroup: true }) : null,
    expected: expectedProfileTable({ code, name }, expected, forbund.id),
    multiples,
  };
}

/**
 * A kommun's profile: every indicator the förbund follows, for this kommun against the förbund, the
 * other members, the län and riket, with small multiples of the main series.
 */
import { sparkline } from '../charts/sparkline.ts';
import type { Forbund } from '../schemas/forbund.ts';
import { formatPeriod, formatSigned } from '../formats/display.ts';
import type { Verdict } from '../measures/index.ts';
import { forbundIndicators, type Site } from './site.ts';
import { verdictLabel } from './sentences.ts';
import { kommungruppAreaId } from '../measures/areas.ts';
import { KOMMUNGRUPP_NAMES } from '../schemas/region.ts';
import type { ChartBlock } from './indicator-page.ts';
import { areaLabel, rankText, summaryText } from './labels.ts';
import { areaLines, valueAxis } from './chart-rows.ts';
import { t } from '../i18n/index.ts';

export interface ProfileRow {
  indicatorId: string;
  title: string;
  period: string;
  value: string;
  change: string;
  verdict: string;
  verdictKind: Verdict;
  forbund: string;
  rank: string;
  lan: string;
  /** The kommun's kommungrupp, where the förbund compares with kommungrupper and the measure can be summed. */
  kommungrupp: string | null;
  riket: string;
}

export interface KommunProfile {
  code: string;
  name: string;
  role: string;
  forbund: Forbund;
  /** SKR kommungrupp, where the data has it, e.g. "B3 Större stad". */
  kommungrupp: string | null;
  /** The snapshot is the example dataset: the kommungrupp too is invented. */
  example: boolean;
  /** Whether the table has a kommungrupp column. */
  comparesKommungrupp: boolean;
  rows: ProfileRow[];
  multiples: ChartBlock[];
}

export function buildKommunProfile(site: Site, code: string): KommunProfile {
  const forbund = site.forbundOf(code);
  const member = forbund.members.find((entry) => entry.code === code)!;
  const region = site.config.registry.mustGet(code);
  const name = region.name;
  const group = region.kommungrupp;
  const comparesKommungrupp = group !== null && forbund.comparisons.kommungrupper;
  const rows: ProfileRow[] = [];
  const multiples: ChartBlock[] = [];
  for (const indicator of forbundIndicators(forbund, site.config.indicators)) {
    const view = site.view(forbund.id, indicator.id);
    const own = view.summaries.find((summary) => summary.area.id === code)!;
    const of = (kind: string) => view.summaries.find((summary) => summary.area.kind === kind);
    const value = (summary: typeof own | undefined) => summaryText(indicator, summary);
    rows.push({
      indicatorId: indicator.id,
      title: indicator.shortTitle,
      period: view.latestPeriod ? formatPeriod(view.latestPeriod) : '..',
      value: value(own),
      change: formatSigned(own.change, indicator.decimals),
      verdict: verdictLabel(own.verdict),
      verdictKind: own.verdict,
      forbund: value(of('forbund')),
      rank: rankText(view, own.rank) ?? '..',
      lan: value(of('lan')),
      kommungrupp:
        group !== null && comparesKommungrupp
          ? value(view.summaries.find((summary) => summary.area.id === kommungruppAreaId(group)))
          : null,
      riket: value(of('riket')),
    });
    const shown = view.summaries.filter(
      (summary) => summary.area.id === code || summary.area.kind === 'forbund' || summary.area.kind === 'riket',
    );
    const id = `liten-${indicator.id}`;
    const publishable = shown.some((summary) => summary.series.some((point) => point.value !== null));
    multiples.push({
      id,
      title: indicator.shortTitle,
      caption: publishable
        ? t('profile.multiple.caption', {
            kommun: name,
            value: value(own),
            period: view.latestPeriod ?? '',
            verdict: verdictLabel(own.verdict),
          })
        : t('profile.nothing-shown', { kommun: name }),
      svg: !publishable
        ? ''
        : sparkline(areaLines(shown), {
            id,
            labelledBy: `${id}-caption`,
            width: 420,
            height: 200,
            fontSize: 14,
            series: shown.map((summary) => ({ id: summary.area.id, label: areaLabel(summary.area) })),
            decimals: indicator.decimals,
            zero: valueAxis(indicator).zero,
          }),
    });
  }
  return {
    code,
    name,
    role: member.role,
    forbund,
    kommungrupp: group ? `${group} ${KOMMUNGRUPP_NAMES[group]}` : null,
    example: site.snapshot.meta.example,
    comparesKommungrupp,
    rows,
    multiples,
  };
}

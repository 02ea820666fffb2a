/**
 * The sentence that opens an indicator, a finding first: what the förbund's figure did, else what
 * the members show. How the förbund's figure is made, or why there is none, is a note under it.
 */
import { isProtected } from '../../schemas/observation.ts';
import type { IndicatorView } from '../model/indicator-view.ts';
import { changeSentence, formatValue, membersRangeSentence, subjectFor, yearlyPeriodText } from './sentences.ts';
import { sourceText } from './labels.ts';
import { t } from '../../i18n/index.ts';
import { remembered } from '../../formats/remembered.ts';

const leads = new WeakMap<IndicatorView, Map<'lead', string>>();

/** Made once per view: the start page, the indicator page, its chart, initiatives and the screen all ask. */
export function leadSentence(view: IndicatorView): string {
  return remembered(leads, view, 'lead', () => composeLead(view));
}

function composeLead(view: IndicatorView): string {
  const { indicator, summaries, areas, latestPeriod } = view;
  const forbund = summaries.find((summary) => summary.area.kind === 'forbund');
  const riket = summaries.find((summary) => summary.area.kind === 'riket');
  const byForbund = () =>
    changeSentence(indicator, {
      subject: subjectFor(indicator, areas.forbund.name),
      previous: forbund?.previous ?? null,
      current: forbund?.latest ?? null,
      verdict: forbund?.verdict ?? null,
      riket: riket?.latest?.value ?? null,
      acrossBreak: forbund?.acrossBreak ?? null,
    });
  if (forbund?.latest?.value != null) return byForbund();
  const span = memberSpan(view);
  const period = latestPeriod === null ? null : yearlyPeriodText(indicator, latestPeriod);
  return membersRangeSentence(indicator, span.shown, span.hidden, period) ?? byForbund();
}

/** The members' latest values that may be shown, lowest first, and how many are protected. */
function memberSpan(view: IndicatorView): { shown: { place: string; value: number }[]; hidden: number } {
  const members = view.summaries.filter((summary) => summary.area.kind === 'kommun');
  return {
    shown: members
      .flatMap((summary) =>
        summary.latest?.value != null ? [{ place: summary.area.name, value: summary.latest.value }] : [],
      )
      .sort((a, b) => a.value - b.value),
    hidden: members.filter((summary) => summary.latest && isProtected(summary.latest.status)).length,
  };
}

/** How the förbund's figure is made where no publisher made it: said in the table and the facts. */
export function forbundMethod(view: IndicatorView): string | null {
  const { indicator, forbundFigure: figure } = view;
  const forbund = view.summaries.find((summary) => summary.area.kind === 'forbund');
  if (!forbund?.series.some((point) => point.value !== null)) return null;
  const source = sourceText(indicator).text;
  if (figure.kind === 'published') return t('forbund.figure.published', { region: figure.region, source });
  if (figure.kind === 'weighted')
    return [t('forbund.figure.weighted', { source, weight: figure.label }), figure.differs].filter(Boolean).join(' ');
  return null;
}

/** Why the förbund has no figure for the latest year: a note under the lead, never the lead itself. */
export function forbundMissing(view: IndicatorView): string | null {
  const forbund = view.summaries.find((summary) => summary.area.kind === 'forbund');
  if (!forbund || forbund.latest?.value != null || view.latestPeriod === null) return null;
  const reason =
    forbund.latest && isProtected(forbund.latest.status)
      ? 'sentence.no-forbund.protected'
      : view.forbundFigure.kind !== 'none'
        ? 'sentence.no-forbund.missing'
        : view.indicator.unit === 'percent'
          ? 'sentence.no-forbund.shares'
          : 'sentence.no-forbund.rates';
  return t('sentence.no-forbund', { reason: t(reason) });
}

/** "Förbundets värde är beräknat av Lägesbild …" under a table whose caption names another source. */
export function forbundTableNotes(view: IndicatorView): string[] {
  const method = forbundMethod(view);
  return method ? [method] : [];
}

/**
 * The lead in a few words, for a screen across a room where two lines are all a headline gets:
 * "Förbundet 2025: 7,9 %, ned från 8,3 %, en förbättring"; else the members' span.
 */
export function glanceHeadline(view: IndicatorView): string {
  const { indicator, summaries, latestPeriod } = view;
  const forbund = summaries.find((summary) => summary.area.kind === 'forbund');
  const latest = forbund?.latest;
  if (latest?.value != null) {
    const period = yearlyPeriodText(indicator, latest.period);
    const value = formatValue(indicator, latest.value);
    const before = forbund?.previous?.value;
    if (before == null) return t('glance.forbund.level', { period, value });
    const way = forbund?.change === 0 ? 'glance.unchanged' : latest.value > before ? 'glance.up' : 'glance.down';
    const verdict = forbund?.verdict;
    const judged = verdict === 'improving' || verdict === 'worsening' ? t(`glance.${verdict}`) : '';
    return t('glance.forbund', { period, value, change: t(way, { before: formatValue(indicator, before) }), judged });
  }
  const { shown, hidden } = memberSpan(view);
  const low = shown[0];
  const high = shown.at(-1);
  if (!low || !high || shown.length < 2 || latestPeriod === null) return leadSentence(view);
  return t(hidden > 0 ? 'glance.members.shown' : 'glance.members', {
    period: yearlyPeriodText(indicator, latestPeriod),
    low: formatValue(indicator, low.value),
    lowPlace: low.place,
    high: formatValue(indicator, high.value),
    highPlace: high.place,
  });
}

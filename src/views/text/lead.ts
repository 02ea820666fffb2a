/**
 * The sentence that opens an indicator, a finding first: what the förbund's figure did, else what
 * the members show. How the förbund's figure is made, or why there is none, is a note under it.
 */
import { isProtected } from '../../schemas/observation.ts';
import type { IndicatorView } from '../model/indicator-view.ts';
import { changeSentence, membersRangeSentence, subjectFor } from './sentences.ts';
import { sourceText } from './labels.ts';
import { t } from '../../i18n/index.ts';

export function leadSentence(view: IndicatorView): string {
  const { indicator, summaries, areas, latestPeriod } = view;
  const forbund = summaries.find((summary) => summary.area.kind === 'forbund');
  const riket = summaries.find((summary) => summary.area.kind === 'riket');
  const members = summaries.filter((summary) => summary.area.kind === 'kommun');
  const byForbund = () =>
    changeSentence(
      indicator,
      subjectFor(indicator, areas.forbund.name),
      forbund?.previous ?? null,
      forbund?.latest ?? null,
      forbund?.verdict ?? null,
      riket?.latest?.value ?? null,
      forbund?.acrossBreak ?? null,
    );
  if (forbund?.latest?.value != null) return byForbund();
  const range = membersRangeSentence(
    indicator,
    members.flatMap((summary) =>
      summary.latest?.value != null ? [{ place: summary.area.name, value: summary.latest.value }] : [],
    ),
    members.filter((summary) => summary.latest && isProtected(summary.latest.status)).length,
    latestPeriod,
  );
  return range ?? byForbund();
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

/** The one sentence that opens an indicator: what the förbund's figure did, or why there is none. */
import { isProtected } from '../../schemas/observation.ts';
import type { IndicatorView } from '../model/indicator-view.ts';
import { changeSentence, subjectFor, withoutForbundSentence } from './sentences.ts';

export function leadSentence(view: IndicatorView): string {
  const { indicator, summaries, areas, latestPeriod } = view;
  const forbundSummary = summaries.find((summary) => summary.area.kind === 'forbund');
  const riket = summaries.find((summary) => summary.area.kind === 'riket');
  const memberSummaries = summaries.filter((summary) => summary.area.kind === 'kommun');
  return forbundSummary?.latest?.value != null
    ? changeSentence(
        indicator,
        subjectFor(indicator, areas.forbund.name),
        forbundSummary.previous,
        forbundSummary.latest,
        forbundSummary.verdict,
        riket?.latest?.value ?? null,
        forbundSummary.acrossBreak,
      )
    : withoutForbundSentence(
        indicator,
        forbundSummary?.latest ? isProtected(forbundSummary.latest.status) : false,
        memberSummaries.flatMap((summary) =>
          summary.latest?.value != null ? [{ place: summary.area.name, value: summary.latest.value }] : [],
        ),
        memberSummaries.filter((summary) => summary.latest && isProtected(summary.latest.status)).length,
        latestPeriod,
      );
}

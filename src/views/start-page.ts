/**
 * The förbund's start page: the agreement's goals at a glance, each indicator's latest value for
 * the förbund and every member, the change against the previous year and the verdict in words.
 */
import type { Forbund, Goal } from '../schemas/forbund.ts';
import { formatPeriod, formatSigned } from '../formats/display.ts';
import { verdictLabel } from './sentences.ts';
import type { Verdict } from '../measures/index.ts';
import type { Site } from './site.ts';
import { areaLabel, summaryText } from './labels.ts';
import { t } from '../i18n/index.ts';

export interface GoalCard {
  indicatorId: string;
  title: string;
  goalText: string;
  sentence: string;
  latest: string;
  previous: string;
  /** For large förbund, members are tallied instead of listed. */
  memberTally: string | null;
  rows: {
    area: string;
    emphasis: boolean;
    latest: string;
    previous: string;
    change: string;
    verdict: string;
    verdictKind: Verdict;
  }[];
}

export interface GoalSection {
  id: string;
  title: string;
  cards: GoalCard[];
}

/** Above this many members the start page tallies verdicts instead of listing every kommun. */
export const MAX_LISTED_MEMBERS = 25;

function card(site: Site, forbund: Forbund, goal: Goal): GoalCard {
  const view = site.view(forbund.id, goal.indicator);
  const { indicator } = view;
  const shown = view.summaries.filter(
    (summary) => summary.area.kind === 'kommun' || summary.area.kind === 'forbund' || summary.area.kind === 'riket',
  );
  const members = shown.filter((summary) => summary.area.kind === 'kommun');
  const listMembers = members.length <= MAX_LISTED_MEMBERS;
  const ordered = [
    ...shown.filter((summary) => summary.area.kind === 'forbund'),
    ...(listMembers ? members : []),
    ...shown.filter((summary) => summary.area.kind === 'riket'),
  ];
  const count = (verdict: Verdict) => members.filter((summary) => summary.verdict === verdict).length;
  return {
    indicatorId: indicator.id,
    title: indicator.title,
    goalText: goal.text,
    sentence: view.sentence,
    memberTally: listMembers
      ? null
      : t('start.tally', {
          members: members.length,
          improving: count('improving'),
          worsening: count('worsening'),
          unchanged: count('unchanged'),
          missing: count('no-data'),
        }),
    latest: view.latestPeriod ? formatPeriod(view.latestPeriod) : t('start.latest-year'),
    previous: view.previousPeriod ? formatPeriod(view.previousPeriod) : t('start.previous-year'),
    rows: ordered.map((summary) => ({
      area: areaLabel(summary.area),
      emphasis: summary.area.kind !== 'kommun',
      latest: summaryText(indicator, summary),
      previous: summaryText(indicator, summary, 'previous'),
      change: formatSigned(summary.change, indicator.decimals),
      verdict: verdictLabel(summary.verdict),
      verdictKind: summary.verdict,
    })),
  };
}

export function buildStartPage(site: Site, forbund: Forbund): GoalSection[] {
  return [
    {
      id: 'effektmal',
      title: t('start.effect-goals'),
      cards: forbund.effectGoals.map((goal) => card(site, forbund, goal)),
    },
    ...forbund.strategicAreas.map((area) => ({
      id: area.area,
      title: area.title,
      cards: area.goals.map((goal) => card(site, forbund, goal)),
    })),
  ];
}

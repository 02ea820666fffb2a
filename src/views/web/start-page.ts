/**
 * The förbund's start page below its overview table (`blocks/overview.ts`): each goal with its
 * sentence and its table.
 */
import type { Forbund, Goal } from '../../schemas/forbund.ts';
import { formatChange, formatPeriod } from '../../formats/display.ts';
import type { Verdict } from '../../measures/index.ts';
import type { Site } from '../model/site.ts';
import { areaLabel, changeHeading, summaryText } from '../text/labels.ts';
import { t } from '../../i18n/index.ts';
import { textCell, verdictCell, type TableBlock } from '../blocks/table.ts';
import { forbundMissing, forbundTableNotes, leadSentence } from '../text/lead.ts';

export interface GoalCard {
  indicatorId: string;
  title: string;
  goalText: string;
  sentence: string;
  /** Why the förbund has no figure of its own, under the sentence. */
  note: string | null;
  /** For large förbund, members are tallied instead of listed. */
  memberTally: string | null;
  table: TableBlock;
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
  const previous = view.previousPeriod ? formatPeriod(view.previousPeriod) : t('start.previous-year');
  const latest = view.latestPeriod ? formatPeriod(view.latestPeriod) : t('start.latest-year');
  const count = (verdict: Verdict) => members.filter((summary) => summary.verdict === verdict).length;
  return {
    indicatorId: indicator.id,
    title: indicator.title,
    goalText: goal.text,
    sentence: leadSentence(view),
    note: forbundMissing(view),
    memberTally: listMembers
      ? null
      : t('start.tally', {
          members: members.length,
          improving: count('improving'),
          worsening: count('worsening'),
          unchanged: count('unchanged'),
          missing: count('no-data'),
        }),
    table: {
      caption: t('start.table.caption', { title: indicator.title, previous, latest }),
      notes: forbundTableNotes(view),
      columns: [t('table.area'), changeHeading(view), t('table.verdict'), previous, latest],
      rows: ordered.map((summary) => ({
        header: textCell(areaLabel(summary.area)),
        emphasis: summary.area.kind !== 'kommun',
        cells: [
          textCell(formatChange(summary.change, indicator.decimals)),
          verdictCell(summary.verdict),
          textCell(summaryText(indicator, summary, 'previous')),
          textCell(summaryText(indicator, summary)),
        ],
      })),
    },
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

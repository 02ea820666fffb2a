/**
 * The förbund's start page: first one table a board reads at a glance (every indicator of the
 * agreement × the förbund and each member, latest value and verdict symbol, in the spirit of
 * Kolada's "Kommunens kvalitet i korthet"), then each goal with its sentence and its table.
 */
import type { Forbund, Goal } from '../schemas/forbund.ts';
import { formatPeriod, formatSigned } from '../formats/display.ts';
import { verdictLabel } from './sentences.ts';
import type { Verdict } from '../measures/index.ts';
import type { Site } from './site.ts';
import { areaLabel, changeHeading, summaryText } from './labels.ts';
import { t } from '../i18n/index.ts';
import { textCell, type TableBlock } from './table.ts';
import { indicatorPath } from './paths.ts';

export interface GoalCard {
  indicatorId: string;
  title: string;
  goalText: string;
  sentence: string;
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
    table: {
      caption: t('start.table.caption', { title: indicator.title, previous, latest }),
      columns: [t('table.area'), changeHeading(view), t('table.verdict'), previous, latest],
      rows: ordered.map((summary) => ({
        header: textCell(areaLabel(summary.area)),
        emphasis: summary.area.kind !== 'kommun',
        cells: [
          textCell(formatSigned(summary.change, indicator.decimals)),
          { text: verdictLabel(summary.verdict), verdict: summary.verdict },
          textCell(summaryText(indicator, summary, 'previous')),
          textCell(summaryText(indicator, summary)),
        ],
      })),
    },
  };
}

/** Above this many members the overview shows the förbund only; each kommun has its profile. */
export const MAX_OVERVIEW_MEMBERS = 12;

/** Every indicator of the agreement (once, in the agreement's order) × the förbund and each member. */
export function overview(site: Site, forbund: Forbund): TableBlock {
  const goals = [...forbund.effectGoals, ...forbund.strategicAreas.flatMap((area) => area.goals)];
  const indicatorIds = [...new Set(goals.map((goal) => goal.indicator))];
  const members = forbund.members.length <= MAX_OVERVIEW_MEMBERS ? forbund.members : [];
  const areaIds = [forbund.id, ...members.map((member) => member.code)];
  return {
    caption: t('start.overview.caption', { forbund: forbund.name }),
    columns: [
      t('start.overview.indicator'),
      t('area.forbund'),
      ...members.map((member) => site.config.registry.mustGet(member.code).name),
    ],
    rows: indicatorIds.map((id) => {
      const view = site.view(forbund.id, id);
      const cells = areaIds.map((areaId) => {
        const summary = view.summaries.find((candidate) => candidate.area.id === areaId);
        return textCell(
          `${summaryText(view.indicator, summary)} ${t(`verdict.symbol.${summary?.verdict ?? 'no-data'}`)}`,
        );
      });
      // The year rides with the name: a column of its own would push the last member off a laptop.
      const period = view.latestPeriod ? formatPeriod(view.latestPeriod) : '..';
      return {
        header: { text: `${view.indicator.shortTitle}, ${period}`, href: indicatorPath(forbund.id, id) },
        emphasis: false,
        cells,
      };
    }),
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

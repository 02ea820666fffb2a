/**
 * Every indicator of the agreement × the förbund and each member, latest value and verdict symbol,
 * in the spirit of Kolada's "Kommunens kvalitet i korthet": the start page's first table and the
 * screen mode's first slides.
 */
import type { Forbund } from '../../schemas/forbund.ts';
import { formatPeriod } from '../../formats/display.ts';
import type { Site } from '../model/site.ts';
import { summaryText } from '../text/labels.ts';
import { t } from '../../i18n/index.ts';
import type { TableBlock } from './table.ts';
import { indicatorPath } from '../model/paths.ts';

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
        return { text: summaryText(view.indicator, summary), mark: summary?.verdict ?? 'no-data' };
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

/**
 * A förbund's playlist for a screen that runs all day (`/<förbund>/visning/?visning=20`): the
 * overview of the agreement's indicators, then each indicator's trend, as slides of the deck.
 */
import { lineChart, type LineRow } from '../../charts/line-chart.ts';
import { t } from '../../i18n/index.ts';
import { trendChartRows } from '../blocks/chart-rows.ts';
import { DECK, notesFor, type DialogueDeck, type Slide } from './slides.ts';
import { sourceText } from '../text/labels.ts';
import type { Site } from '../model/site.ts';
import type { IndicatorView } from '../model/indicator-view.ts';
import { goalIndicators } from '../model/site.ts';
import { MAX_OVERVIEW_MEMBERS, overview } from '../blocks/overview.ts';
import { glanceHeadline, leadSentence } from '../text/lead.ts';

/** Rows and member columns of the overview a slide holds at 16:9 without crowding. */
const OVERVIEW_ROWS = 8;
const OVERVIEW_MEMBERS = 6;

export function buildPlaylist(site: Site, forbundId: string): DialogueDeck {
  const forbund = site.forbund(forbundId);
  const table = overview(site, forbund);
  // Rows and member columns are shared out evenly over as few slides as keep each readable.
  const rowParts = Math.ceil(table.rows.length / OVERVIEW_ROWS);
  const perSlide = Math.ceil(table.rows.length / rowParts);
  const members = table.columns.length - 2;
  const columnParts = Math.max(1, Math.ceil(members / OVERVIEW_MEMBERS));
  const perColumns = Math.ceil(members / columnParts);
  const parts = rowParts * columnParts;
  const overviewSlides = Array.from({ length: parts }, (_, part): Omit<Slide, 'id'> => {
    const rows = table.rows.slice(Math.floor(part / columnParts) * perSlide).slice(0, perSlide);
    const from = (part % columnParts) * perColumns;
    return {
      kicker: forbund.name,
      headline: parts > 1 ? t('playlist.overview.part', { part: part + 1, parts }) : t('playlist.overview'),
      table: {
        caption: table.caption,
        columns: [...table.columns.slice(0, 2), ...table.columns.slice(2 + from, 2 + from + perColumns)],
        rows: rows.map((row) => ({
          header: row.header.text,
          cells: [row.cells[0], ...row.cells.slice(1 + from, 1 + from + perColumns)].map((cell) => cell ?? ''),
        })),
      },
      notes: [t('start.overview.caption', { forbund: forbund.name })],
      source: t('playlist.sources'),
      dense: true,
    };
  });
  const trendSlides = goalIndicators(forbund, site.config.indicators).map((indicator): Omit<Slide, 'id'> => {
    const view = site.view(forbund.id, indicator.id);
    const rows = trendChartRows(view, null);
    // Unattended, a grey line nobody can name is noise: a large förbund shows its comparisons only.
    const lines =
      forbund.members.length > MAX_OVERVIEW_MEMBERS
        ? rows.lines.filter((line) => !isMemberLine(view, line))
        : rows.lines;
    const { options } = rows;
    return {
      kicker: indicator.shortTitle,
      headline: glanceHeadline(view),
      chart: {
        svg: lineChart(lines, {
          id: `visning-${indicator.id}`,
          labelledBy: `visning-${indicator.id}-caption`,
          ...DECK,
          ...options,
        }),
        caption: leadSentence(view),
      },
      notes: notesFor(view),
      source: sourceText(indicator).text,
    };
  });
  return {
    code: forbund.id,
    name: forbund.name,
    forbundName: forbund.name,
    title: t('playlist.title', { forbund: forbund.name }),
    slides: [...overviewSlides, ...trendSlides].map((slide, index) => ({ ...slide, id: `bild-${index + 1}` })),
    home: { href: `/${forbund.id}/`, label: t('playlist.home', { forbund: forbund.name }) },
  };
}

function isMemberLine(view: IndicatorView, line: LineRow): boolean {
  return view.areas.members.some((member) => member.id === line.series);
}

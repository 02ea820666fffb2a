/**
 * The agreement's strategic areas in the dialogue deck. Per area: how the kommun did against last
 * year, with the members side by side on each of the area's indicators; then each indicator's
 * trend, Kolada's and the members' exports as much as SCB's.
 */
import { rankedBars } from '../../charts/ranked-bars.ts';
import { ROLE_COLOURS } from '../../charts/render.ts';
import { t } from '../../i18n/index.ts';
import type { Forbund } from '../../schemas/forbund.ts';
import { unitLabel } from '../blocks/chart-rows.ts';
import { isRanked, type IndicatorView } from '../model/indicator-view.ts';
import { sourceText, summaryText } from '../text/labels.ts';
import { formatValue, rankHeadline, tallyHeadline } from '../text/sentences.ts';
import { verdictCell } from '../blocks/table.ts';
import {
  DECK,
  kindText,
  own,
  periodOf,
  slideId,
  sourcesOf,
  standingOf,
  trendSlides,
  type DeckContext,
  type Panel,
  type Slide,
  type SlideKind,
} from './slides.ts';

type StrategicArea = Forbund['strategicAreas'][number];

/** Member charts side by side on one slide: more would shrink their names below reading size. */
const PANELS_PER_SLIDE = 3;
/** Bars a member chart holds on a slide; a larger förbund (the national demo) keeps to its tables. */
const PANEL_MEMBERS = 12;
const BAR_FONT = 26;
/** Room per bar and for the axis, in chart units at the bar font size. */
const BAR_ROW = 44;
const BAR_AXIS = 50;

/**
 * The members on one indicator's latest value, best first, the kommun in its colour. A member
 * without a value has no bar; the line under the chart names it with its symbol.
 */
function membersPanel(deck: DeckContext, view: IndicatorView, id: string, columns: number): Panel {
  const { indicator } = view;
  const title = t(isRanked(indicator) ? 'deck.area.panel' : 'deck.area.panel.neutral', {
    title: indicator.shortTitle,
    period: periodOf(view),
  });
  const valued = view.summaries.filter((summary) => summary.area.kind === 'kommun' && summary.latest?.value != null);
  if (valued.length < 2 || view.latestPeriod === null) return { id, title, svg: '', note: t('deck.area.panel.empty') };
  const sign = !isRanked(indicator) || indicator.direction === 'higher-is-better' ? -1 : 1;
  const rows = valued
    .map((summary) => ({
      id: summary.area.id,
      label: summary.area.name,
      value: summary.latest?.value ?? 0,
      valueText: formatValue(indicator, summary.latest?.value ?? null),
      highlight: summary.area.id === deck.code,
      colour: ROLE_COLOURS.kommun,
    }))
    .sort((a, b) => sign * (a.value - b.value));
  const unvalued = view.summaries.filter((summary) => summary.area.kind === 'kommun' && !valued.includes(summary));
  return {
    id,
    title,
    svg: rankedBars(rows, {
      id,
      labelledBy: `${id}-rubrik`,
      width: Math.round(DECK.width / columns),
      height: BAR_AXIS + rows.length * BAR_ROW,
      fontSize: BAR_FONT,
      xLabel: unitLabel(indicator),
    }),
    ...(unvalued.length > 0
      ? {
          note: t('deck.area.panel.without', {
            members: unvalued.map((summary) => `${summary.area.name} ${summaryText(indicator, summary)}`).join(', '),
          }),
        }
      : {}),
  };
}

function charted(deck: DeckContext): boolean {
  return deck.forbund.members.length <= PANEL_MEMBERS;
}

/** A count's members are set side by side by its rate per 1 000, where it has one: the counts would rank sizes. */
function panelViews(views: IndicatorView[]): IndicatorView[] {
  return views.map((view) => view.rate ?? view);
}

function panelsFor(deck: DeckContext, views: IndicatorView[], slide: string): Panel[] {
  return panelViews(views).map((view, index) =>
    membersPanel(deck, view, `${slide}-diagram-${index + 1}`, views.length),
  );
}

/** The area's indicators for the kommun, the förbund and riket, with each verdict. */
function areaSlide(deck: DeckContext, area: StrategicArea, views: IndicatorView[], number: number): Slide {
  const id = slideId(number);
  return {
    id,
    kicker: area.title,
    headline: tallyHeadline(
      deck.name,
      area.title,
      views.map((view) => own(view, deck.code)?.verdict ?? 'no-data'),
    ),
    ...(views.length <= PANELS_PER_SLIDE && charted(deck) ? { panels: panelsFor(deck, views, id) } : {}),
    table: {
      caption: t('deck.area.caption', { area: area.title, kommun: deck.name }),
      columns: [
        t('deck.column.indicator'),
        t('deck.column.year'),
        deck.name,
        t('table.verdict'),
        t('area.forbund'),
        t('area.riket'),
      ],
      rows: views.map((view) => {
        const summary = own(view, deck.code);
        return {
          header: view.indicator.shortTitle,
          cells: [
            view.latestPeriod ?? '..',
            summaryText(view.indicator, summary),
            verdictCell(summary?.verdict ?? 'no-data'),
            kindText(view, 'forbund'),
            kindText(view, 'riket'),
          ],
        };
      }),
    },
    notes: views.flatMap((view) => [
      `${view.indicator.title}: ${view.indicator.definition}`,
      t('deck.notes.source-short', { source: sourceText(view.indicator).text }),
    ]),
    // A rate's source names its count's and the population it is divided by.
    source: sourcesOf(views.length <= PANELS_PER_SLIDE && charted(deck) ? panelViews(views) : views),
  };
}

/** An area with more indicators than one slide holds charts for: its members charts, shared out evenly. */
function membersSlides(deck: DeckContext, area: StrategicArea, views: IndicatorView[], first: number): Slide[] {
  if (views.length <= PANELS_PER_SLIDE || !charted(deck)) return [];
  const parts = Math.ceil(views.length / PANELS_PER_SLIDE);
  const size = Math.ceil(views.length / parts);
  return Array.from({ length: parts }, (_, part) => {
    const shown = views.slice(part * size, part * size + size);
    const id = slideId(first + part);
    return {
      id,
      kicker: t('deck.area.members.kicker', { area: area.title }),
      headline: rankHeadline(
        deck.name,
        deck.forbund.members.length,
        shown.map((view) => standingOf(view, deck.code)),
      ),
      panels: panelsFor(deck, shown, id),
      notes: [t('deck.area.members.talk', { kommun: deck.name }), t('deck.rank.note')],
      source: sourcesOf(panelViews(shown)),
    };
  });
}

/** Per strategic area: the area slide, its members charts if they did not fit, each indicator's trend. */
export const strategicAreas: SlideKind = (deck, first) => {
  // An indicator is drawn over time once per deck: the benefit and participation trends come earlier.
  const drawn = new Set([deck.role.benefits, deck.role.participation].map((view) => view?.indicator.id));
  const slides: Slide[] = [];
  for (const area of deck.forbund.strategicAreas) {
    const views = area.goals.map((goal) => deck.site.view(deck.forbund.id, goal.indicator));
    slides.push(areaSlide(deck, area, views, first + slides.length));
    slides.push(...membersSlides(deck, area, views, first + slides.length));
    for (const view of views) {
      if (drawn.has(view.indicator.id)) continue;
      drawn.add(view.indicator.id);
      slides.push(...trendSlides(deck, first + slides.length, view));
    }
  }
  return slides;
};

/**
 * What a deck is made of, shared by the dialogue deck and the screen playlist: the slide, the
 * context every slide kind draws on, and the slides and cells drawn from one indicator's view.
 * Charts are drawn for a 1920×1080 slide and scaled with it.
 */
import { lineChart, type LineRow } from '../../charts/line-chart.ts';
import type { ChartFrame } from '../../charts/render.ts';
import { t } from '../../i18n/index.ts';
import { inSentence, joinList } from '../../formats/display.ts';
import type { Forbund } from '../../schemas/forbund.ts';
import type { DialogueRole } from '../../schemas/indicator.ts';
import type { loadDialogueContent } from '../../config/dialogue-content.ts';
import type { Site } from '../model/site.ts';
import {
  changeSentence,
  shownPeriod,
  type ShownPeriod,
  type Standing,
  subjectFor,
  yearlyPeriodText,
} from '../text/sentences.ts';
import type { AreaSummary, IndicatorView } from '../model/indicator-view.ts';
import { areaLabel, caveatsOf, rankText, sourceText, summaryText } from '../text/labels.ts';
import type { TableCell } from '../blocks/table.ts';
import { areaLines, breakMarks, drawableWith, roleColours, valueAxis } from '../blocks/chart-rows.ts';

export interface SlideTable {
  caption: string;
  columns: string[];
  /** A plain text, or a table cell whose verdict is coloured beside its word and symbol. */
  rows: { header: string; cells: (string | TableCell)[] }[];
}

/** One of a slide's small charts side by side, under its own visible title. */
export interface Panel {
  id: string;
  title: string;
  /** Empty where nothing can be drawn; `note` then says why. */
  svg: string;
  /** A line under the chart: what it cannot show (the kommun's protected value, say). */
  note?: string;
}

export interface Slide {
  id: string;
  kicker: string;
  headline: string;
  chart?: { svg: string; caption: string };
  panels?: Panel[];
  table?: SlideTable;
  lists?: { title: string; items: string[] }[];
  html?: string;
  notes: string[];
  source: string;
  /** A wide table (an indicator per row, an area per column): set smaller to fit the slide. */
  dense?: boolean;
}

export interface DialogueDeck {
  code: string;
  name: string;
  forbundName: string;
  title: string;
  slides: Slide[];
  /** Where the deck's own link leads: the kommun's profile unless said otherwise. */
  home?: { href: string; label: string };
}

/** What every slide kind may draw on: the kommun, its förbund, and the views the deck uses. */
export interface DeckContext {
  site: Site;
  forbund: Forbund;
  code: string;
  name: string;
  content: ReturnType<typeof loadDialogueContent>;
  role: Partial<Record<DialogueRole, IndicatorView>>;
  /** The agreement's indicators, each once: what the dialogue is about. */
  agreement: IndicatorView[];
}

/** A slide kind: the slides it makes (none when its data is missing), numbered from `first`. */
export type SlideKind = (deck: DeckContext, first: number) => Slide[];

export const DECK = { width: 1600, height: 620, fontSize: 30 };

export const slideId = (number: number) => `bild-${number}`;

/** A chart slide's parts: the chart is drawn once its frame is known. */
export interface ChartSlideParts extends Omit<Slide, 'id' | 'chart'> {
  caption: string;
  draw: (frame: ChartFrame) => string;
  /** Where the chart needs another size than the deck's (a tall ranking of many bars). */
  frame?: Partial<Omit<ChartFrame, 'id' | 'labelledBy'>>;
}

/** Every chart slide alike: numbered, its chart at the deck's size and named by its caption. */
export function chartSlide(number: number, { caption, draw, frame, ...rest }: ChartSlideParts): Slide {
  const id = slideId(number);
  return { id, ...rest, chart: { svg: draw({ id, labelledBy: `${id}-caption`, ...DECK, ...frame }), caption } };
}

export function own(view: IndicatorView, code: string): AreaSummary | undefined {
  return view.summaries.find((summary) => summary.area.id === code);
}

export function notesFor(view: IndicatorView): string[] {
  const source = sourceText(view.indicator);
  return [
    view.indicator.definition,
    ...caveatsOf(view),
    t('deck.notes.source', {
      source: `${source.text}${source.url ? ` (${source.url})` : ''}`,
      period: view.latestPeriod ?? t('deck.missing'),
    }),
  ];
}

/** The kommun's place among the members on an indicator, or null where the members are not ranked. */
export function standingOf(view: IndicatorView, code: string): Standing | null {
  const rank = own(view, code)?.rank ?? null;
  const text = rankText(view, rank);
  if (rank === null || text === null) return null;
  const last = Math.max(...view.summaries.map((summary) => summary.rank ?? 0));
  return { title: view.indicator.shortTitle, rank, last, text };
}

/** The latest value of the förbund or riket in a view, as a table cell. */
export function kindText(view: IndicatorView, kind: 'forbund' | 'riket'): string {
  return summaryText(
    view.indicator,
    view.summaries.find((summary) => summary.area.kind === kind),
  );
}

export function sourcesOf(views: IndicatorView[]): string {
  return [...new Set(views.map((view) => sourceText(view.indicator).text))].join('; ');
}

export function periodOf(view: IndicatorView): ShownPeriod {
  return view.latestPeriod === null ? shownPeriod('..') : yearlyPeriodText(view.indicator, view.latestPeriod);
}

/** Whether some line has values two years running: scattered single years are not a trend. */
function hasSegment(lines: LineRow[]): boolean {
  const valued = new Set(lines.filter((line) => line.value !== null).map((line) => `${line.series}|${line.period}`));
  return lines.some((line) => line.value !== null && valued.has(`${line.series}|${Number(line.period) + 1}`));
}

/**
 * The kommun's line against the förbund and riket, over the years, breaks in the series marked; no
 * slide where values are missing or protected in all but scattered years (the area's table shows
 * the symbols).
 */
export function trendSlides(deck: Pick<DeckContext, 'code' | 'name'>, number: number, view: IndicatorView): Slide[] {
  const { indicator } = view;
  const summary = own(view, deck.code);
  const riket = view.summaries.find((candidate) => candidate.area.kind === 'riket');
  const shown = drawableWith(
    indicator,
    view.summaries.filter(
      (candidate) =>
        candidate.area.id === deck.code || candidate.area.kind === 'forbund' || candidate.area.kind === 'riket',
    ),
  );
  const lines = areaLines(shown);
  if (!hasSegment(lines)) return [];
  return [
    chartSlide(number, {
      kicker: indicator.shortTitle,
      headline: changeSentence(indicator, {
        subject: subjectFor(indicator, deck.name),
        previous: summary?.previous ?? null,
        current: summary?.latest ?? null,
        verdict: null,
        riket: riket?.latest?.value ?? null,
        acrossBreak: summary?.acrossBreak ?? null,
      }),
      draw: (frame) =>
        lineChart(lines, {
          ...frame,
          highlight: shown.map((candidate) => candidate.area.id),
          colours: roleColours(shown, deck.code),
          ...valueAxis(indicator, lines),
          breaks: breakMarks(view),
        }),
      // The caption names the lines drawn, no more: a förbund without a figure has no line.
      caption: t('deck.trend.caption', {
        title: indicator.title,
        lines: joinList(
          shown
            .filter((candidate) => candidate.series.some((point) => point.value !== null))
            .map((candidate) =>
              candidate.area.kind === 'kommun' ? candidate.area.name : areaLabel(candidate.area).toLowerCase(),
            ),
        ),
      }),
      notes: [t('deck.trend.talk', { title: inSentence(indicator.shortTitle), kommun: deck.name }), ...notesFor(view)],
      source: sourceText(indicator).text,
    }),
  ];
}

/**
 * A kommun's dialogue deck: one message per slide, each headline computed from the data, speaker
 * notes with the figure's meaning, caveats and source. Charts are drawn for a 1920×1080 slide.
 */
import { lineChart } from '../charts/line-chart.ts';
import { rankedBars } from '../charts/ranked-bars.ts';
import { stackedBars } from '../charts/stacked-bars.ts';
import { t } from '../i18n/index.ts';
import type { Indicator } from '../schemas/indicator.ts';
import { loadDialogueContent } from '../config/dialogue-content.ts';
import { formatDate } from '../formats/display.ts';
import type { ValuePoint } from '../measures/series.ts';
import type { Site } from './site.ts';
import { goalIndicators } from './site.ts';
import {
  extremesHeadline,
  formatValue,
  labourHeadline,
  largestPartHeadline,
  rankHeadline,
  sexHeadline,
  tallyHeadline,
  trendHeadline,
  verdictLabel,
} from './sentences.ts';
import type { IndicatorView } from './indicator-view.ts';
import { areaLabel, sourceText, summaryText } from './labels.ts';
import { unitLabel } from './indicator-page.ts';

export interface SlideTable {
  caption: string;
  columns: string[];
  rows: { header: string; cells: string[] }[];
}

export interface Slide {
  id: string;
  kicker: string;
  headline: string;
  chart?: { svg: string; caption: string };
  table?: SlideTable;
  lists?: { title: string; items: string[] }[];
  html?: string;
  notes: string[];
  source: string;
}

export interface DialogueDeck {
  code: string;
  name: string;
  forbundName: string;
  title: string;
  slides: Slide[];
}

const DECK = { width: 1600, height: 620, fontSize: 30 };

function pointAt(series: ValuePoint[] | undefined, period: string | null): ValuePoint | null {
  return period === null ? null : (series?.find((point) => point.period === period) ?? null);
}

function notesFor(indicator: Indicator, view: IndicatorView): string[] {
  const source = sourceText(indicator);
  return [
    indicator.definition,
    ...indicator.caveats,
    `Källa: ${source.text}${source.url ? ` (${source.url})` : ''}. Senaste år: ${view.latestPeriod ?? 'saknas'}.`,
  ];
}

/** The latest value of the förbund or riket in a view, as a table cell. */
function kindText(view: IndicatorView, kind: 'forbund' | 'riket'): string {
  return summaryText(
    view.indicator,
    view.summaries.find((summary) => summary.area.kind === kind),
  );
}

function trendSlide(
  id: string,
  kicker: string,
  subject: string,
  view: IndicatorView,
  code: string,
  name: string,
): Slide {
  const { indicator } = view;
  const own = view.summaries.find((summary) => summary.area.id === code)!;
  const riket = view.summaries.find((summary) => summary.area.kind === 'riket');
  const shown = view.summaries.filter(
    (summary) => summary.area.id === code || summary.area.kind === 'forbund' || summary.area.kind === 'riket',
  );
  return {
    id,
    kicker,
    headline: trendHeadline(indicator, subject, own.previous, own.latest, riket?.latest?.value ?? null),
    chart: {
      svg: lineChart(
        shown.flatMap((summary) =>
          summary.series.map((point) => ({
            series: areaLabel(summary.area),
            period: point.period,
            value: point.value,
          })),
        ),
        {
          id,
          labelledBy: `${id}-caption`,
          ...DECK,
          highlight: [name, 'Förbundet', 'Riket'],
          yLabel: unitLabel(indicator),
          decimals: indicator.decimals,
          zero: indicator.unit !== 'days',
        },
      ),
      caption: `${indicator.title}. ${name}, förbundet och riket per år.`,
    },
    notes: notesFor(indicator, view),
    source: sourceText(indicator).text,
  };
}

export function buildDialogueDeck(site: Site, code: string): DialogueDeck {
  const forbund = site.forbundOf(code);
  const name = site.config.registry.mustGet(code).name;
  const meta = site.snapshot.meta;
  const content = loadDialogueContent(site.config.root, code);
  const he = site.view(forbund.id, 'helarsekvivalenter');
  const participation = site.view(forbund.id, 'bas-arbetskraftsdeltagande');
  const slides: Slide[] = [];

  slides.push({
    id: 'bild-1',
    kicker: forbund.name,
    headline: `${name}: läget i statistiken`,
    lists: [
      {
        title: 'Underlag',
        items: [
          `Helårsekvivalenter till och med ${he.latestPeriod ?? '..'}`,
          `Arbetsmarknadsstatus (BAS) oktober ${participation.latestPeriod ?? '..'}`,
          `Data hämtad ${formatDate(meta.retrievedAt)}`,
          ...(meta.example ? ['EXEMPELDATA – inte verkliga siffror'] : []),
        ],
      },
    ],
    notes: [
      'Presentationen är byggd automatiskt från förbundets underlag. Varje rubrik är räknad ur siffrorna.',
      'Tangenter: pil höger/vänster, PageUp/PageDown, Home/End, siffror för att hoppa, F helskärm, S talarstöd.',
    ],
    source: 'SCB, Kolada (RKA) och förbundets parter',
  });

  slides.push(
    trendSlide('bild-2', 'Försörjning', `Andelen 20–64 år som försörjs av ersättningar i ${name}`, he, code, name),
  );

  const benefit = he.splits.find((split) => split.name === 'benefit');
  if (benefit) {
    const parts = benefit.categories.slice(1);
    const rows = parts.flatMap((category) =>
      (category.byArea.get(code) ?? []).map((point) => ({
        period: point.period,
        category: category.label,
        value: point.value,
      })),
    );
    slides.push({
      id: 'bild-3',
      kicker: 'Försörjning efter ersättningsslag',
      headline: largestPartHeadline(
        he.indicator,
        parts.map((category) => ({
          label: category.label,
          latest: pointAt(category.byArea.get(code), he.latestPeriod)?.value ?? null,
          previous: pointAt(category.byArea.get(code), he.previousPeriod)?.value ?? null,
        })),
        he.latestPeriod,
      ),
      chart: {
        svg: stackedBars(
          rows,
          parts.map((category) => category.label),
          { id: 'bild-3', labelledBy: 'bild-3-caption', ...DECK, yLabel: 'Procent', decimals: 1 },
        ),
        caption: `Helårsekvivalenter per ersättningsslag som andel av befolkningen 20–64 år i ${name}.`,
      },
      notes: notesFor(he.indicator, he),
      source: sourceText(he.indicator).text,
    });
  }

  const women = he.bySex.find((entry) => entry.sex === 'women')?.byArea.get(code);
  const men = he.bySex.find((entry) => entry.sex === 'men')?.byArea.get(code);
  slides.push({
    id: 'bild-4',
    kicker: 'Kvinnor och män',
    headline: sexHeadline(
      he.indicator,
      pointAt(women, he.latestPeriod)?.value ?? null,
      pointAt(men, he.latestPeriod)?.value ?? null,
      he.latestPeriod,
    ),
    chart: {
      svg: lineChart(
        [
          ...(women ?? []).map((point) => ({ series: t('sex.women'), period: point.period, value: point.value })),
          ...(men ?? []).map((point) => ({ series: t('sex.men'), period: point.period, value: point.value })),
        ],
        {
          id: 'bild-4',
          labelledBy: 'bild-4-caption',
          ...DECK,
          highlight: ['Kvinnor', 'Män'],
          yLabel: 'Procent',
          decimals: 1,
          zero: true,
        },
      ),
      caption: `Andel som försörjs av ersättningar bland kvinnor och män 20–64 år i ${name}.`,
    },
    notes: notesFor(he.indicator, he),
    source: sourceText(he.indicator).text,
  });

  const basIds = ['bas-arbetskraftsdeltagande', 'bas-sysselsattningsgrad', 'bas-arbetsloshet'];
  const basViews = basIds.map((id) => site.view(forbund.id, id));
  slides.push({
    id: 'bild-5',
    kicker: `Arbetsmarknaden i oktober ${participation.latestPeriod ?? ''}`,
    headline: labourHeadline(
      name,
      participation.latestPeriod,
      basViews[0]?.summaries.find((summary) => summary.area.id === code)?.latest?.value ?? null,
      basViews[1]?.summaries.find((summary) => summary.area.id === code)?.latest?.value ?? null,
      basViews[2]?.summaries.find((summary) => summary.area.id === code)?.latest?.value ?? null,
    ),
    table: {
      caption: `BAS, 20–64 år, oktober ${participation.previousPeriod ?? ''} och ${participation.latestPeriod ?? ''}`,
      columns: ['Mått', name, 'Bedömning', 'Förbundet', 'Riket'],
      rows: basViews.map((view) => {
        const own = view.summaries.find((summary) => summary.area.id === code)!;
        return {
          header: view.indicator.shortTitle,
          cells: [
            summaryText(view.indicator, own),
            verdictLabel(own.verdict),
            kindText(view, 'forbund'),
            kindText(view, 'riket'),
          ],
        };
      }),
    },
    notes: [
      ...notesFor(participation.indicator, participation),
      'Sysselsättningsgrad = sysselsatta / befolkning; arbetslöshet = arbetslösa / arbetskraften. * = preliminär uppgift.',
    ],
    source: 'SCB, BAS (TAB6260)',
  });

  const ageSplit = participation.splits.find((split) => split.name === 'age');
  if (ageSplit) {
    const bands = ageSplit.categories.filter((category) => !['20-64', '15-74'].includes(category.code));
    const rows = bands.map((category) => ({
      label: category.label,
      value: pointAt(category.byArea.get(code), participation.latestPeriod)?.value ?? null,
    }));
    slides.push({
      id: 'bild-6',
      kicker: 'Arbetskraften efter ålder',
      headline: extremesHeadline(
        participation.indicator,
        `Andelen i arbetskraften i ${name} oktober`,
        rows,
        participation.latestPeriod,
      ),
      chart: {
        svg: rankedBars(
          rows
            .filter((row) => row.value !== null)
            .map((row) => ({
              label: row.label,
              value: row.value as number,
              valueText: formatValue(participation.indicator, row.value),
              highlight: true,
            })),
          {
            id: 'bild-6',
            labelledBy: 'bild-6-caption',
            width: DECK.width,
            height: 640,
            fontSize: 26,
            xLabel: 'Procent',
          },
        ),
        caption: `Andel av befolkningen i arbetskraften per åldersgrupp i ${name}, oktober ${participation.latestPeriod ?? ''}.`,
      },
      notes: notesFor(participation.indicator, participation),
      source: 'SCB, BAS (TAB6260)',
    });
  }

  slides.push(
    trendSlide(
      'bild-7',
      'Arbetskraften över tid',
      `Andelen 20–64 år i arbetskraften i ${name}`,
      participation,
      code,
      name,
    ),
  );

  for (const area of forbund.strategicAreas) {
    const views = area.goals.map((goal) => site.view(forbund.id, goal.indicator));
    const verdicts = views.map(
      (view) => view.summaries.find((summary) => summary.area.id === code)?.verdict ?? 'no-data',
    );
    slides.push({
      id: `bild-${slides.length + 1}`,
      kicker: area.title,
      headline: tallyHeadline(name, area.title, verdicts),
      table: {
        caption: `${area.title}: ${name} jämfört med förbundet och riket, senaste år`,
        columns: ['Indikator', 'År', name, 'Bedömning', 'Förbundet', 'Riket'],
        rows: views.map((view) => {
          const own = view.summaries.find((summary) => summary.area.id === code)!;
          return {
            header: view.indicator.shortTitle,
            cells: [
              view.latestPeriod ?? '..',
              summaryText(view.indicator, own),
              verdictLabel(own.verdict),
              kindText(view, 'forbund'),
              kindText(view, 'riket'),
            ],
          };
        }),
      },
      notes: views.flatMap((view) => [
        `${view.indicator.title}: ${view.indicator.definition}`,
        `Källa: ${sourceText(view.indicator).text}.`,
      ]),
      source: [...new Set(views.map((view) => sourceText(view.indicator).text))].join('; '),
    });
  }

  // The agreement's indicators: what the dialogue is about, and each measure once (BAS has several vintages of the same).
  const all = goalIndicators(forbund, site.config.indicators).map((indicator) => site.view(forbund.id, indicator.id));
  slides.push({
    id: `bild-${slides.length + 1}`,
    kicker: 'Bland medlemmarna',
    headline: rankHeadline(
      name,
      forbund.members.length,
      all.map((view) => view.summaries.find((summary) => summary.area.id === code)?.rank ?? null),
    ),
    table: {
      caption: `Placering bland förbundets ${forbund.members.length} medlemmar på överenskommelsens indikatorer (1 = bäst i önskad riktning)`,
      columns: ['Indikator', 'År', 'Placering'],
      rows: all.map((view) => {
        const own = view.summaries.find((summary) => summary.area.id === code)!;
        return {
          header: view.indicator.shortTitle,
          cells: [view.latestPeriod ?? '..', own.rank === null ? '..' : `${own.rank} av ${forbund.members.length}`],
        };
      }),
    },
    notes: [
      'Placeringen räknas på senaste årets värde. Lika värden delar placering. Indikatorer utan värde för kommunen får ingen placering.',
    ],
    source: 'Beräknat ur SCB, Kolada och parternas exporter',
  });

  if (content) {
    slides.push({
      id: `bild-${slides.length + 1}`,
      kicker: forbund.name,
      headline: content.title,
      html: content.html,
      notes: ['Texten kommer från förbundets kansli (data/content/dialog).'],
      source: forbund.name,
    });
  }

  const judged = all.map((view) => ({ view, own: view.summaries.find((summary) => summary.area.id === code)! }));
  const improved = judged
    .filter((entry) => entry.own.verdict === 'improving')
    .map(
      (entry) =>
        `${entry.view.indicator.shortTitle}: ${formatValue(entry.view.indicator, entry.own.latest?.value ?? null)}`,
    );
  const worsened = judged.filter((entry) => entry.own.verdict === 'worsening');
  const atMost = (items: string[], limit: number) =>
    items.length > limit ? [...items.slice(0, limit - 1), `… och ${items.length - limit + 1} till`] : items;
  const questions = [
    ...(content?.questions ?? []),
    ...worsened
      .slice(0, 3)
      .map((entry) => `Vad ligger bakom utvecklingen för ${entry.view.indicator.shortTitle.toLowerCase()}?`),
  ];
  slides.push({
    id: `bild-${slides.length + 1}`,
    kicker: 'Till samtalet',
    headline: `${improved.length} av överenskommelsens indikatorer förbättrades och ${worsened.length} försämrades i ${name} jämfört med året innan.`,
    lists: [
      { title: 'Förbättrades', items: improved.length > 0 ? atMost(improved, 4) : ['Ingen'] },
      {
        title: 'Försämrades',
        items:
          worsened.length > 0
            ? atMost(
                worsened.map(
                  (entry) =>
                    `${entry.view.indicator.shortTitle}: ${formatValue(entry.view.indicator, entry.own.latest?.value ?? null)}`,
                ),
                4,
              )
            : ['Ingen'],
      },
      {
        title: 'Frågor',
        items: questions.length > 0 ? questions.slice(0, 3) : ['Vad ser ni som kommunens största utmaning just nu?'],
      },
    ],
    notes: [
      'Förbättring och försämring avser senaste året mot året innan, i indikatorns önskade riktning.',
      `Förbättrades: ${improved.join('; ') || 'ingen'}.`,
      `Alla frågor: ${questions.join(' ')}`,
    ],
    source: 'Beräknat ur underlaget',
  });

  return { code, name, forbundName: forbund.name, title: `${name} – dialog med ${forbund.name}`, slides };
}

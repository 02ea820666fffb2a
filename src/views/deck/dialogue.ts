/**
 * A kommun's dialogue deck: one message per slide, each headline computed from the data, speaker
 * notes with the figure's meaning, caveats and source.
 * The deck is a list of slide kinds; which indicators fill them comes from `indicators.json`
 * (`dialogue` roles) and the förbund's agreement, so a slide whose indicator is missing is left out.
 */
import { lineChart } from '../../charts/line-chart.ts';
import { rankedBars } from '../../charts/ranked-bars.ts';
import { stackedBars } from '../../charts/stacked-bars.ts';
import { t } from '../../i18n/index.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import { loadDialogueContent } from '../../config/dialogue-content.ts';
import { formatDate, inSentence } from '../../formats/display.ts';
import type { Site } from '../model/site.ts';
import { goalIndicators } from '../model/site.ts';
import {
  extremesHeadline,
  formatValue,
  labourHeadline,
  largestPartHeadline,
  rankHeadline,
  peersHeadline,
  expectedHeadline,
  sexHeadline,
  yearlyPeriodText,
} from '../text/sentences.ts';
import type { AreaSummary, IndicatorView } from '../model/indicator-view.ts';
import { rankText, sourceText, summaryText } from '../text/labels.ts';
import { sexChartRows, splitStack, unitLabel, valueAxis } from '../blocks/chart-rows.ts';
import { pointAt } from '../../measures/series.ts';
import { strategicAreas } from './deck-areas.ts';
import {
  chartSlide,
  kindText,
  notesFor,
  own,
  periodOf,
  slideId,
  sourcesOf,
  standingOf,
  trendSlides,
  type DeckContext,
  type DialogueDeck,
  type Slide,
  type SlideKind,
} from './slides.ts';
import { verdictCell } from '../blocks/table.ts';
import { peerSummaryTable } from '../blocks/peers.ts';
import { expectedProfileTable } from '../blocks/expected.ts';
import { againstPeerMedian } from '../../measures/peers.ts';

/**
 * A closing-slide column holds about this many lines of about this many characters at full size
 * (a third of the slide's width under a two-line headline); a longer column sets the slide smaller.
 */
const LIST_LINES = 12;
const LINE_CHARACTERS = 18;

function linesOf(items: string[]): number {
  return items.reduce((lines, item) => lines + Math.ceil(item.length / LINE_CHARACTERS), 0);
}

const intro: SlideKind = ({ site, forbund, name, role, content }, first) => {
  const meta = site.snapshot.meta;
  const basis = [role.benefits, role.participation].flatMap((view) =>
    view ? [t('deck.intro.basis-item', { title: view.indicator.shortTitle, period: periodOf(view) })] : [],
  );
  return [
    {
      id: slideId(first),
      kicker: forbund.name,
      headline: content?.meeting
        ? t('deck.intro.headline.meeting', { kommun: name, date: formatDate(content.meeting) })
        : t('deck.intro.headline', { kommun: name }),
      lists: [
        {
          title: t('deck.intro.basis'),
          items: [
            ...basis,
            t('deck.intro.retrieved', { date: formatDate(meta.retrievedAt) }),
            ...(meta.example ? [t('example.title')] : []),
          ],
        },
      ],
      notes: [t('deck.intro.note'), t('deck.intro.keys')],
      source: t('deck.intro.source'),
    },
  ];
};

/** What the förbund and its members agreed to follow: the effect goals as written, and the areas. */
const goals: SlideKind = ({ forbund }, first) => [
  {
    id: slideId(first),
    kicker: forbund.name,
    headline: t('deck.goals.headline'),
    lists: [
      { title: t('deck.goals.effect'), items: forbund.effectGoals.map((goal) => goal.text) },
      { title: t('deck.goals.areas'), items: forbund.strategicAreas.map((area) => area.title) },
    ],
    notes: forbund.strategicAreas.flatMap((area) => area.goals.map((goal) => `${area.title}: ${goal.text}`)),
    source: t('deck.goals.source', { forbund: forbund.name }),
  },
];

const benefitsTrend: SlideKind = (deck, first) =>
  deck.role.benefits ? trendSlides(deck, first, deck.role.benefits) : [];

const benefitsParts: SlideKind = (deck, first) => {
  const view = deck.role.benefits;
  const split = view?.splits.find((candidate) => candidate.additive);
  if (!view || !split) return [];
  const { rows, categories } = splitStack(split, deck.code);
  const parts = split.categories.slice(1).map((category) => ({
    label: category.label,
    latest: pointAt(category.byArea.get(deck.code), view.latestPeriod)?.value ?? null,
    previous: pointAt(category.byArea.get(deck.code), view.previousPeriod)?.value ?? null,
  }));
  return [
    chartSlide(first, {
      kicker: t('deck.parts.kicker', { title: view.indicator.shortTitle, split: split.title.toLowerCase() }),
      headline: largestPartHeadline(view.indicator, deck.name, parts, view.latestPeriod),
      draw: (frame) => stackedBars(rows, categories, { ...frame, ...valueAxis(view.indicator) }),
      caption: t('deck.parts.caption', {
        title: view.indicator.title,
        split: split.title.toLowerCase(),
        kommun: deck.name,
      }),
      notes: [
        t('deck.parts.talk', { title: view.indicator.shortTitle, split: split.title.toLowerCase(), kommun: deck.name }),
        ...notesFor(view),
      ],
      source: sourceText(view.indicator).text,
    }),
  ];
};

const benefitsBySex: SlideKind = (deck, first) => {
  const view = deck.role.benefits;
  if (!view || view.bySex.length === 0) return [];
  const { lines, options } = sexChartRows(view, deck.code);
  const latestOf = (sex: 'women' | 'men') =>
    pointAt(view.bySex.find((entry) => entry.sex === sex)?.byArea.get(deck.code), view.latestPeriod)?.value ?? null;
  return [
    chartSlide(first, {
      kicker: t('deck.sex.kicker'),
      headline: sexHeadline(view.indicator, deck.name, latestOf('women'), latestOf('men'), view.latestPeriod),
      draw: (frame) => lineChart(lines, { ...frame, ...options }),
      caption: t('deck.sex.caption', { title: view.indicator.title, kommun: deck.name }),
      notes: [
        t('deck.sex.talk', { title: inSentence(view.indicator.shortTitle), kommun: deck.name }),
        ...notesFor(view),
      ],
      source: sourceText(view.indicator).text,
    }),
  ];
};

const labour: SlideKind = (deck, first) => {
  const { participation, employment, unemployment } = deck.role;
  const views = [participation, employment, unemployment].filter((view) => view !== undefined);
  if (!participation || views.length === 0) return [];
  const value = (view: IndicatorView | undefined) => ({
    indicator: view?.indicator ?? participation.indicator,
    value: view ? (own(view, deck.code)?.latest?.value ?? null) : null,
  });
  const period = periodOf(participation);
  return [
    {
      id: slideId(first),
      kicker: t('deck.labour.kicker', { period }),
      headline: labourHeadline(deck.name, period, value(participation), value(employment), value(unemployment)),
      table: {
        caption: t('deck.labour.caption', {
          previous:
            participation.previousPeriod === null
              ? '..'
              : yearlyPeriodText(participation.indicator, participation.previousPeriod),
          latest: period,
        }),
        columns: [t('deck.column.measure'), deck.name, t('table.verdict'), t('area.forbund'), t('area.riket')],
        rows: views.map((view) => {
          const summary = own(view, deck.code);
          return {
            header: view.indicator.shortTitle,
            cells: [
              summaryText(view.indicator, summary),
              verdictCell(summary?.verdict ?? 'no-data'),
              kindText(view, 'forbund'),
              kindText(view, 'riket'),
            ],
          };
        }),
      },
      notes: [...notesFor(participation), t('deck.labour.note')],
      source: sourcesOf(views),
    },
  ];
};

const participationByAge: SlideKind = (deck, first) => {
  const view = deck.role.participation;
  const split = view?.splits.find((candidate) => candidate.name === 'age');
  if (!view || !split) return [];
  const rows = finestBands(split.categories).map((category) => ({
    id: category.code,
    label: category.label,
    value: pointAt(category.byArea.get(deck.code), view.latestPeriod)?.value ?? null,
  }));
  const period = periodOf(view);
  return [
    chartSlide(first, {
      kicker: t('deck.age.kicker', { title: view.indicator.shortTitle }),
      headline: extremesHeadline(
        view.indicator,
        t('deck.age.what', { title: view.indicator.shortTitle, kommun: deck.name }),
        rows,
        period,
      ),
      draw: (frame) =>
        rankedBars(
          rows.flatMap((row) =>
            row.value === null
              ? []
              : [{ ...row, value: row.value, valueText: formatValue(view.indicator, row.value), highlight: true }],
          ),
          { ...frame, xLabel: unitLabel(view.indicator) },
        ),
      frame: { height: 640, fontSize: 26 },
      caption: t('deck.age.caption', { title: view.indicator.title, kommun: deck.name, period }),
      notes: [
        t('deck.age.talk', { title: inSentence(view.indicator.shortTitle), kommun: deck.name }),
        ...notesFor(view),
      ],
      source: sourceText(view.indicator).text,
    }),
  ];
};

/** Age groups that hold no other group of the split: the bands, without the wide groups (20–64, 15–74) over them. */
function finestBands<T extends { code: string }>(categories: T[]): T[] {
  const range = (code: string) => code.split('-').map(Number) as [number, number];
  return categories.filter((category) => {
    const [low, high] = range(category.code);
    return !categories.some((other) => {
      const [otherLow, otherHigh] = range(other.code);
      return other !== category && otherLow >= low && otherHigh <= high;
    });
  });
}

const participationTrend: SlideKind = (deck, first) =>
  deck.role.participation ? trendSlides(deck, first, deck.role.participation) : [];

const ranks: SlideKind = ({ forbund, code, name, agreement }, first) => {
  const members = forbund.members.length;
  return [
    {
      id: slideId(first),
      kicker: t('deck.rank.kicker'),
      headline: rankHeadline(
        name,
        members,
        agreement.map((view) => standingOf(view, code)),
      ),
      table: {
        caption: t('deck.rank.caption', { members }),
        columns: [t('deck.column.indicator'), t('deck.column.year'), t('deck.column.rank')],
        rows: agreement.map((view) => {
          return {
            header: view.indicator.shortTitle,
            cells: [view.latestPeriod ?? '..', rankText(view, own(view, code)?.rank ?? null) ?? t('deck.rank.none')],
          };
        }),
      },
      notes: [t('deck.rank.note')],
      source: t('deck.rank.source'),
    },
  ];
};

/** The kommun beside Kolada's "Liknande kommuner" on the agreement's indicators that have them. */
const peers: SlideKind = ({ forbund, code, name, agreement }, first) => {
  const comparisons = agreement.flatMap((view) => view.peers.get(code) ?? []);
  if (comparisons.length === 0) return [];
  const table = peerSummaryTable(name, comparisons, forbund.id, { withGroup: false });
  return [
    {
      id: slideId(first),
      kicker: t('deck.peers.kicker'),
      headline: peersHeadline(
        name,
        comparisons.map((comparison) => ({
          title: comparison.indicator.shortTitle,
          standing: againstPeerMedian(comparison),
        })),
      ),
      table: {
        caption: table.caption,
        columns: table.columns,
        rows: table.rows.map((row) => ({ header: row.header.text, cells: row.cells })),
      },
      // Six or more rows of five columns: set smaller, as the playlist's overview, to fit a 4:3 projector.
      dense: true,
      notes: [t('deck.peers.note', { kommun: name }), ...(table.notes ?? [])],
      source: t('deck.peers.source'),
    },
  ];
};

/** The kommun's actual values beside those expected from its structure, on the agreement's modelled indicators. */
const expected: SlideKind = ({ forbund, code, name, agreement }, first) => {
  const modelled = agreement.flatMap((view) =>
    view.expected ? [{ indicator: view.indicator, model: view.expected.model }] : [],
  );
  const table = expectedProfileTable({ code, name }, modelled, forbund.id);
  if (!table) return [];
  const standings = modelled.flatMap(({ indicator, model }) => {
    const value = model.values.find((entry) => entry.code === code);
    return value ? [{ title: indicator.shortTitle, standing: value.standing }] : [];
  });
  return [
    {
      id: slideId(first),
      kicker: t('deck.expected.kicker'),
      headline: expectedHeadline(name, standings),
      table: {
        caption: table.caption,
        columns: table.columns,
        rows: table.rows.map((row) => ({ header: row.header.text, cells: row.cells })),
      },
      // Five columns, one row per modelled indicator of the agreement: smaller type only when many.
      dense: table.rows.length > 4,
      notes: [t('deck.expected.note'), ...(table.notes ?? [])],
      source: t('deck.expected.source'),
    },
  ];
};

const localText: SlideKind = ({ forbund, content }, first) =>
  content
    ? [
        {
          id: slideId(first),
          kicker: forbund.name,
          headline: content.title,
          html: content.html,
          notes: [t('deck.local.note')],
          source: forbund.name,
        },
      ]
    : [];

const conversation: SlideKind = ({ code, name, content, agreement }, first) => {
  const judged = agreement.map((view) => ({ indicator: view.indicator, summary: own(view, code) }));
  const listed = (verdict: 'improving' | 'worsening') =>
    judged
      .filter((entry) => entry.summary?.verdict === verdict)
      .map((entry) => ({ indicator: entry.indicator, text: valueItem(entry.indicator, entry.summary) }));
  const improved = listed('improving');
  const worsened = listed('worsening');
  // Every indicator of the agreement is on the slide: the unchanged and those without a comparison too.
  const unchanged = judged.filter((entry) => entry.summary?.verdict === 'unchanged');
  const missing = judged.filter(
    (entry) => !['improving', 'worsening', 'unchanged'].includes(entry.summary?.verdict ?? ''),
  );
  // Every change that matters is listed, and every worsened indicator gets its question.
  const questions = [
    ...(content?.questions ?? []),
    ...worsened.map((entry) => t('deck.talk.question', { title: inSentence(entry.indicator.shortTitle) })),
  ];
  const items = (entries: { text: string }[]) =>
    entries.length > 0 ? entries.map((entry) => entry.text) : [t('deck.talk.none')];
  const lists = [
    { title: t('deck.talk.improved'), items: items(improved) },
    { title: t('deck.talk.worsened'), items: items(worsened) },
    // The rest in one column, so the slide keeps four: each named with what it is.
    ...(unchanged.length + missing.length > 0
      ? [
          {
            title: t('deck.talk.rest'),
            items: [
              ...unchanged.map((entry) => t('deck.talk.rest.unchanged', { title: entry.indicator.shortTitle })),
              ...missing.map((entry) => t('deck.talk.rest.missing', { title: entry.indicator.shortTitle })),
            ],
          },
        ]
      : []),
    { title: t('deck.talk.questions'), items: questions.length > 0 ? questions : [t('deck.talk.default-question')] },
  ];
  return [
    {
      id: slideId(first),
      kicker: t('deck.talk.kicker'),
      headline: t('deck.talk.headline', {
        total: judged.length,
        improved: improved.length,
        worsened: worsened.length,
        kommun: name,
      }),
      lists,
      dense: lists.length > 3 || lists.some((list) => linesOf(list.items) > LIST_LINES),
      notes: [
        t('deck.talk.note'),
        t('deck.talk.note-improved', {
          list: improved.map((entry) => entry.text).join('; ') || t('deck.talk.none').toLowerCase(),
        }),
        t('deck.talk.note-questions', { list: questions.join(' ') }),
      ],
      source: t('deck.talk.source'),
    },
  ];
};

/** "Ohälsotal: 20,9 → 21,5 (2024–2025)": an indicator that changed, with the change itself. */
function valueItem(indicator: Indicator, summary: AreaSummary | undefined): string {
  const latest = summary?.latest;
  const previous = summary?.previous;
  if (!latest || !previous) return `${indicator.shortTitle}: ${formatValue(indicator, latest?.value ?? null)}`;
  return t('deck.talk.item', {
    title: indicator.shortTitle,
    before: formatValue(indicator, previous.value),
    after: formatValue(indicator, latest.value),
    from: previous.period,
    to: latest.period,
  });
}

/** The deck, slide kind by slide kind. */
const DECK_SLIDES: SlideKind[] = [
  intro,
  goals,
  benefitsTrend,
  benefitsParts,
  benefitsBySex,
  labour,
  participationByAge,
  participationTrend,
  strategicAreas,
  ranks,
  peers,
  expected,
  localText,
  conversation,
];

/**
 * A talk track, not a glossary: each note is said once, on the first slide it belongs to, so the
 * definition of a measure shown on three slides is read on the first of them only.
 */
function saidOnce(slides: Slide[]): Slide[] {
  const said = new Set<string>();
  return slides.map((slide) => ({
    ...slide,
    notes: slide.notes.filter((note) => !said.has(note) && said.add(note) !== undefined),
  }));
}

export function buildDialogueDeck(site: Site, code: string): DialogueDeck {
  const forbund = site.forbundOf(code);
  const name = site.config.registry.mustGet(code).name;
  const role: DeckContext['role'] = {};
  for (const indicator of site.config.indicators)
    if (indicator.dialogue) role[indicator.dialogue] = site.view(forbund.id, indicator.id);
  const deck: DeckContext = {
    site,
    forbund,
    code,
    name,
    content: loadDialogueContent(site.config.root, code),
    role,
    agreement: goalIndicators(forbund, site.config.indicators).map((indicator) => site.view(forbund.id, indicator.id)),
  };
  const slides: Slide[] = [];
  for (const kind of DECK_SLIDES) slides.push(...kind(deck, slides.length + 1));
  return {
    code,
    name,
    forbundName: forbund.name,
    title: t('deck.title', { kommun: name, forbund: forbund.name }),
    slides: saidOnce(slides),
  };
}

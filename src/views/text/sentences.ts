/**
 * Plain-language Swedish sentences computed from the derived measures, with sv-SE numbers.
 * Never a fixed text: every sentence states what the numbers say, including when data is missing.
 * The words live in `i18n/sv.json`; this file decides which words the numbers call for.
 */
import type { Indicator } from '../../schemas/indicator.ts';
import { isProtected, type ObservationStatus } from '../../schemas/observation.ts';
import { formatNumber, formatPercent, inSentence, MONTHS } from '../../formats/display.ts';
import { shownUnits, type Verdict } from '../../measures/index.ts';
import { t } from '../../i18n/index.ts';

type Shown = Pick<Indicator, 'unit' | 'decimals' | 'direction' | 'subject' | 'yearly'>;

export interface Compared {
  period: string;
  value: number | null;
  /** Why a value is absent: a protected one (<5, ×) is said to be protected, not missing. */
  status?: ObservationStatus;
}

/**
 * A period as a sentence prints it ("oktober 2025", "2025"), not the bare year code a headline
 * formats itself: the two were both `string` and could be swapped. Made by `yearlyPeriodText` or
 * `shownPeriod` only.
 */
export type ShownPeriod = string & { readonly shown: unique symbol };

/** A period already formatted for reading (`formatPeriod`), for a headline that prints it as it is. */
export function shownPeriod(text: string): ShownPeriod {
  return text as ShownPeriod;
}

/** The period a yearly value stands for: "oktober 2025" where the year is read in one month, else "2025". */
export function yearlyPeriodText(indicator: Pick<Indicator, 'yearly'>, year: string): ShownPeriod {
  return shownPeriod(indicator.yearly.kind === 'month' ? `${MONTHS[indicator.yearly.month - 1]} ${year}` : year);
}

/** The symbol of a protected value ("<5", "×"), or null where the value is simply missing. */
function protectedSymbol(compared: Compared | null): string | null {
  if (!compared?.status || !isProtected(compared.status)) return null;
  return t(compared.status === 'suppressed' ? 'status.suppressed' : 'status.hidden-sum');
}

export function formatValue(indicator: Pick<Indicator, 'unit' | 'decimals'>, value: number | null): string {
  return indicator.unit === 'percent'
    ? formatPercent(value, indicator.decimals)
    : formatNumber(value, indicator.decimals);
}

/**
 * "✓ förbättring" — a verdict in words and symbol, never colour alone. A no-break space keeps the
 * symbol on its word's line where a narrow column wraps.
 */
export function verdictLabel(verdict: Verdict): string {
  return `${t(`verdict.symbol.${verdict}`)}\u00a0${t(`verdict.${verdict}`)}`;
}

/** "Ohälsotalet i Vännäs": the indicator's measure in a place, what a sentence about it is about. */
export function subjectFor(indicator: Pick<Indicator, 'subject'>, place: string): string {
  return t('sentence.in-place', { subject: indicator.subject.text, place });
}

/** A value as a reader sees it: rounded to the indicator's decimals. */
function shown(indicator: Pick<Indicator, 'decimals'>, value: number): number {
  return shownUnits(value, indicator.decimals);
}

function relation(indicator: Pick<Indicator, 'decimals'>, value: number, other: number): string {
  if (shown(indicator, value) === shown(indicator, other)) return t('relation.same');
  return value > other ? t('relation.higher') : t('relation.lower');
}

/**
 * "Arbetslösheten i Vännäs minskade från 12,1 % till 11,4 % mellan 2023 och 2024, en förbättring,
 * och är lägre än i riket (13,0 %)." Change and comparison follow the values as shown: a change that
 * rounds to zero is "oförändrad". The verdict is named only when given and the indicator has a
 * desired direction.
 */
/** What a sentence about a change says: whose, the two years compared, the verdict, and beside it. */
export interface ChangeFacts {
  subject: string;
  previous: Compared | null;
  current: Compared | null;
  verdict: Verdict | null;
  /** Riket's value in the same year, said beside the subject's. */
  riket?: number | null;
  /** A break the change crosses: the sentence says the change is partly the method's. */
  acrossBreak?: { label: string } | null;
}

export function changeSentence(
  indicator: Shown,
  { subject, previous, current, verdict, riket = null, acrossBreak = null }: ChangeFacts,
): string {
  // "oktober 2025" where the yearly value is one month's: the sentence says what the figure is.
  const when = (compared: Compared) => yearlyPeriodText(indicator, compared.period);
  if (!current || current.value === null) {
    const period = current ? when(current) : t('sentence.latest-period');
    const symbol = protectedSymbol(current);
    return symbol ? t('sentence.protected', { subject, period, symbol }) : t('sentence.missing', { subject, period });
  }
  const value = formatValue(indicator, current.value);
  let sentence: string;
  let judged = false;
  if (!previous || previous.value === null) {
    const symbol = protectedSymbol(previous);
    sentence = symbol
      ? t('sentence.level.protected', { subject, value, period: when(current), symbol })
      : t('sentence.level', { subject, value, period: when(current) });
  } else {
    const unchanged = shown(indicator, current.value) === shown(indicator, previous.value);
    sentence = unchanged
      ? t('sentence.unchanged', {
          subject,
          unchanged: t(`unchanged.${indicator.subject.gender}`),
          value,
          previous: when(previous),
          period: when(current),
        })
      : t('sentence.change', {
          subject,
          verb: current.value > previous.value ? t('sentence.increased') : t('sentence.decreased'),
          before: formatValue(indicator, previous.value),
          value,
          previous: when(previous),
          period: when(current),
        });
    if (!unchanged && verdict && verdict !== 'no-data' && indicator.direction !== 'neutral') {
      sentence += t('sentence.judged', { verdict: t(`verdict.${verdict}`) });
      judged = true;
    }
  }
  if (riket !== null)
    // After ", en förbättring" the comparison needs its own comma.
    sentence +=
      (judged ? ',' : '') +
      t('sentence.against-riket', {
        relation: relation(indicator, current.value, riket),
        value: formatValue(indicator, riket),
      });
  // A change across a break is partly the method's: the verdict stands, but never without saying so.
  const caution = acrossBreak && previous?.value != null ? ` ${t('sentence.across-break', acrossBreak)}` : '';
  return `${sentence}.${caution}`;
}

/**
 * What the members show when the förbund has no figure: "Bland medlemmarna 2024 var andelen …
 * lägst i Umeå (8,1 %) och högst i Bjurholm (12,4 %)." With protected members the lowest shown
 * need not be the lowest, so it says it speaks of the shown values. Null with fewer than two.
 */
export function membersRangeSentence(
  indicator: Pick<Indicator, 'unit' | 'decimals' | 'subject'>,
  members: { place: string; value: number }[],
  hidden: number,
  period: ShownPeriod | null,
): string | null {
  const sorted = [...members].sort((a, b) => a.value - b.value);
  const lowest = sorted[0];
  const highest = sorted.at(-1);
  if (!lowest || !highest || period === null || sorted.length < 2) return null;
  return t(hidden > 0 ? 'sentence.members-range.shown' : 'sentence.members-range', {
    period,
    subject: inSentence(indicator.subject.text),
    low: lowest.place,
    lowValue: formatValue(indicator, lowest.value),
    high: highest.place,
    highValue: formatValue(indicator, highest.value),
    hidden,
  });
}

// One headline per slide: each function takes the numbers it talks about.

/** "I Vännäs var sjukpenning störst 2025, 3,2 %; ekonomiskt bistånd ökade mest." */
export function largestPartHeadline(
  indicator: Shown,
  place: string,
  parts: { label: string; latest: number | null; previous: number | null }[],
  period: string | null,
): string {
  const present = parts.filter((part) => part.latest !== null) as {
    label: string;
    latest: number;
    previous: number | null;
  }[];
  if (present.length === 0 || period === null) return t('headline.parts.missing', { place });
  const largest = [...present].sort((a, b) => b.latest - a.latest)[0]!;
  const changes = present
    .filter((part) => part.previous !== null)
    .map((part) => ({ ...part, change: part.latest - (part.previous as number) }));
  const rising = [...changes].sort((a, b) => b.change - a.change)[0];
  const risingText =
    rising && shown(indicator, rising.change) > 0
      ? t('headline.parts.rising', { part: rising.label.toLowerCase() })
      : t('headline.parts.none-rising');
  return t('headline.parts', {
    place,
    period: yearlyPeriodText(indicator, period),
    part: largest.label.toLowerCase(),
    value: formatValue(indicator, largest.latest),
    rising: changes.length > 0 ? risingText : '',
  });
}

/** "Ohälsotalet i Vännäs var 2025 högre bland kvinnor (9,2) än bland män (8,1)." */
export function sexHeadline(
  indicator: Shown,
  place: string,
  women: number | null,
  men: number | null,
  period: string | null,
): string {
  const subject = subjectFor(indicator, place);
  if (women === null || men === null || period === null) return t('headline.sex.missing', { subject });
  if (shown(indicator, women) === shown(indicator, men))
    return t('headline.sex.same', {
      subject,
      value: formatValue(indicator, women),
      period: yearlyPeriodText(indicator, period),
    });
  const womenHigher = women > men;
  return t('headline.sex', {
    subject,
    high: t(womenHigher ? 'sex.women' : 'sex.men').toLowerCase(),
    low: t(womenHigher ? 'sex.men' : 'sex.women').toLowerCase(),
    highValue: formatValue(indicator, Math.max(women, men)),
    lowValue: formatValue(indicator, Math.min(women, men)),
    period: yearlyPeriodText(indicator, period),
  });
}

/** "I arbetskraften i Vännäs oktober 2025: lägst bland 15–19 år (34,0 %), högst bland 45–49 år (92,1 %)." */
export function extremesHeadline(
  indicator: Shown,
  what: string,
  rows: { label: string; value: number | null }[],
  period: ShownPeriod | null,
): string {
  const present = rows.filter((row) => row.value !== null) as { label: string; value: number }[];
  if (present.length < 2 || period === null) return t('headline.extremes.missing', { what });
  const sorted = [...present].sort((a, b) => a.value - b.value);
  const low = sorted[0]!;
  const high = sorted.at(-1)!;
  return t('headline.extremes', {
    what,
    period,
    low: low.label,
    lowValue: formatValue(indicator, low.value),
    high: high.label,
    highValue: formatValue(indicator, high.value),
  });
}

/** "2 av 3 indikatorer för ohälsa förbättrades i Vännäs; 1 försämrades." */
export function tallyHeadline(place: string, area: string, verdicts: Verdict[]): string {
  const judged = verdicts.filter((verdict) => verdict !== 'no-data' && verdict !== 'not-judged');
  if (judged.length === 0) return t('headline.tally.missing', { area: area.toLowerCase(), place });
  const improving = judged.filter((verdict) => verdict === 'improving').length;
  const worsening = judged.filter((verdict) => verdict === 'worsening').length;
  const missing = verdicts.length - judged.length;
  // One indicator is named by what happened to it, not counted ("1 av 1 indikatorer").
  const [only] = judged;
  if (only && judged.length === 1) {
    const one = t(`headline.tally.one.${only as 'improving' | 'worsening' | 'unchanged'}`, {
      area: area.toLowerCase(),
      place,
    });
    const rest = t(missing === 1 ? 'headline.tally.one.no-data' : 'headline.tally.one.no-data.many', {
      count: missing,
    });
    return `${[one, ...(missing > 0 ? [rest] : [])].join('; ')}.`;
  }
  // "0 av 2 … förbättrades" and "2 av 2 …" are said as a person would: none of them, all of them.
  const key =
    improving === 0 ? 'headline.tally.none' : improving === judged.length ? 'headline.tally.all' : 'headline.tally';
  const parts = [t(key, { improving, judged: judged.length, area: area.toLowerCase(), place })];
  if (worsening > 0) parts.push(t('headline.tally.worsening', { count: worsening }));
  if (missing > 0) parts.push(t('headline.tally.no-data', { count: missing }));
  return `${parts.join('; ')}.`;
}

/** A member's place on one indicator: its rank, the last place that year, and both in words. */
export interface Standing {
  title: string;
  rank: number;
  last: number;
  /** "2 av 5" */
  text: string;
}

/**
 * "Vännäs har bäst värde bland de 6 medlemmarna på 2 av 8 indikatorer och sämst på 1." A place
 * shared at the bottom counts as last; one ranked indicator is named, not counted.
 */
export function rankHeadline(place: string, members: number, standings: (Standing | null)[]): string {
  const ranked = standings.filter((standing): standing is Standing => standing !== null);
  const [only] = ranked;
  if (!only) return t('headline.rank.missing', { place });
  if (ranked.length === 1) return t('headline.rank.one', { place, rank: only.text, title: inSentence(only.title) });
  const best = ranked.filter((standing) => standing.rank === 1).length;
  const worst = ranked.filter((standing) => standing.rank === standing.last && standing.rank > 1).length;
  const values = { place, members, best, worst, ranked: ranked.length };
  // The table lists every indicator: those without a place (counts, protected values) are counted too.
  const unranked = standings.length - ranked.length;
  const rest = unranked > 0 ? t('headline.rank.unranked', { unranked, total: standings.length }) : '';
  if (best === 0 && worst === 0) return t('headline.rank.neither', values) + rest;
  return (best > 0 ? t('headline.rank', values) : t('headline.rank.worst', values)) + rest;
}

/** "Umeå ligger bättre till än medianen för liknande kommuner på 5 av 8 indikatorer och sämre på 2." */
export function peersHeadline(
  place: string,
  standings: { title: string; standing: 'better' | 'worse' | 'same' | null }[],
): string {
  const judged = standings.filter((entry) => entry.standing !== null);
  const [only] = judged;
  if (!only) return t('headline.peers.missing', { place });
  if (judged.length === 1)
    return t(`headline.peers.one.${only.standing as 'better' | 'worse' | 'same'}`, {
      place,
      title: inSentence(only.title),
    });
  const count = (which: string) => judged.filter((entry) => entry.standing === which).length;
  const values = { place, better: count('better'), worse: count('worse'), judged: judged.length };
  if (values.better === 0 && values.worse === 0) return t('headline.peers.same', values);
  if (values.better === 0) return t('headline.peers.worse-only', values);
  if (values.worse === 0) return t('headline.peers.better-only', values);
  return t('headline.peers', values);
}

/**
 * "Vännäs ligger över det förväntade utifrån sin struktur på 1 av 3 indikatorer, under på ingen och
 * som förväntat på 2." Never better or worse: the expected value is no target.
 */
export function expectedHeadline(
  place: string,
  standings: { title: string; standing: 'above' | 'below' | 'as-expected' }[],
): string {
  const [only] = standings;
  if (!only) return t('headline.expected.missing', { place });
  if (standings.length === 1)
    return t(`headline.expected.one.${only.standing}`, { place, title: inSentence(only.title) });
  const count = (which: string) => standings.filter((entry) => entry.standing === which).length;
  if (count('as-expected') === standings.length)
    return t('headline.expected.all-same', { place, of: standings.length });
  // "under på ingen", as one says it, not "under på 0".
  const said = (which: string) => (count(which) === 0 ? t('count.none') : String(count(which)));
  return t('headline.expected', {
    place,
    of: standings.length,
    above: said('above'),
    below: said('below'),
    same: said('as-expected'),
  });
}

/** A labour-market measure's value, with the indicator that says how to show it. */
export interface LabourValue {
  indicator: Pick<Indicator, 'unit' | 'decimals'>;
  value: number | null;
}

/** "I oktober 2025 var 87,2 % av befolkningen 20–64 år i Vännäs i arbetskraften, 83,1 % sysselsatta och 4,8 % av arbetskraften arbetslösa." */
export function labourHeadline(
  place: string,
  period: ShownPeriod | null,
  participation: LabourValue,
  employment: LabourValue,
  unemployment: LabourValue,
): string {
  const parts = [participation, employment, unemployment];
  if (period === null || parts.some((part) => part.value === null)) return t('headline.labour.missing', { place });
  return t('headline.labour', {
    period,
    place,
    participation: formatValue(participation.indicator, participation.value),
    employment: formatValue(employment.indicator, employment.value),
    unemployment: formatValue(unemployment.indicator, unemployment.value),
  });
}

/**
 * Plain-language Swedish sentences computed from the derived measures, with sv-SE numbers.
 * Never a fixed text: every sentence states what the numbers say, including when data is missing.
 */
import type { Indicator } from '../schemas/indicator.ts';
import { formatNumber, formatPercent } from '../formats/display.ts';
import type { Verdict } from '../measures/index.ts';
import { t } from '../i18n/index.ts';

export function formatValue(indicator: Pick<Indicator, 'unit' | 'decimals'>, value: number | null): string {
  return indicator.unit === 'percent'
    ? formatPercent(value, indicator.decimals)
    : formatNumber(value, indicator.decimals);
}

/** "▲ förbättring" — a verdict in words and symbol, never colour alone. */
export function verdictLabel(verdict: Verdict): string {
  return `${t(`verdict.symbol.${verdict}`)} ${t(`verdict.${verdict}`)}`;
}

const SUBJECT: Record<Indicator['unit'], string> = {
  percent: 'Andelen',
  count: 'Antalet',
  helarsekvivalenter: 'Antalet helårsekvivalenter',
  months: 'Antalet månader',
  'per-1000': 'Talet',
  days: 'Antalet dagar',
  'kronor-per-invanare': 'Kostnaden',
};

/**
 * "Andelen i Vännäs minskade från 12,1 % till 11,4 % mellan 2023 och 2024, en förbättring, och är
 * lägre än i riket (13,0 %)."
 */
export function changeSentence(
  indicator: Pick<Indicator, 'unit' | 'decimals' | 'direction'>,
  place: string,
  previous: { period: string; value: number | null } | null,
  current: { period: string; value: number | null } | null,
  verdict: Verdict,
  reference?: { name: string; value: number | null },
): string {
  const subject = `${SUBJECT[indicator.unit]} ${place}`;
  if (!current || current.value === null) return `${subject}: uppgift saknas för den senaste perioden.`;
  const now = formatValue(indicator, current.value);
  let sentence: string;
  if (!previous || previous.value === null) {
    sentence = `${subject} var ${now} ${current.period}; jämförbar uppgift för året innan saknas`;
  } else {
    const before = formatValue(indicator, previous.value);
    const movement =
      verdict === 'unchanged'
        ? `var oförändrad, ${now},`
        : `${current.value > previous.value ? 'ökade' : 'minskade'} från ${before} till ${now}`;
    const judged =
      verdict === 'unchanged' || indicator.direction === 'neutral' ? '' : `, en ${t(`verdict.${verdict}`)}`;
    sentence = `${subject} ${movement} mellan ${previous.period} och ${current.period}${judged}`;
  }
  if (reference && reference.value !== null) {
    if (/, en \S+$/.test(sentence)) sentence += ',';
    const shown = (value: number) => Math.round(value * 10 ** indicator.decimals);
    const comparison =
      shown(current.value) === shown(reference.value)
        ? 'lika hög som'
        : current.value > reference.value
          ? 'högre än'
          : 'lägre än';
    sentence += ` och är ${comparison} i ${reference.name === 'Riket' ? 'riket' : reference.name} (${formatValue(indicator, reference.value)})`;
  }
  return `${sentence}.`;
}

// One headline per slide: each function takes the numbers it talks about.

type Shown = Pick<Indicator, 'unit' | 'decimals' | 'direction'>;

export interface Compared {
  period: string;
  value: number | null;
}

function shown(indicator: Shown, value: number): number {
  return Math.round(value * 10 ** indicator.decimals);
}

function relation(indicator: Shown, value: number, other: number): string {
  if (shown(indicator, value) === shown(indicator, other)) return 'lika hög som';
  return value > other ? 'högre än' : 'lägre än';
}

/** "Andelen som försörjs av ersättningar minskade från 12,1 % till 11,4 % och är lägre än i riket." */
export function trendHeadline(
  indicator: Shown,
  subject: string,
  previous: Compared | null,
  latest: Compared | null,
  riket: number | null,
): string {
  if (!latest || latest.value === null)
    return `${subject}: uppgift saknas för ${latest?.period ?? 'den senaste perioden'}.`;
  const now = formatValue(indicator, latest.value);
  const tail =
    riket === null
      ? ''
      : ` och är ${relation(indicator, latest.value, riket)} i riket (${formatValue(indicator, riket)})`;
  if (!previous || previous.value === null) return `${subject} var ${now} ${latest.period}${tail}.`;
  if (shown(indicator, latest.value) === shown(indicator, previous.value))
    return `${subject} var oförändrad, ${now}, mellan ${previous.period} och ${latest.period}${tail}.`;
  const verb = latest.value > previous.value ? 'ökade' : 'minskade';
  return `${subject} ${verb} från ${formatValue(indicator, previous.value)} till ${now} mellan ${previous.period} och ${latest.period}${tail}.`;
}

/** "Störst är sjuk- och aktivitetsersättning, 3,2 % av befolkningen; etableringsersättning ökade mest." */
export function largestPartHeadline(
  indicator: Shown,
  parts: { label: string; latest: number | null; previous: number | null }[],
  period: string | null,
): string {
  const present = parts.filter((part) => part.latest !== null) as {
    label: string;
    latest: number;
    previous: number | null;
  }[];
  if (present.length === 0 || period === null)
    return 'Uppdelningen på ersättningsslag saknas för den senaste perioden.';
  const largest = [...present].sort((a, b) => b.latest - a.latest)[0]!;
  const changes = present
    .filter((part) => part.previous !== null)
    .map((part) => ({ ...part, change: part.latest - (part.previous as number) }));
  const rising = [...changes].sort((a, b) => b.change - a.change)[0];
  const risingText =
    rising && shown(indicator, rising.change) > 0
      ? `; ${rising.label.toLowerCase()} ökade mest`
      : '; inget ersättningsslag ökade';
  return `Störst ${period} är ${largest.label.toLowerCase()}, ${formatValue(indicator, largest.latest)}${changes.length > 0 ? risingText : ''}.`;
}

/** "Andelen är högre bland kvinnor (9,2 %) än bland män (8,1 %) 2025." */
export function sexHeadline(indicator: Shown, women: number | null, men: number | null, period: string | null): string {
  if (women === null || men === null || period === null)
    return 'Uppgifter för kvinnor och män saknas för den senaste perioden.';
  if (shown(indicator, women) === shown(indicator, men))
    return `Kvinnor och män ligger lika, ${formatValue(indicator, women)}, ${period}.`;
  const [high, low] = women > men ? ['kvinnor', 'män'] : ['män', 'kvinnor'];
  return `Värdet är högre bland ${high} (${formatValue(indicator, Math.max(women, men))}) än bland ${low} (${formatValue(indicator, Math.min(women, men))}) ${period}.`;
}

/** "Lägst andel i arbetskraften bland 15–19 år (34,0 %), högst bland 45–49 år (92,1 %)." */
export function extremesHeadline(
  indicator: Shown,
  what: string,
  rows: { label: string; value: number | null }[],
  period: string | null,
): string {
  const present = rows.filter((row) => row.value !== null) as { label: string; value: number }[];
  if (present.length < 2 || period === null) return `${what} per åldersgrupp saknas för den senaste perioden.`;
  const sorted = [...present].sort((a, b) => a.value - b.value);
  const low = sorted[0]!;
  const high = sorted.at(-1)!;
  return `${what} ${period}: lägst bland ${low.label} (${formatValue(indicator, low.value)}), högst bland ${high.label} (${formatValue(indicator, high.value)}).`;
}

/** "2 av 3 indikatorer för ohälsa förbättrades i Vännäs; 1 försämrades." */
export function tallyHeadline(place: string, area: string, verdicts: Verdict[]): string {
  const judged = verdicts.filter((verdict) => verdict !== 'no-data');
  if (judged.length === 0) return `Inga jämförbara uppgifter för ${area.toLowerCase()} i ${place}.`;
  const improving = judged.filter((verdict) => verdict === 'improving').length;
  const worsening = judged.filter((verdict) => verdict === 'worsening').length;
  const missing = verdicts.length - judged.length;
  const parts = [`${improving} av ${judged.length} indikatorer för ${area.toLowerCase()} förbättrades i ${place}`];
  if (worsening > 0) parts.push(`${worsening} försämrades`);
  if (missing > 0) parts.push(`${missing} saknar jämförbara uppgifter`);
  return `${parts.join('; ')}.`;
}

/** "Vännäs har bäst värde bland de 6 medlemmarna på 2 av 11 indikatorer och sämst på 1." */
export function rankHeadline(place: string, members: number, ranks: (number | null)[]): string {
  const ranked = ranks.filter((rank): rank is number => rank !== null);
  if (ranked.length === 0) return `Det finns inga jämförbara värden för ${place} bland medlemmarna.`;
  const best = ranked.filter((rank) => rank === 1).length;
  const worst = ranked.filter((rank) => rank === members).length;
  return `${place} har bäst värde bland de ${members} medlemmarna på ${best} av ${ranked.length} indikatorer och sämst på ${worst}.`;
}

/** "I oktober 2025 var 87,2 % i arbetskraften, 83,1 % sysselsatta och 4,8 % av arbetskraften arbetslösa i Vännäs." */
export function labourHeadline(
  place: string,
  period: string | null,
  participation: number | null,
  employment: number | null,
  unemployment: number | null,
): string {
  if (period === null || participation === null || employment === null || unemployment === null)
    return `Uppgifter om arbetsmarknaden i ${place} saknas för den senaste oktobermånaden.`;
  const percent = { unit: 'percent' as const, decimals: 1 };
  return `I oktober ${period} var ${formatValue(percent, participation)} av befolkningen 20–64 år i ${place} i arbetskraften, ${formatValue(percent, employment)} sysselsatta och ${formatValue(percent, unemployment)} av arbetskraften arbetslösa.`;
}

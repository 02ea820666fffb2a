/**
 * Plain-language Swedish sentences computed from the derived measures, with sv-SE numbers.
 * Never a fixed text: every sentence states what the numbers say, including when data is missing.
 */
import type { Indicator } from '../schemas/indicator.ts';
import { formatNumber, formatPercent } from './format.ts';
import type { Verdict } from './measures/index.ts';
import { t } from '../i18n/index.ts';

export function formatValue(indicator: Pick<Indicator, 'unit' | 'decimals'>, value: number | null): string {
  return indicator.unit === 'percent' ? formatPercent(value, indicator.decimals) : formatNumber(value, indicator.decimals);
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
    const movement = verdict === 'unchanged' ? `var oförändrad, ${now},` : `${current.value > previous.value ? 'ökade' : 'minskade'} från ${before} till ${now}`;
    const judged = verdict === 'unchanged' || indicator.direction === 'neutral' ? '' : `, en ${t(`verdict.${verdict}`)}`;
    sentence = `${subject} ${movement} mellan ${previous.period} och ${current.period}${judged}`;
  }
  if (reference && reference.value !== null) {
    if (/, en \S+$/.test(sentence)) sentence += ',';
    const shown = (value: number) => Math.round(value * 10 ** indicator.decimals);
    const comparison = shown(current.value) === shown(reference.value) ? 'lika hög som' : current.value > reference.value ? 'högre än' : 'lägre än';
    sentence += ` och är ${comparison} i ${reference.name === 'Riket' ? 'riket' : reference.name} (${formatValue(indicator, reference.value)})`;
  }
  return `${sentence}.`;
}

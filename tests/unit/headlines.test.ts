import { describe, expect, it } from 'vitest';
import {
  changeSentence,
  extremesHeadline,
  labourHeadline,
  largestPartHeadline,
  rankHeadline,
  sexHeadline,
  shownPeriod,
  subjectFor,
  tallyHeadline,
  verdictLabel,
} from '../../src/views/text/sentences.ts';
import { verdict } from '../../src/measures/index.ts';
import { join } from 'node:path';
import { getSite } from '../../src/views/model/site.ts';
import { buildIndicatorView } from '../../src/views/model/indicator-view.ts';
import { forbundMissing, leadSentence } from '../../src/views/text/lead.ts';

const share = {
  unit: 'percent' as const,
  decimals: 1,
  direction: 'lower-is-better' as const,
  subject: { text: 'Arbetslösheten', gender: 'common' as const },
  yearly: { kind: 'mean-of-months' as const },
};

describe('change sentences, built in one place for pages and slides', () => {
  const place = (name: string) => subjectFor(share, name);
  it('says a falling share improved and compares with riket', () => {
    expect(
      changeSentence(share, {
        subject: place('Vännäs'),
        previous: { period: '2023', value: 12.1 },
        current: { period: '2024', value: 11.4 },
        verdict: 'improving',
        riket: 11.9,
      }),
    ).toBe(
      'Arbetslösheten i Vännäs minskade från 12,1\u00a0% till 11,4\u00a0% mellan 2023 och 2024, en förbättring, och är lägre än i riket (11,9\u00a0%).',
    );
  });
  it('says a rising share worsened', () => {
    expect(
      changeSentence(share, {
        subject: place('Bjurholm'),
        previous: { period: '2023', value: 9.0 },
        current: { period: '2024', value: 9.6 },
        verdict: 'worsening',
      }),
    ).toBe('Arbetslösheten i Bjurholm ökade från 9,0\u00a0% till 9,6\u00a0% mellan 2023 och 2024, en försämring.');
  });
  it('leaves the verdict out of a headline that is not given one', () => {
    expect(
      changeSentence(share, {
        subject: 'Andelen',
        previous: { period: '2024', value: 8.04 },
        current: { period: '2025', value: 8.36 },
        verdict: null,
        riket: 8.0,
      }),
    ).toBe('Andelen ökade från 8,0\u00a0% till 8,4\u00a0% mellan 2024 och 2025 och är högre än i riket (8,0\u00a0%).');
  });
  it("says unchanged when the shown figures are equal, in the subject's gender", () => {
    expect(
      changeSentence(share, {
        subject: place('Umeå'),
        previous: { period: '2023', value: 9.04 },
        current: { period: '2024', value: 9.01 },
        verdict: 'unchanged',
        riket: 9.0,
      }),
    ).toBe(
      'Arbetslösheten i Umeå var oförändrad, 9,0\u00a0%, mellan 2023 och 2024 och är lika hög som i riket (9,0\u00a0%).',
    );
    const count = {
      unit: 'count' as const,
      decimals: 0,
      direction: 'lower-is-better' as const,
      subject: { text: 'Antalet unga i KAA', gender: 'neuter' as const },
      yearly: { kind: 'as-published' as const },
    };
    expect(
      changeSentence(count, {
        subject: subjectFor(count, 'Umeå'),
        previous: { period: '2023', value: 12 },
        current: { period: '2024', value: 12 },
        verdict: 'unchanged',
      }),
    ).toBe('Antalet unga i KAA i Umeå var oförändrat, 12, mellan 2023 och 2024.');
    const folk = { ...count, subject: { text: 'Folkmängden', gender: 'common' as const } };
    expect(
      changeSentence(folk, {
        subject: subjectFor(folk, 'Umeå'),
        previous: { period: '2023', value: 12 },
        current: { period: '2024', value: 12 },
        verdict: null,
      }),
    ).toBe('Folkmängden i Umeå var oförändrad, 12, mellan 2023 och 2024.');
    expect(verdict(8.01, 8.04, 'lower-is-better', 1)).toBe('unchanged');
  });
  it('gives no verdict for an indicator without a desired direction', () => {
    const population = {
      unit: 'count' as const,
      decimals: 0,
      direction: 'neutral' as const,
      subject: { text: 'Folkmängden', gender: 'common' as const },
      yearly: { kind: 'as-published' as const },
    };
    expect(
      changeSentence(population, {
        subject: subjectFor(population, 'Vännäs'),
        previous: { period: '2023', value: 5000 },
        current: { period: '2024', value: 5186 },
        verdict: 'unchanged',
      }),
    ).toBe('Folkmängden i Vännäs ökade från 5\u00a0000 till 5\u00a0186 mellan 2023 och 2024.');
  });
  it('says when data is missing instead of inventing a change', () => {
    expect(
      changeSentence(share, {
        subject: place('Vindeln'),
        previous: null,
        current: { period: '2024', value: null },
        verdict: 'no-data',
      }),
    ).toBe('Arbetslösheten i Vindeln: uppgift saknas för 2024.');
    expect(changeSentence(share, { subject: 'Andelen', previous: null, current: null, verdict: null })).toBe(
      'Andelen: uppgift saknas för den senaste perioden.',
    );
    expect(
      changeSentence(share, {
        subject: place('Vindeln'),
        previous: { period: '2023', value: null },
        current: { period: '2024', value: 7.5 },
        verdict: 'no-data',
      }),
    ).toBe('Arbetslösheten i Vindeln var 7,5\u00a0% 2024; jämförbar uppgift för året innan saknas.');
  });
  it('names the month where a yearly value is one month’s', () => {
    const october = { ...share, yearly: { kind: 'month' as const, month: 10 } };
    expect(
      changeSentence(october, {
        subject: subjectFor(october, 'Vännäs'),
        previous: { period: '2024', value: 4.8 },
        current: { period: '2025', value: 4.81 },
        verdict: 'unchanged',
      }),
    ).toBe('Arbetslösheten i Vännäs var oförändrad, 4,8\u00a0%, mellan oktober 2024 och oktober 2025.');
    expect(sexHeadline(october, 'Vännäs', 5.1, 4.2, '2025')).toMatch(/^Arbetslösheten i Vännäs var oktober 2025 högre/);
  });
  it('says a protected value is protected, not missing', () => {
    const kaa = {
      ...share,
      unit: 'count' as const,
      decimals: 0,
      subject: { text: 'Antalet', gender: 'neuter' as const },
    };
    const place = subjectFor(kaa, 'Vännäs');
    expect(
      changeSentence(kaa, {
        subject: place,
        previous: null,
        current: { period: '2025', value: null, status: 'suppressed' },
        verdict: 'no-data',
      }),
    ).toBe('Antalet i Vännäs: värdet för 2025 visas inte (<5), för att skydda enskilda.');
    expect(
      changeSentence(kaa, {
        subject: place,
        previous: { period: '2024', value: null, status: 'withheld' },
        current: { period: '2025', value: 5, status: 'final' },
        verdict: 'no-data',
      }),
    ).toBe('Antalet i Vännäs var 5 2025; värdet året innan visas inte (×), för att skydda enskilda.');
  });
});

describe('slide headlines from the derived measures', () => {
  it('names the largest part and what rose most', () => {
    const parts = [
      { label: 'Sjukpenning', latest: 3.0, previous: 3.1 },
      { label: 'Ekonomiskt bistånd', latest: 1.2, previous: 0.9 },
      { label: 'Etableringsersättning', latest: null, previous: 0.2 },
    ];
    expect(largestPartHeadline(share, 'Vännäs', parts, '2025')).toBe(
      'I Vännäs var sjukpenning störst 2025, 3,0\u00a0%; ekonomiskt bistånd ökade mest.',
    );
    expect(
      largestPartHeadline(
        share,
        'Vännäs',
        parts.map((part) => ({ ...part, previous: part.latest })),
        '2025',
      ),
    ).toBe('I Vännäs var sjukpenning störst 2025, 3,0\u00a0%; ingen del ökade.');
    expect(largestPartHeadline(share, 'Vännäs', [], '2025')).toMatch(/^Uppdelningen för Vännäs saknas/);
  });

  it('compares women and men', () => {
    expect(sexHeadline(share, 'Vännäs', 9.2, 8.1, '2025')).toBe(
      'Arbetslösheten i Vännäs var 2025 högre bland kvinnor (9,2\u00a0%) än bland män (8,1\u00a0%).',
    );
    expect(sexHeadline(share, 'Vännäs', 7.0, 8.1, '2025')).toBe(
      'Arbetslösheten i Vännäs var 2025 högre bland män (8,1\u00a0%) än bland kvinnor (7,0\u00a0%).',
    );
    expect(sexHeadline(share, 'Vännäs', 8.04, 8.01, '2025')).toBe(
      'Arbetslösheten i Vännäs var 2025 lika bland kvinnor och män, 8,0\u00a0%.',
    );
    expect(sexHeadline(share, 'Vännäs', null, 8.1, '2025')).toMatch(/^Arbetslösheten i Vännäs: .*saknas/);
  });

  it('names the lowest and highest age band', () => {
    expect(
      extremesHeadline(
        share,
        'Andelen i arbetskraften',
        [
          { label: '15–19 år', value: 34 },
          { label: '45–49 år', value: 92.1 },
          { label: '70–74 år', value: null },
        ],
        shownPeriod('okt 2025'),
      ),
    ).toBe('Andelen i arbetskraften okt 2025: lägst bland 15–19 år (34,0\u00a0%), högst bland 45–49 år (92,1\u00a0%).');
  });

  it('tallies verdicts in a strategic area', () => {
    expect(tallyHeadline('Vännäs', 'Ohälsa', ['improving', 'worsening', 'no-data'])).toBe(
      '1 av 2 indikatorer för ohälsa förbättrades i Vännäs; 1 försämrades; 1 saknar jämförbara uppgifter.',
    );
    expect(tallyHeadline('Uppsala', 'Ohälsa', ['worsening', 'worsening'])).toBe(
      'Ingen av de 2 indikatorerna för ohälsa förbättrades i Uppsala; 2 försämrades.',
    );
    expect(tallyHeadline('Uppsala', 'Ohälsa', ['improving', 'improving', 'improving'])).toBe(
      'Alla 3 indikatorerna för ohälsa förbättrades i Uppsala.',
    );
    expect(tallyHeadline('Vännäs', 'Ohälsa', ['no-data'])).toBe('Inga jämförbara uppgifter för ohälsa i Vännäs.');
    // One indicator is said, not counted ("1 av 1 indikatorer").
    expect(tallyHeadline('Vännäs', 'Ohälsa', ['worsening'])).toBe(
      'Inom ohälsa gick det sämre för Vännäs än året innan.',
    );
  });

  it('sums up the ranks, a shared last place as last, and names a single ranked indicator', () => {
    const at = (rank: number, last = 6) => ({ title: 'Ohälsotal', rank, last, text: `${rank} av ${last}` });
    // The second indicator's list has five members with a value: 5 of 5 is last.
    expect(rankHeadline('Bjurholm', 6, [at(1), at(5, 5), at(3), null, at(1)])).toBe(
      'Bjurholm har bäst värde bland de 6 medlemmarna på 2 av 4 indikatorer och sämst på 1. ' +
        '1 av de 5 indikatorerna har ingen placering.',
    );
    expect(rankHeadline('Bjurholm', 6, [at(4), at(6)])).toBe(
      'Bjurholm har sämst värde bland de 6 medlemmarna på 1 av 2 indikatorer och bäst på ingen.',
    );
    expect(rankHeadline('Bjurholm', 6, [at(2), at(3)])).toBe(
      'Bjurholm har varken bäst eller sämst värde bland de 6 medlemmarna på någon av de 2 indikatorerna.',
    );
    expect(rankHeadline('Bjurholm', 6, [at(3), null])).toBe(
      'Bjurholm har plats 3 av 6 bland medlemmarna när det gäller ohälsotal.',
    );
    expect(rankHeadline('Bjurholm', 6, [null])).toMatch(/inga jämförbara/);
  });

  it('states the October labour market in one sentence', () => {
    const of = (value: number | null) => ({ indicator: share, value });
    expect(labourHeadline('Vännäs', shownPeriod('oktober 2025'), of(87.24), of(83.1), of(4.8))).toBe(
      'I oktober 2025 var 87,2\u00a0% av befolkningen 20–64 år i Vännäs i arbetskraften, 83,1\u00a0% sysselsatta och 4,8\u00a0% av arbetskraften arbetslösa.',
    );
    expect(labourHeadline('Vännäs', shownPeriod('oktober 2025'), of(null), of(83.1), of(4.8))).toBe(
      'Uppgifter om arbetsmarknaden i Vännäs saknas för den senaste perioden.',
    );
  });
});

describe('the lead where the förbund has no figure of its own', () => {
  it('opens with the members’ range and says why under it', () => {
    const site = getSite(join(import.meta.dirname, '../..'));
    const weighted = site.indicator('ekonomiskt-bistand-andel');
    // The same share without a weight: no honest way to make the förbund's figure.
    const unweighted = { ...weighted, measure: { kind: 'value' as const, indicator: weighted.id, breakdown: {} } };
    const view = buildIndicatorView(site.snapshot, site.config.registry, site.forbund('umearegionen'), unweighted);
    expect(leadSentence(view)).toMatch(
      /^Bland medlemmarna \d{4} var andelen invånare som fått ekonomiskt bistånd lägst i .+ \(/,
    );
    expect(forbundMissing(view)).toMatch(
      /^Förbundets värde räknas inte: källan ger bara medlemmarnas andelar, och utan deras nämnare/,
    );
  });
});

describe('verdict labels', () => {
  it('keep the symbol on the line of its word: a no-break space, never one a table cell wraps at', () => {
    for (const [verdict, text] of [
      ['improving', '✓\u00a0förbättring'],
      ['worsening', '✗\u00a0försämring'],
      ['unchanged', '●\u00a0oförändrat'],
    ] as const) {
      expect(verdictLabel(verdict)).toBe(text);
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  extremesHeadline,
  labourHeadline,
  largestPartHeadline,
  rankHeadline,
  sexHeadline,
  tallyHeadline,
  trendHeadline,
} from '../../src/views/sentences.ts';
import { verdict } from '../../src/measures/index.ts';

const share = { unit: 'percent' as const, decimals: 1, direction: 'lower-is-better' as const };

describe('slide headlines from the derived measures', () => {
  it('falling', () => {
    expect(
      trendHeadline(
        share,
        'Andelen som försörjs av ersättningar',
        { period: '2024', value: 12.1 },
        { period: '2025', value: 11.4 },
        12.0,
      ),
    ).toBe(
      'Andelen som försörjs av ersättningar minskade från 12,1\u00a0% till 11,4\u00a0% mellan 2024 och 2025 och är lägre än i riket (12,0\u00a0%).',
    );
  });
  it('rising', () => {
    expect(trendHeadline(share, 'Andelen', { period: '2024', value: 8.04 }, { period: '2025', value: 8.36 }, 8.0)).toBe(
      'Andelen ökade från 8,0\u00a0% till 8,4\u00a0% mellan 2024 och 2025 och är högre än i riket (8,0\u00a0%).',
    );
  });
  it('unchanged at the shown precision', () => {
    expect(
      trendHeadline(share, 'Andelen', { period: '2024', value: 8.04 }, { period: '2025', value: 8.01 }, null),
    ).toBe('Andelen var oförändrad, 8,0\u00a0%, mellan 2024 och 2025.');
    expect(verdict(8.01, 8.04, 'lower-is-better', 1)).toBe('unchanged');
  });
  it('missing', () => {
    expect(trendHeadline(share, 'Andelen', { period: '2024', value: 8 }, { period: '2025', value: null }, 7)).toBe(
      'Andelen: uppgift saknas för 2025.',
    );
    expect(trendHeadline(share, 'Andelen', null, { period: '2025', value: 8 }, null)).toBe(
      'Andelen var 8,0\u00a0% 2025.',
    );
    expect(trendHeadline(share, 'Andelen', null, null, null)).toBe('Andelen: uppgift saknas för den senaste perioden.');
  });

  it('names the largest part and what rose most', () => {
    const parts = [
      { label: 'Sjukpenning', latest: 3.0, previous: 3.1 },
      { label: 'Ekonomiskt bistånd', latest: 1.2, previous: 0.9 },
      { label: 'Etableringsersättning', latest: null, previous: 0.2 },
    ];
    expect(largestPartHeadline(share, parts, '2025')).toBe(
      'Störst 2025 är sjukpenning, 3,0\u00a0%; ekonomiskt bistånd ökade mest.',
    );
    expect(
      largestPartHeadline(
        share,
        parts.map((part) => ({ ...part, previous: part.latest })),
        '2025',
      ),
    ).toBe('Störst 2025 är sjukpenning, 3,0\u00a0%; inget ersättningsslag ökade.');
    expect(largestPartHeadline(share, [], '2025')).toMatch(/saknas/);
  });

  it('compares women and men', () => {
    expect(sexHeadline(share, 9.2, 8.1, '2025')).toBe(
      'Värdet är högre bland kvinnor (9,2\u00a0%) än bland män (8,1\u00a0%) 2025.',
    );
    expect(sexHeadline(share, 7.0, 8.1, '2025')).toBe(
      'Värdet är högre bland män (8,1\u00a0%) än bland kvinnor (7,0\u00a0%) 2025.',
    );
    expect(sexHeadline(share, 8.04, 8.01, '2025')).toBe('Kvinnor och män ligger lika, 8,0\u00a0%, 2025.');
    expect(sexHeadline(share, null, 8.1, '2025')).toMatch(/saknas/);
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
        'okt 2025',
      ),
    ).toBe('Andelen i arbetskraften okt 2025: lägst bland 15–19 år (34,0\u00a0%), högst bland 45–49 år (92,1\u00a0%).');
  });

  it('tallies verdicts in a strategic area', () => {
    expect(tallyHeadline('Vännäs', 'Ohälsa', ['improving', 'worsening', 'no-data'])).toBe(
      '1 av 2 indikatorer för ohälsa förbättrades i Vännäs; 1 försämrades; 1 saknar jämförbara uppgifter.',
    );
    expect(tallyHeadline('Vännäs', 'Ohälsa', ['no-data'])).toBe('Inga jämförbara uppgifter för ohälsa i Vännäs.');
  });

  it('sums up the ranks', () => {
    expect(rankHeadline('Bjurholm', 6, [1, 6, 3, null, 1])).toBe(
      'Bjurholm har bäst värde bland de 6 medlemmarna på 2 av 4 indikatorer och sämst på 1.',
    );
    expect(rankHeadline('Bjurholm', 6, [null])).toMatch(/inga jämförbara/);
  });

  it('states the October labour market in one sentence', () => {
    expect(labourHeadline('Vännäs', '2025', 87.24, 83.1, 4.8)).toBe(
      'I oktober 2025 var 87,2\u00a0% av befolkningen 20–64 år i Vännäs i arbetskraften, 83,1\u00a0% sysselsatta och 4,8\u00a0% av arbetskraften arbetslösa.',
    );
    expect(labourHeadline('Vännäs', '2025', null, 83.1, 4.8)).toBe(
      'Uppgifter om arbetsmarknaden i Vännäs saknas för den senaste oktobermånaden.',
    );
  });
});

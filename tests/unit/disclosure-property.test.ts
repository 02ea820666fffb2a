/**
 * Secondary suppression against an attacker who knows the relations: for random small counts per
 * kommun and sex, everything published (kommuner, the förbund, each sex and the total) is taken as
 * known, and every equation with one unknown left (total = women + men, förbund = sum of kommuner)
 * is solved, again and again. Each published rate per 1 000 gives its count too, as the population
 * beside it is public. No suppressed count may ever come out.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { yearlySeries, type Area } from '../../src/measures/series.ts';
import { Snapshot } from '../../src/pipeline/snapshot-reader.ts';
import { SnapshotBuilder } from '../../src/pipeline/snapshot-builder.ts';
import { isProtected, type Sex } from '../../src/schemas/observation.ts';

const config = loadConfig(join(import.meta.dirname, '../..'));
const indicator = config.indicators.find((candidate) => candidate.id === 'aktivitetsersattning-kartlaggning')!;
const rate = config.indicators.find((candidate) => candidate.id === indicator.rate)!;
/** The population 19–29 by sex, public at SCB: a rate and it give the count. */
const POPULATION = { women: 480, men: 520, total: 1000 };
const KOMMUNER = ['2401', '2403', '2404', '2409', '2460'];
const SEXES: Sex[] = ['total', 'women', 'men'];
const THRESHOLD = 5;

function snapshotOf(counts: Record<string, { women: number; men: number }>): Snapshot {
  const builder = new SnapshotBuilder();
  for (const [kommun, { women, men }] of Object.entries(counts))
    for (const [sex, value] of [
      ['women', women],
      ['men', men],
      ['total', women + men],
    ] as const) {
      const small = value > 0 && value < THRESHOLD;
      builder.add({
        indicator: indicator.id,
        defaultStatus: 'final',
        region: kommun,
        sex,
        breakdown: {},
        period: '2024',
        value: small ? null : value,
        status: small ? 'suppressed' : 'final',
        sourceStatus: small ? '<5' : '',
        provenance: 'x',
      });
    }
  const population = new SnapshotBuilder();
  for (const code of Object.keys(counts))
    for (const sex of SEXES)
      population.add({
        indicator: 'befolkning',
        defaultStatus: 'final',
        region: code,
        sex,
        breakdown: { age: '19-29' },
        period: '2024',
        value: POPULATION[sex],
        status: 'final',
        sourceStatus: '',
        provenance: 'x',
      });
  const directory = mkdtempSync(join(tmpdir(), 'disclosure-'));
  mkdirSync(join(directory, 'observations'));
  writeFileSync(join(directory, 'observations/a.json'), JSON.stringify(builder.build(indicator.id)));
  writeFileSync(join(directory, 'observations/b.json'), JSON.stringify(population.build('befolkning')));
  writeFileSync(
    join(directory, 'meta.json'),
    JSON.stringify({
      example: true,
      retrievedAt: '2026-11-20T00:00:00Z',
      files: [
        { indicator: indicator.id, file: 'observations/a.json', observations: 1 },
        { indicator: 'befolkning', file: 'observations/b.json', observations: 1 },
      ],
      provenance: [],
      contentCodes: {},
      suppressionThreshold: THRESHOLD,
      inputsSha256: 'x',
    }),
  );
  return new Snapshot(directory);
}

const kommun = (code: string): Area => ({ id: code, name: code, kind: 'kommun', regionCode: code, kommuner: [code] });
const forbund: Area = { id: 'f', name: 'F', kind: 'forbund', regionCode: null, kommuner: KOMMUNER };

describe('no suppressed count is derivable', () => {
  it('for random small counts, by any chain of subtractions', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));
    fc.assert(
      fc.property(fc.array(fc.record({ women: count, men: count }), { minLength: 5, maxLength: 5 }), (rows) => {
        const counts = Object.fromEntries(KOMMUNER.map((code, index) => [code, rows[index]!]));
        const snapshot = snapshotOf(counts);
        const known = new Map<string, number>();
        const suppressed: string[] = [];
        for (const area of [...KOMMUNER.map(kommun), forbund])
          for (const sex of SEXES) {
            const point = yearlySeries(snapshot, { indicator, area, sex, selection: {} })?.[0];
            const key = `${area.id}|${sex}`;
            if (point && !isProtected(point.status) && point.value !== null) known.set(key, point.value);
            if (point?.status === 'suppressed') suppressed.push(key);
            // A rate is never "<5" itself; where it is shown, the count is known from it.
            const perThousand = yearlySeries(snapshot, { indicator: rate, area, sex, selection: {} })?.[0];
            if (perThousand?.status === 'suppressed') return false;
            if (perThousand && !isProtected(perThousand.status) && perThousand.value !== null)
              known.set(key, Math.round((perThousand.value * (perThousand.denominator ?? 0)) / 1000));
          }
        // Every equation as [sum, parts]: total = women + men in each area; förbund = sum of kommuner per sex.
        const equations: [string, string[]][] = [
          ...[...KOMMUNER, 'f'].map((id): [string, string[]] => [`${id}|total`, [`${id}|women`, `${id}|men`]]),
          ...SEXES.map((sex): [string, string[]] => [`f|${sex}`, KOMMUNER.map((code) => `${code}|${sex}`)]),
        ];
        for (let changed = true; changed;) {
          changed = false;
          for (const [sum, parts] of equations) {
            const cells = [sum, ...parts];
            const unknown = cells.filter((cell) => !known.has(cell));
            if (unknown.length !== 1) continue;
            const [cell] = unknown as [string];
            const partsKnown = parts
              .filter((part) => part !== cell)
              .reduce((total, part) => total + known.get(part)!, 0);
            known.set(cell, cell === sum ? partsKnown : known.get(sum)! - partsKnown);
            changed = true;
          }
        }
        return suppressed.every((cell) => !known.has(cell));
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});

/**
 * The example's invented population up to 2024 meets SCB's recorded 2025 level in both age groups
 * the site divides by, so no rate jumps at the year the real figures begin (15–74 was 16 % off in one kommun).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSite } from '../../src/views/model/site.ts';

const site = getSite(join(import.meta.dirname, '../..'));

describe('the example population', () => {
  it.each(['20-64', '15-74'])(
    'moves by less than 3 %% from 2024 (invented) to 2025 (recorded) in %s in every kommun',
    (age) => {
      const file = site.snapshot.file('befolkning')!;
      const at = (code: string, period: string) =>
        file.series(code, 'total', { age })?.values[file.file.periods.indexOf(period)] ?? Number.NaN;
      const far = site.config.registry
        .kommuner()
        .filter((kommun) => Math.abs(at(kommun.code, '2024') / at(kommun.code, '2025') - 1) >= 0.03)
        .map((kommun) => `${kommun.name} ${at(kommun.code, '2024')} → ${at(kommun.code, '2025')}`);
      expect(far).toEqual([]);
    },
  );
});

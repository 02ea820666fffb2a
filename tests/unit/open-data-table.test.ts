/**
 * An indicator's open data table is made once for the routes that read it early in the build (the
 * catalogue, the open data file and, for a placed indicator, the comparison file), then forgotten,
 * so the build does not hold every table of every region to its end.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlaceable } from '../../src/measures/national.ts';
import { getSite } from '../../src/views/model/site.ts';
import { openDataTable } from '../../src/views/downloads/downloads.ts';

const site = getSite(join(import.meta.dirname, '../..'));
const read = (indicatorId: string) => openDataTable(site.indicator(indicatorId), site.snapshot, site.config.registry);

describe('the open data table', () => {
  it('is shared by the three routes of a placed indicator, then made anew (equal) if asked again', () => {
    expect(isPlaceable(site.indicator('helarsekvivalenter'))).toBe(true);
    const first = read('helarsekvivalenter');
    expect(read('helarsekvivalenter')).toBe(first);
    expect(read('helarsekvivalenter')).toBe(first);
    const again = read('helarsekvivalenter');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('is shared by the two routes of a count, which has no comparison file', () => {
    expect(isPlaceable(site.indicator('befolkning-20-64'))).toBe(false);
    const first = read('befolkning-20-64');
    expect(read('befolkning-20-64')).toBe(first);
    expect(read('befolkning-20-64')).not.toBe(first);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { Snapshot } from '../../src/pipeline/snapshot-reader.ts';
import { lastUpdated, nextExpected, releaseRhythm } from '../../src/views/model/release.ts';
import { rhythmList } from '../../src/views/text/provenance.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);
const snapshot = new Snapshot(join(root, 'data/snapshot'));
const indicator = (id: string) => config.indicators.find((entry) => entry.id === id)!;

describe('last update and next expected', () => {
  it('takes the rhythm of the source the indicator comes from', () => {
    // Monthly figures, delivered twice a year: the one rhythm both the page and Om statistiken tell.
    expect(releaseRhythm(indicator('helarsekvivalenter'), config.sources)).toBe('half-year');
    expect(releaseRhythm(indicator('bas-kvartal-arbetsloshet'), config.sources)).toBe('quarter');
    // Stitched from TAB638 (ended 2024) and TAB5557: the table still published decides.
    expect(releaseRhythm(indicator('befolkning-20-64'), config.sources)).toBe('year');
    expect(releaseRhythm(indicator('ohalsotal'), config.sources)).toBe('year');
    expect(releaseRhythm(indicator('kaa-utan-sysselsattning'), config.sources)).toBe('year');
  });

  it('dates an indicator by the latest fetch or delivery of its own raw files', () => {
    // The export was delivered on 15 October; the fetched tables on 20 November.
    expect(lastUpdated(indicator('kaa-utan-sysselsattning'), snapshot)).toBe('2026-10-15T00:00:00Z');
    expect(lastUpdated(indicator('helarsekvivalenter'), snapshot)).toBe('2026-11-20T06:00:00Z');
  });

  it('expects the next update one rhythm later, across the turn of the year', () => {
    expect(nextExpected('2026-11-20T06:00:00Z', 'month')).toBe('omkring december 2026 (källan publicerar varje månad)');
    expect(nextExpected('2026-12-02T00:00:00Z', 'month')).toBe('omkring januari 2027 (källan publicerar varje månad)');
    expect(nextExpected('2026-11-20T06:00:00Z', 'quarter')).toBe(
      'omkring februari 2027 (källan publicerar varje kvartal)',
    );
    expect(nextExpected('2026-11-20T06:00:00Z', 'half-year')).toBe(
      'omkring maj 2027 (källan publicerar två gånger om året)',
    );
    expect(nextExpected('2026-10-15T00:00:00Z', 'year')).toBe(
      'omkring oktober 2027 (källan publicerar en gång om året)',
    );
  });

  it('names each source once on Om statistiken, though TAB5557 is asked for twice', () => {
    expect(config.sources.scb.tables.filter((table) => table.table === 'TAB5557')).toHaveLength(2);
    const list = rhythmList(config.sources);
    expect(list.match(/TAB5557/g)).toHaveLength(1);
    expect(list).toContain('SCB TAB1386 två gånger om året');
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { Snapshot } from '../../src/pipeline/snapshot-reader.ts';
import { sourceStatuses } from '../../src/views/model/source-status.ts';

const root = join(import.meta.dirname, '../..');
const config = loadConfig(root);
const snapshot = new Snapshot(join(root, 'data/snapshot'));
const at = (now: string, maxAge = 400) =>
  sourceStatuses(config.sources, config.indicators, snapshot, new Date(now), maxAge);

describe('the sources’ status', () => {
  it('lists every source once, with its last fetch, latest period and the month its next release is due', () => {
    const statuses = at('2026-12-04T00:00:00Z');
    expect(statuses.map((status) => status.source)).toEqual([
      'SCB TAB1386',
      'SCB TAB6260',
      'SCB TAB3200',
      'SCB TAB6261',
      'SCB TAB5557',
      'SCB TAB3981',
      'Kolada',
      'Export aktivitetsersattning-kartlaggning',
      'Export kaa-utan-sysselsattning',
      'Export ej-behoriga-gymnasiet',
    ]);
    const he = statuses[0]!;
    // Fetched 20 November 2026, published twice a year: due in May 2027, overdue from June.
    expect(he).toMatchObject({ updated: '2026-11-20T06:00:00Z', latestPeriod: '2025M12', dueBy: '2027-06-01' });
    expect(statuses.every((status) => status.state === 'current')).toBe(true);
  });

  it('calls a source overdue once the month of its expected release has passed, and an export past its age', () => {
    const monthly = at('2027-01-01T00:00:00Z').find((status) => status.source === 'SCB TAB6260')!;
    expect(monthly).toMatchObject({ state: 'overdue', reason: 'nästa utgåva väntades före 2027-01-01' });
    expect(at('2026-12-31T23:59:00Z').find((status) => status.source === 'SCB TAB6260')?.state).toBe('current');
    const aged = at('2026-12-04T00:00:00Z', 30).filter((status) => status.kind === 'export');
    expect(aged.every((status) => status.state === 'overdue')).toBe(true);
    expect(aged[0]?.reason).toBe('levererades för 50 dagar sedan, mer än 30');
  });

  it('exits 3 for a scheduler when a source is overdue, 0 when all are current, and speaks JSON on request', () => {
    const run = (now: string) =>
      spawnSync(process.execPath, [join(root, 'scripts/data-status.ts'), '--json'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, LAGESBILD_NOW: now },
      });
    const current = run('2026-12-04T00:00:00Z');
    expect(current.status).toBe(0);
    expect((JSON.parse(current.stdout) as { sources: unknown[] }).sources).toHaveLength(10);
    const late = run('2027-08-01T00:00:00Z');
    expect(late.status).toBe(3);
    expect(late.stderr).toMatch(/^3 källa\/källor är försenade: SCB TAB1386, SCB TAB6260, SCB TAB6261/);
  });
});

/**
 * What a refresh holds back until a person confirms it: a dataset whose latest period is older than
 * the one already published, a kommun that was there and is gone, or a value that moves by more
 * than a factor (a revision of an old year, or a new year against the year before). A publisher
 * rarely does any of these on purpose; a broken table, a renamed code or a unit change often does.
 */
import type { SnapshotFile } from '../schemas/snapshot.ts';
import { valuesOf, type SnapshotContents } from './changes.ts';

export interface HeldBack {
  dataset: string;
  text: string;
}

/** Below this, counts and shares move by large factors in ordinary years (3 → 7 people). */
const JUMP_FLOOR = 20;

function latest(file: SnapshotFile): string | undefined {
  return [...file.periods].sort().at(-1);
}

function jumps(from: number, to: number, factor: number): boolean {
  if (Math.max(Math.abs(from), Math.abs(to)) < JUMP_FLOOR) return false;
  if (from === 0 || to === 0 || Math.sign(from) !== Math.sign(to)) return true;
  return Math.max(from / to, to / from) > factor;
}

function checkFile(dataset: string, before: SnapshotFile, after: SnapshotFile, factor: number): HeldBack[] {
  const found: HeldBack[] = [];
  const wasLatest = latest(before);
  const isLatest = latest(after);
  if (wasLatest && (!isLatest || isLatest < wasLatest))
    found.push({ dataset, text: `senaste perioden är ${isLatest ?? 'ingen'}, men ${wasLatest} är redan publicerad` });
  const kommuner = (file: SnapshotFile) =>
    new Set(file.series.map((series) => series.region).filter((region) => /^\d{4}$/.test(region)));
  const kept = kommuner(after);
  const lost = [...kommuner(before)].filter((region) => !kept.has(region)).sort();
  if (lost.length > 0) found.push({ dataset, text: `kommuner saknas nu: ${lost.slice(0, 10).join(', ')}` });
  const old = valuesOf(before);
  for (const [key, values] of valuesOf(after)) {
    const previous = old.get(key);
    // A series new to the snapshot (a new breakdown) has no published values to be revised.
    if (!previous) continue;
    const [region, sex] = key.split('|');
    after.periods.forEach((period, index) => {
      const value = values.get(period);
      if (value === null || value === undefined) return;
      const was = previous.get(period);
      // A new period is compared with the period before it in the same series.
      const earlier = was ?? (index > 0 ? values.get(after.periods[index - 1] ?? '') : null);
      if (earlier === null || earlier === undefined || !jumps(earlier, value, factor)) return;
      const what = was === undefined ? `${after.periods[index - 1]} → ${period}` : `${period} reviderat`;
      found.push({ dataset, text: `${region} (${sex}): ${what} från ${earlier} till ${value}` });
    });
  }
  return found;
}

export function heldBackChanges(before: SnapshotContents, after: SnapshotContents, factor: number): HeldBack[] {
  return [...after.files].flatMap(([dataset, file]) => {
    const previous = before.files.get(dataset);
    return previous ? checkFile(dataset, previous, file, factor) : [];
  });
}

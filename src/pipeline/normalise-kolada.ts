/**
 * Kolada value items → observations. Municipality ids become SCB region codes; group ids (G…) are
 * skipped; a non-empty status is kept verbatim and flags the value.
 */
import { KOLADA_SEX, koladaToScbRegion, type KoladaPage } from '../formats/kolada.ts';
import type { SnapshotBuilder } from './snapshot-builder.ts';

export function normaliseKoladaPage(
  page: KoladaPage,
  indicatorByKpi: Map<string, string>,
  provenance: string,
  builder: SnapshotBuilder,
): number {
  let count = 0;
  for (const item of page.values) {
    const indicator = indicatorByKpi.get(item.kpi);
    const region = koladaToScbRegion(item.municipality);
    if (!indicator || region === null) continue;
    for (const entry of item.values) {
      const flag = entry.status ?? '';
      const status = entry.value === null ? 'missing' : 'final';
      builder.add({
        indicator,
        defaultStatus: 'final',
        region,
        sex: KOLADA_SEX[entry.gender],
        breakdown: {},
        period: String(item.period),
        value: entry.value,
        status,
        sourceStatus: flag,
        provenance,
      });
      count++;
    }
  }
  return count;
}

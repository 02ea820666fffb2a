/** What the reader is told about where the numbers come from, read from the snapshot's provenance. */
import { formatDate } from '../../formats/display.ts';
import { t } from '../../i18n/index.ts';
import type { SnapshotMeta } from '../../schemas/snapshot.ts';
import type { ScbTable } from '../../schemas/sources.ts';

/**
 * The real responses an example snapshot carries, one line per dataset: "TAB5557 (Folkmängden …),
 * inspelat 13 september 2026 av aniisabihi/atlas290". Metadata files are left out: they hold no numbers.
 */
export function recordedParts(meta: SnapshotMeta, tables: ScbTable[]): string[] {
  const lines = new Map<string, string>();
  for (const entry of meta.provenance) {
    if (entry.example || !entry.recordedBy || entry.id.endsWith('/metadata.json')) continue;
    const dataset = entry.id.split('/')[2] ?? '';
    const table = tables.find((candidate) => candidate.dataset === dataset);
    lines.set(
      dataset,
      t('example.recorded-part', {
        table: table?.table ?? dataset,
        title: table?.title ?? dataset,
        date: formatDate(entry.retrievedAt),
        who: entry.recordedBy.replace(/ \(.*\)$/, ''),
      }),
    );
  }
  return [...lines.values()];
}

/** The SCB tables whose recorded real responses an example snapshot carries: "TAB3200 och TAB5557". */
export function recordedTables(meta: SnapshotMeta, tables: ScbTable[]): string {
  const ids = new Set<string>();
  for (const entry of meta.provenance) {
    if (entry.example || !entry.recordedBy || entry.id.endsWith('/metadata.json')) continue;
    const dataset = entry.id.split('/')[2] ?? '';
    ids.add(tables.find((candidate) => candidate.dataset === dataset)?.table ?? dataset);
  }
  return new Intl.ListFormat('sv', { type: 'conjunction' }).format([...ids].sort());
}

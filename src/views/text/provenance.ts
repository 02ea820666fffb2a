/** What the reader is told about where the numbers come from, read from the snapshot's provenance. */
import { formatDate, joinList } from '../../formats/display.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { rawFileKind } from '../../schemas/raw-layout.ts';
import { t } from '../../i18n/index.ts';
import type { SnapshotMeta } from '../../schemas/snapshot.ts';
import type { ScbTable, SourcesConfig } from '../../schemas/sources.ts';
import { disclosureWords } from '../../pipeline/disclosure.ts';

/**
 * The real responses an example snapshot carries, one line per dataset: "TAB5557 (Folkmängden …),
 * hämtat 13 september 2026". The publisher is credited; who recorded the response is the repository's
 * to tell (`recordedBy` in provenance.json). Metadata files are left out: they hold no numbers.
 */
export function recordedParts(meta: SnapshotMeta, tables: ScbTable[]): string[] {
  const lines = new Map<string, string>();
  for (const { entry, dataset } of recordedScbData(meta)) {
    const table = tables.find((candidate) => candidate.dataset === dataset);
    lines.set(
      dataset,
      t('example.recorded-part', {
        table: table?.table ?? dataset,
        title: table?.title ?? dataset,
        date: formatDate(entry.retrievedAt),
      }),
    );
  }
  return [...lines.values()];
}

/** The SCB tables whose recorded real responses an example snapshot carries: "TAB3200 och TAB5557". */
export function recordedTables(meta: SnapshotMeta, tables: ScbTable[]): string {
  const ids = new Set<string>();
  for (const { dataset } of recordedScbData(meta)) {
    ids.add(tables.find((candidate) => candidate.dataset === dataset)?.table ?? dataset);
  }
  return joinList([...ids].sort());
}

/** Recorded real SCB data responses (not metadata, not Kolada's groups, which hold no numbers). */
function recordedScbData(meta: SnapshotMeta): { entry: Provenance; dataset: string }[] {
  return meta.provenance.flatMap((entry) => {
    if (entry.example || !entry.recordedBy || entry.source !== 'scb') return [];
    const kind = rawFileKind(entry.id, 'scb');
    return kind.kind === 'scb-cube' ? [{ entry, dataset: kind.dataset }] : [];
  });
}

/** "SCB TAB1386 två gånger om året, …, Kolada en gång om året": each source's rhythm, as configured. */
export function rhythmList(sources: SourcesConfig): string {
  // A table asked twice (TAB5557's groups and its single years) is one source with one rhythm.
  const tables = new Map(
    sources.scb.tables
      .filter((table) => table.release && table.time.to === null)
      .map((table) => [`SCB ${table.table ?? table.dataset}`, table.release!]),
  );
  const parts = [
    ...[...tables].map(([source, rhythm]) => ({ source, rhythm })),
    ...(sources.kolada.release ? [{ source: 'Kolada', rhythm: sources.kolada.release }] : []),
  ];
  return joinList(
    parts.map((part) => t('about.update.rhythm-part', { source: part.source, rhythm: t(`release.${part.rhythm}`) })),
  );
}

/** Om statistiken's account of the protection, in the numbers the rules use. */
export function aboutDisclosure(threshold: number): string {
  return t('about.kolada.how', disclosureWords(threshold));
}

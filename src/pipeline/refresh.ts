/**
 * The whole refresh, as a scheduler runs it: fetch → snapshot (with the publisher check and every
 * data check) → hold back suspicious revisions → build the site → test it. Any failure puts
 * data/raw, data/snapshot and dist/ back as they were and says which step failed; a refresh that
 * finds nothing new changes nothing. The outcome carries a short Markdown report a person or a CI
 * step can attach to a notification or a pull request.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceDirectory } from '../formats/files.ts';
import type { ChangeLog } from '../schemas/snapshot.ts';
import { RAW_FOLDER } from '../schemas/raw-layout.ts';
import { heldBackChanges, type HeldBack } from './revision-guard.ts';
import { Snapshot } from './snapshot-reader.ts';

export interface RefreshSteps {
  fetch(): Promise<void>;
  buildSnapshot(): Promise<void>;
  buildSite(): Promise<void>;
  testSite(): Promise<void>;
}

export type RefreshStatus = 'published' | 'unchanged' | 'held-back' | 'failed';

export interface RefreshOutcome {
  status: RefreshStatus;
  report: string;
}

/** The folders a refresh may change, put back whole when it fails. */
const GUARDED = [RAW_FOLDER, 'data/snapshot', 'dist'];

const STEP_NAMES: Record<keyof RefreshSteps, string> = {
  fetch: 'Hämtning från SCB och Kolada',
  buildSnapshot: 'Ögonblicksbilden (med kontrollen mot SCB:s egna andelar)',
  buildSite: 'Bygget av webbplatsen',
  testSite: 'Testerna av den byggda webbplatsen',
};

function changeLines(changes: ChangeLog | null): string[] {
  if (!changes) return [];
  return [
    ...changes.datasets.map((entry) => {
      if (entry.change === 'added') return `- ${entry.dataset}: ny`;
      if (entry.change === 'removed') return `- ${entry.dataset}: borttagen`;
      const parts = [
        entry.newPeriods.length > 0 ? `nya perioder ${entry.newPeriods.join(', ')}` : '',
        entry.revised > 0 ? `${entry.revised} reviderade värden` : '',
      ].filter(Boolean);
      return `- ${entry.dataset}: ${parts.join('; ')}`;
    }),
    ...changes.tables.map((entry) => `- ${entry.dataset}: tabellen ${entry.from ?? 'ingen'} → ${entry.to}`),
  ];
}

function report(title: string, lines: string[]): string {
  return [`# ${title}`, '', ...lines, ''].join('\n');
}

export async function refresh(
  root: string,
  steps: RefreshSteps,
  options: { revisionFactor: number; confirmRevisions: boolean; log: (message: string) => void },
): Promise<RefreshOutcome> {
  const backup = mkdtempSync(join(tmpdir(), 'lagesbild-refresh-'));
  const saved = GUARDED.filter((folder) => existsSync(join(root, folder)));
  for (const folder of saved) cpSync(join(root, folder), join(backup, folder), { recursive: true });
  const restore = () => {
    for (const folder of saved) replaceDirectory(join(backup, folder), join(root, folder));
  };
  const snapshotDir = join(root, 'data/snapshot');
  const before = existsSync(join(snapshotDir, 'meta.json')) ? new Snapshot(snapshotDir).contents() : null;
  const run = async (step: keyof RefreshSteps): Promise<RefreshOutcome | null> => {
    options.log(`${STEP_NAMES[step]} …`);
    try {
      await steps[step]();
      return null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      restore();
      return {
        status: 'failed',
        report: report('Uppdateringen misslyckades', [
          `Steget som stoppade: **${STEP_NAMES[step]}**.`,
          '',
          '```',
          message.slice(0, 4000),
          '```',
          '',
          'Inget publicerades: data/raw, data/snapshot och dist/ är som före uppdateringen.',
        ]),
      };
    }
  };
  try {
    const failed = (await run('fetch')) ?? (await run('buildSnapshot'));
    if (failed) return failed;
    const after = new Snapshot(snapshotDir);
    const changes = after.changes();
    // The same inputs keep the last change log, which is old news.
    const same = before?.meta.inputsSha256 === after.meta.inputsSha256;
    if (same || !changes || (changes.datasets.length === 0 && changes.tables.length === 0)) {
      restore();
      return {
        status: 'unchanged',
        report: report('Inget nytt', ['SCB och Kolada har inga nya eller ändrade värden sedan förra uppdateringen.']),
      };
    }
    const held: HeldBack[] = before ? heldBackChanges(before, after.contents(), options.revisionFactor) : [];
    if (held.length > 0 && !options.confirmRevisions) {
      restore();
      return {
        status: 'held-back',
        report: report('Uppdateringen hålls inne', [
          `Ändringar som oftare är fel än nyheter (faktor ${options.revisionFactor}):`,
          '',
          ...held.slice(0, 50).map((entry) => `- ${entry.dataset}: ${entry.text}`),
          ...(held.length > 50 ? [`- … och ${held.length - 50} till`] : []),
          '',
          'Kontrollera serierna hos källan. Stämmer de: kör `npm run refresh -- --confirm-revisions`.',
        ]),
      };
    }
    const built = (await run('buildSite')) ?? (await run('testSite'));
    if (built) return built;
    return {
      status: 'published',
      report: report('Nya siffror', [
        ...changeLines(changes),
        ...(held.length > 0 ? ['', `Bekräftade av en person: ${held.length} stora ändringar.`] : []),
      ]),
    };
  } finally {
    rmSync(backup, { recursive: true, force: true });
  }
}

/**
 * Loads and validates the configuration under `data/config/`. A bad file stops with the file, the
 * field and the reason.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { ForbundSchema, SiteConfigSchema, type Forbund, type SiteConfig } from '../schemas/forbund.ts';
import { IndicatorCatalogueSchema, type Indicator } from '../schemas/indicator.ts';
import { SourcesConfigSchema, type SourcesConfig } from '../schemas/sources.ts';
import type { Kommungrupp } from '../schemas/region.ts';
import { SeriesBreaksSchema, type SeriesBreak } from '../schemas/series-break.ts';
import { readJsonStat } from '../formats/jsonstat.ts';
import { RegionRegistry, regionsFromMetadata } from './regions.ts';
import { fileRefusal, readCheckedText, TEXT_FILE_MAX_BYTES } from '../formats/files.ts';
import { issueLines } from '../formats/zod-issues.ts';
import { unsafeTextFields } from '../schemas/text.ts';

export class ConfigError extends Error {}

export function readJsonFile<T>(path: string, schema: z.ZodType<T>): T {
  const refusal = existsSync(path) ? fileRefusal(path, TEXT_FILE_MAX_BYTES) : null;
  if (refusal) throw new ConfigError(`${path}: ${refusal}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const unsafe = unsafeTextFields(json);
  if (unsafe.length > 0)
    throw new ConfigError(
      unsafe.map((field) => `${path}: ${field.path.join('.') || '(roten)'}: ${field.problem}`).join('\n'),
    );
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(
      issueLines(parsed.error)
        .map((line) => `${path}: ${line}`)
        .join('\n'),
    );
  }
  return parsed.data;
}

export interface ProjectConfig {
  root: string;
  site: SiteConfig;
  sources: SourcesConfig;
  indicators: Indicator[];
  /** Known breaks in series; none when `breaks.json` is absent. */
  breaks: SeriesBreak[];
  forbund: Forbund[];
  registry: RegionRegistry;
}

/** SCB's code list, with the kommungrupper the snapshot holds (none before the first build). */
export function loadRegistry(root: string, kommungrupper: Record<string, Kommungrupp> = {}): RegionRegistry {
  const path = join(root, 'data/reference/scb-TAB638-metadata.json');
  const metadata = readJsonStat(JSON.parse(readCheckedText(path)), { metadataOnly: true });
  return new RegionRegistry(regionsFromMetadata(metadata, kommungrupper));
}

export function loadConfig(root: string, kommungrupper: Record<string, Kommungrupp> = {}): ProjectConfig {
  const configDir = join(root, 'data/config');
  // A deployment picks its förbund in one file; LAGESBILD_SITE points at another (the national build).
  const sitePath = process.env['LAGESBILD_SITE']
    ? join(root, process.env['LAGESBILD_SITE'])
    : join(configDir, 'site.json');
  const site = readJsonFile(sitePath, SiteConfigSchema);
  const sources = readJsonFile(join(configDir, 'sources.json'), SourcesConfigSchema);
  const indicators = readJsonFile(join(configDir, 'indicators.json'), IndicatorCatalogueSchema);
  const registry = loadRegistry(root, kommungrupper);
  const breaksPath = join(configDir, 'breaks.json');
  const breaks = existsSync(breaksPath) ? readJsonFile(breaksPath, SeriesBreaksSchema) : [];
  const available = readdirSync(join(configDir, 'forbund')).filter((name) => name.endsWith('.json'));
  const forbund = site.forbund.map((id) => {
    if (!available.includes(`${id}.json`))
      throw new ConfigError(`${sitePath}: förbundet "${id}" saknas; finns: ${available.join(', ')}`);
    return readJsonFile(join(configDir, 'forbund', `${id}.json`), ForbundSchema);
  });
  const indicatorIds = new Set(indicators.map((indicator) => indicator.id));
  const problems: string[] = [];
  forbund.forEach((entry, index) => {
    const path = join(configDir, 'forbund', `${site.forbund[index]}.json`);
    if (entry.id !== site.forbund[index])
      problems.push(`${path}: id: väntade "${site.forbund[index]}" som filens namn, fann "${entry.id}"`);
    const seen = new Set<string>();
    entry.members.forEach((member, position) => {
      // A kommun listed twice would be counted twice in every förbund total.
      if (seen.has(member.code))
        problems.push(`${path}: members.${position}.code: ${member.code} står redan bland medlemmarna`);
      seen.add(member.code);
      if (registry.get(member.code)?.level !== 'kommun')
        problems.push(`${path}: members.${position}.code: okänd kommunkod ${member.code}`);
    });
    entry.comparisons.lan.forEach((code, position) => {
      if (registry.get(code)?.level !== 'lan')
        problems.push(`${path}: comparisons.lan.${position}: okänd länskod ${code}`);
    });
    for (const goal of [...entry.effectGoals, ...entry.strategicAreas.flatMap((area) => area.goals)]) {
      if (!indicatorIds.has(goal.indicator))
        problems.push(`${path}: målet "${goal.text}" pekar på okänd indikator ${goal.indicator}`);
    }
  });
  const peerAreas = new Set(sources.kolada.peerGroups.map((group) => group.area));
  indicators.forEach((indicator, index) => {
    if (indicator.peerArea !== undefined && !peerAreas.has(indicator.peerArea))
      problems.push(
        `${join(configDir, 'indicators.json')}: ${index}.peerArea: "${indicator.peerArea}" är inget område i sources.json kolada.peerGroups (${[...peerAreas].join(', ') || 'inga'})`,
      );
  });
  breaks.forEach((entry, position) =>
    entry.indicators.forEach((id, index) => {
      if (!indicatorIds.has(id)) problems.push(`${breaksPath}: ${position}.indicators.${index}: okänd indikator ${id}`);
    }),
  );
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return { root, site, sources, indicators, breaks, forbund, registry };
}

/** Every förbund configuration shipped in `data/config/forbund/`, whether or not the site publishes it. */
export function readForbundFiles(root: string): Forbund[] {
  const directory = join(root, 'data/config/forbund');
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readJsonFile(join(directory, name), ForbundSchema));
}

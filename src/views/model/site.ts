/**
 * The build's single entry to data: configuration and snapshot, loaded once per build process.
 */
import { join } from 'node:path';
import type { Forbund } from '../../schemas/forbund.ts';
import type { Indicator } from '../../schemas/indicator.ts';
import { loadConfig, type ProjectConfig } from '../../config/load.ts';
import { checkDialogueFiles } from '../../config/dialogue-content.ts';
import { Snapshot } from '../../pipeline/snapshot-reader.ts';
import { buildIndicatorView, type IndicatorView } from './indicator-view.ts';
import { loadInitiatives, type LoadedInitiative } from '../../config/initiatives.ts';
import { MAX_HIGHLIGHT_MEMBERS } from '../../measures/areas.ts';
import { checkDisclosureMarks } from '../../pipeline/disclosure.ts';
import { t } from '../../i18n/index.ts';

export interface Site {
  config: ProjectConfig;
  snapshot: Snapshot;
  indicator(id: string): Indicator;
  forbund(id: string): Forbund;
  /** The förbund a kommun is a member of (the first, if a deployment lists it twice). */
  forbundOf(kommun: string): Forbund;
  /** Every member kommun with its förbund, in configuration order. */
  members(): { forbund: Forbund; code: string }[];
  view(forbundId: string, indicatorId: string): IndicatorView;
  /** The förbund's joint initiatives (validated; a bad file stops the build). */
  initiatives(forbundId: string): LoadedInitiative[];
}

let site: Site | null = null;

export function getSite(root = process.env['LAGESBILD_ROOT'] ?? process.cwd()): Site {
  if (site) return site;
  const snapshot = new Snapshot(join(root, 'data/snapshot'));
  const config = loadConfig(root, snapshot.kommungrupper());
  checkDisclosureMarks(snapshot.meta.suppressionThreshold, t('status.suppressed'), t('status.explain'));
  checkDialogueFiles(root, new Set(config.forbund.flatMap((entry) => entry.members.map((member) => member.code))));
  const views = new Map<string, IndicatorView>();
  const indicators = new Map(config.indicators.map((indicator) => [indicator.id, indicator]));
  const forbund = new Map(config.forbund.map((entry) => [entry.id, entry]));
  const initiatives = new Map<string, LoadedInitiative[]>();
  site = {
    config,
    snapshot,
    indicator(id) {
      const found = indicators.get(id);
      if (!found) throw new Error(`Okänd indikator ${id}`);
      return found;
    },
    forbund(id) {
      const found = forbund.get(id);
      if (!found) throw new Error(`Okänt förbund ${id}`);
      return found;
    },
    forbundOf(kommun) {
      const found = config.forbund.find((entry) => entry.members.some((member) => member.code === kommun));
      if (!found) throw new Error(`Kommunen ${kommun} är inte medlem i något förbund`);
      return found;
    },
    members() {
      const seen = new Set<string>();
      return config.forbund.flatMap((entry) =>
        entry.members.flatMap((member) => {
          if (seen.has(member.code)) return [];
          seen.add(member.code);
          return [{ forbund: entry, code: member.code }];
        }),
      );
    },
    initiatives(forbundId) {
      let list = initiatives.get(forbundId);
      if (!list) {
        list = loadInitiatives(root, forbundId, new Set(indicators.keys()));
        initiatives.set(forbundId, list);
      }
      return list;
    },
    view(forbundId, indicatorId) {
      const key = `${forbundId}/${indicatorId}`;
      let view = views.get(key);
      if (!view) {
        const indicator = this.indicator(indicatorId);
        view = buildIndicatorView(snapshot, config.registry, this.forbund(forbundId), indicator, {
          breaks: config.breaks,
          sources: config.sources,
        });
        if (indicator.rate) view.rate = this.view(forbundId, indicator.rate);
        views.set(key, view);
      }
      return view;
    },
  };
  return site;
}

/** Indicators a förbund follows, in agreement order (effect goals first), then the rest of the catalogue. */
export function forbundIndicators(entry: Forbund, catalogue: Indicator[]): Indicator[] {
  const ordered = goalIndicators(entry, catalogue);
  for (const indicator of catalogue) if (!ordered.includes(indicator)) ordered.push(indicator);
  return ordered;
}

/** The indicators the förbund's agreement sets goals for, each once, in the agreement's order. */
export function goalIndicators(entry: Forbund, catalogue: Indicator[]): Indicator[] {
  const ids = new Set(
    [...entry.effectGoals, ...entry.strategicAreas.flatMap((area) => area.goals)].map((goal) => goal.indicator),
  );
  return [...ids].map((id) => catalogue.find((indicator) => indicator.id === id) as Indicator);
}

/** Static paths of every indicator page of every published förbund (and its downloads). */
export function indicatorPagePaths(): { params: { forbund: string; id: string } }[] {
  const site = getSite();
  return site.config.forbund.flatMap((forbund) =>
    forbundIndicators(forbund, site.config.indicators).map((indicator) => ({
      params: { forbund: forbund.id, id: indicator.id },
    })),
  );
}

/** Static paths of the indicator pages with one member kommun highlighted: `/<förbund>/indikator/<id>/<kommunkod>/`. */
export function highlightPagePaths(): { params: { forbund: string; id: string; kommun: string } }[] {
  const site = getSite();
  return site.config.forbund
    .filter((forbund) => forbund.members.length <= MAX_HIGHLIGHT_MEMBERS)
    .flatMap((forbund) =>
      forbundIndicators(forbund, site.config.indicators).flatMap((indicator) =>
        forbund.members.map((member) => ({ params: { forbund: forbund.id, id: indicator.id, kommun: member.code } })),
      ),
    );
}

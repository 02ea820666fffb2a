/**
 * Every dynamic route's pages, by name: each route file says `getStaticPaths = <name>` from here,
 * so the build can say how many pages it will write before it starts (its progress, "1 234 av 14 626").
 */
import { isPlaceable } from '../../measures/national.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getSite, highlightPagePaths, indicatorPagePaths } from '../model/site.ts';
import { STATE_SLUGS } from './initiatives.ts';

/** One page per published förbund: its start page and its copies of the site-wide pages. */
export function forbundPaths(): { params: { forbund: string } }[] {
  return getSite().config.forbund.map((forbund) => ({ params: { forbund: forbund.id } }));
}

/** One page per member kommun, each once even where two förbund share it: profiles and decks. */
export function memberPaths(): { params: { code: string } }[] {
  return getSite()
    .members()
    .map((member) => ({ params: { code: member.code } }));
}

/** One open-data file per indicator in the catalogue. */
export function openDataPaths(): { params: { id: string } }[] {
  return getSite().config.indicators.map((indicator) => ({ params: { id: indicator.id } }));
}

/** The indicators a reader may add any kommun to: those compared with other kommuner (rates). */
export function comparisonDataPaths(): { params: { id: string } }[] {
  return getSite()
    .config.indicators.filter(isPlaceable)
    .map((indicator) => ({ params: { id: indicator.id } }));
}

export function initiativePaths(): { params: { forbund: string; nr: string } }[] {
  const site = getSite();
  return site.config.forbund.flatMap((forbund) =>
    site.initiatives(forbund.id).map((initiative) => ({ params: { forbund: forbund.id, nr: initiative.slug } })),
  );
}

export function initiativeStatePaths(): { params: { forbund: string; state: string } }[] {
  return getSite().config.forbund.flatMap((forbund) =>
    STATE_SLUGS.map((entry) => ({ params: { forbund: forbund.id, state: entry.slug } })),
  );
}

const ROUTE_PATHS: Record<string, () => unknown[]> = {
  forbundPaths,
  memberPaths,
  openDataPaths,
  comparisonDataPaths,
  initiativePaths,
  initiativeStatePaths,
  indicatorPagePaths,
  highlightPagePaths,
};

const NAMED_PATHS = /export const getStaticPaths = (\w+);/;

/**
 * The number of files the build will write from `src/pages`: one per static route, and for each
 * dynamic route as many as its path function lists. A dynamic route that names none is an error
 * here rather than a wrong total.
 */
export function plannedPageCount(pagesDirectory: string): number {
  const routes = readdirSync(pagesDirectory, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name),
  );
  return routes.reduce((total, entry) => {
    const path = join(entry.parentPath, entry.name);
    if (!relative(pagesDirectory, path).includes('[')) return total + 1;
    const name = NAMED_PATHS.exec(readFileSync(path, 'utf8'))?.[1];
    const paths = name ? ROUTE_PATHS[name] : undefined;
    if (!paths) throw new Error(`${path}: väntade "export const getStaticPaths = <namn>;" med ett namn ur routes.ts`);
    return total + paths().length;
  }, 0);
}

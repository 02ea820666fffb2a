/**
 * An Astro integration that builds each indicator page right after its embed. The two, and the
 * förbund page's SVG file, show the same charts, drawn once and remembered until the last of them
 * is written (`rememberedFor` in views/web/indicator-page.ts). Astro builds route after route, and
 * the embeds' route sorts first: so every page's charts were held until the pages' route came
 * round, about 400 MB on the national bench. Paired, a page's charts are freed a few pages after
 * they are drawn. Only the order changes, never a byte.
 *
 * The PNG file stays where Astro puts it, long after: the embed starts rasterising it in sharp's
 * threads, and collected right away it made a page wait for sharp (national bench, two runs each:
 * 129 and 142 s paired, 116 and 117 s not, the same peak memory).
 */
import type { AstroIntegration } from 'astro';
import { EMBED_PATH } from '../formats/server-headers.ts';
import { chartFilePaths, indicatorPath } from '../views/model/paths.ts';

/** The paths that show an embed's charts: its page, and for a förbund's page its SVG file. */
export function partnersOf(embed: string): string[] {
  if (!embed.startsWith(EMBED_PATH)) return [];
  const [forbund, indicator, focus] = embed.slice(EMBED_PATH.length).split('/').filter(Boolean);
  if (!forbund || !indicator) return [];
  const page = indicatorPath(forbund, indicator, focus ?? null);
  return focus ? [page] : [page, chartFilePaths(forbund, indicator).svg];
}

/** The paths in their order, each embed followed at once by its partners; nothing added or lost. */
export function pairUp<Path extends { pathname: string }>(paths: Path[]): Path[] {
  const byPath = new Map(paths.map((path) => [normal(path.pathname), path]));
  const placed = new Set<Path>();
  const ordered: Path[] = [];
  const place = (path: Path | undefined) => {
    if (path === undefined || placed.has(path)) return;
    placed.add(path);
    ordered.push(path);
  };
  for (const path of paths) {
    place(path);
    for (const partner of partnersOf(normal(path.pathname))) place(byPath.get(partner));
  }
  return ordered;
}

/** Astro may give a page's path with or without its closing slash; files never have one. */
function normal(pathname: string): string {
  return /\.[a-z]+$/.test(pathname) || pathname.endsWith('/') ? pathname : `${pathname}/`;
}

export function pairedPages(): AstroIntegration {
  return {
    name: 'lagesbild-paired-pages',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) =>
        setPrerenderer((base) => ({ ...base, getStaticPaths: async () => pairUp(await base.getStaticPaths()) })),
    },
  };
}

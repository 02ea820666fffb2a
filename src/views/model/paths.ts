/** The site's stable addresses that more than one page links to, each built in one place. */
import { EMBED_PATH } from '../../formats/server-headers.ts';

/** An indicator's page in a förbund: `/<förbund>/indikator/<id>/`, with a member highlighted `…/<kod>/`. */
export function indicatorPath(forbundId: string, indicatorId: string, focus: string | null = null): string {
  return `/${forbundId}/indikator/${indicatorId}/${focus ? `${focus}/` : ''}`;
}

/** The same charts alone, for another site to frame: `/inbaddning/<förbund>/<id>/[<kod>/]`. */
export function embedPath(forbundId: string, indicatorId: string, focus: string | null): string {
  return `${EMBED_PATH}${forbundId}/${indicatorId}/${focus ? `${focus}/` : ''}`;
}

/** The site-wide pages; each förbund has its own copy, so a reader coming from it keeps its header. */
export const SITE_PAGES = ['om-statistiken', 'data', 'andringar', 'tillganglighet'] as const;
export type SitePage = (typeof SITE_PAGES)[number];

/** `/om-statistiken/`, or the förbund's copy `/<förbund>/om-statistiken/`. */
export function sitePagePath(forbundId: string | null, page: SitePage): string {
  return `${forbundId ? `/${forbundId}` : ''}/${page}/`;
}

/** The one address of a förbund's copy of a site-wide page, or null where the path is no such copy. */
export function canonicalSitePage(pathname: string): string | null {
  const page = /^\/[^/]+\/([^/]+)\/$/.exec(pathname)?.[1];
  return SITE_PAGES.find((name) => name === page) ? `/${page}/` : null;
}

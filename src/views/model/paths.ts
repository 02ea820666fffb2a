/** The site's stable addresses that more than one page links to, each built in one place. */
import { EMBED_PATH } from '../../formats/server-headers.ts';

/** An indicator's page in a förbund: `/<förbund>/indikator/<id>/`, with a member highlighted `…/<kod>/`. */
export function indicatorPath(forbundId: string, indicatorId: string, focus: string | null = null): string {
  return `/${forbundId}/indikator/${indicatorId}/${focus ? `${focus}/` : ''}`;
}

/** The förbund page's first chart as files to download: `…/indikator/<id>/diagram.svg` and `.png`. */
export function chartFilePaths(forbundId: string, indicatorId: string): { svg: string; png: string } {
  const page = indicatorPath(forbundId, indicatorId);
  return { svg: `${page}diagram.svg`, png: `${page}diagram.png` };
}

/** The same charts alone, for another site to frame: `/inbaddning/<förbund>/<id>/[<kod>/]`. */
/** An indicator's open data: every region, year, sex and breakdown. */
export function openDataPath(indicatorId: string): string {
  return `/data/${indicatorId}.csv`;
}

/** An indicator's headline series of every kommun, for the comparison a reader adds on its page. */
export function comparisonDataPath(indicatorId: string): string {
  return `/data/jamforelse/${indicatorId}.csv`;
}

/** How the expected value is computed, with the model's coefficients: one page for the whole site. */
export const EXPECTED_METHOD_PATH = '/om-statistiken/forvantat-varde/';

/** Every kommun's actual and expected values, and each fit's coefficients, as open data. */
export const EXPECTED_DATA_PATHS = { values: '/data/forvantat-varde.csv', models: '/data/forvantat-varde-modell.csv' };

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

/** What kind of page or file an address is, for the build's and the bench's reports. */
export function pageKind(path: string): string {
  const member = /\/\d{4}\/index\.html$/.test(path) ? ', medlem' : '';
  if (path.startsWith(EMBED_PATH)) return `inbäddning${member}`;
  if (path.startsWith('/dialog/')) return 'dialogpresentation';
  if (path.startsWith('/kommun/')) return 'kommunprofil';
  if (path.startsWith('/data/') && path.endsWith('.csv')) return 'öppna data';
  if (path.includes('/indikator/'))
    return path.endsWith('.html') ? `indikatorsida${member}` : (path.split('/').at(-1) ?? path);
  if (path.includes('/visning/')) return 'visning';
  if (path.includes('/initiativ/')) return 'initiativ';
  const first = /^\/([^/]+)\/index\.html$/.exec(path)?.[1];
  if (path === '/index.html' || (first && !SITE_PAGES.some((page) => page === first))) return 'startsida';
  return 'övriga sidor';
}

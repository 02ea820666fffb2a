/**
 * Kolada API v3: KPI values for every municipality (kommuner, regions, riket) per year, all pages,
 * all genders. At most 25 ids or years per path segment; polite rate; every page kept raw.
 */
import { KpiListSchema } from '../schemas/api.ts';
import { nextPageLink, readKoladaGroupsPage, readKoladaPage, type KoladaPage } from '../formats/kolada.ts';
import type { SourcesConfig } from '../schemas/sources.ts';
import type { RawStore } from './raw-store.ts';
import { rawPaths } from '../schemas/raw-layout.ts';
import { createThrottle, getJson, type HttpDeps, type RetryPolicy } from './http.ts';
import { quoted, trustedUrl, UntrustedUrlError } from './trust.ts';

export const MAX_IDS_PER_SEGMENT = 25;

export interface KoladaContext {
  config: SourcesConfig['kolada'];
  store: RawStore;
  deps: HttpDeps;
  policy: RetryPolicy;
  retrievedAt: () => string;
  /** Last year to ask for. */
  toYear: number;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Rows one KPI and year can hold: Kolada's kommuner, regions and riket (about 312) with a wide
 * margin; the pages a query may take follow from it, so an answer that pages on for ever is stopped.
 */
const MAX_ROWS_PER_KPI_YEAR = 2000;
/** However large the query, no answer gets more pages than this. */
export const MAX_PAGES = 500;

/** The pages a query of `kpis` × `years` may take at `perPage` rows a page. */
export function pageBound(kpis: number, years: number, perPage: number): number {
  return Math.min(MAX_PAGES, Math.ceil((kpis * years * MAX_ROWS_PER_KPI_YEAR) / perPage) + 1);
}

/** What every paged v3 answer has: its rows and a link on. */
type PagedAnswer = Pick<KoladaPage, 'count' | 'next_url' | 'next_page'> & { values: unknown[] };

/**
 * Follows a Kolada answer through every page, keeping each raw. A link must stay on the same query
 * (same origin and path), may not repeat a page, and the pages are bounded by what the query can hold.
 */
async function readAllPages<Page extends PagedAnswer>(
  firstUrl: string,
  pagePath: (page: number) => string,
  read: (json: unknown) => Page,
  maxPages: number,
  throttle: () => Promise<void>,
  context: KoladaContext,
): Promise<Page[]> {
  const within = context.config.baseUrl;
  const query = trustedUrl(firstUrl, within).pathname;
  const seen = new Set<string>();
  const pages: Page[] = [];
  let url: string | null = firstUrl;
  while (url !== null) {
    if (seen.has(url)) throw new Error(`Kolada: sidan ${quoted(url)} kom tillbaka; avbryter för att inte gå i cirkel`);
    if (pages.length >= maxPages)
      throw new Error(`Kolada: ${firstUrl} gav fler än ${maxPages} sidor, fler än frågan kan rymma; avbryter`);
    seen.add(url);
    await throttle();
    const response = await getJson(url, context);
    const page = read(response.json);
    const perPage = context.config.perPage;
    if (page.values.length > perPage || (page.count ?? 0) > perPage)
      throw new Error(
        `Kolada: ${quoted(url)} gav ${Math.max(page.values.length, page.count ?? 0)} rader på en sida, fler än per_page ${perPage}`,
      );
    pages.push(page);
    context.store.write(pagePath(pages.length), response.bytes, {
      source: 'kolada',
      url,
      query: null,
      retrievedAt: context.retrievedAt(),
      example: false,
    });
    const next = nextPageLink(page);
    if (next === null || page.values.length === 0) url = null;
    else {
      const nextUrl = trustedUrl(next, within, url);
      if (nextUrl.pathname !== query) throw new UntrustedUrlError(next, within, 'den leder till en annan fråga');
      url = nextUrl.toString();
    }
  }
  return pages;
}

/** Fetches every page of one values query, guarding against repeated links and pages shorter than they say. */
export async function fetchAllPages(
  firstUrl: string,
  name: string,
  maxPages: number,
  throttle: () => Promise<void>,
  context: KoladaContext,
): Promise<number> {
  const pages = await readAllPages(
    firstUrl,
    (page) => rawPaths.koladaPage(name, page),
    readKoladaPage,
    maxPages,
    throttle,
    context,
  );
  // v3's count is the rows on its own page, so each page is checked against itself, never the total.
  pages.forEach((page, index) => {
    if (page.count !== undefined && page.count !== page.values.length)
      throw new Error(
        `Kolada: ${firstUrl}, sida ${index + 1}, lovade ${page.count} rader men gav ${page.values.length}`,
      );
  });
  return pages.reduce((sum, page) => sum + page.values.length, 0);
}

/** Looks up KPI ids not yet pinned, by exact title; the ids found are written to the log to be pinned. */
export async function resolveKpiIds(context: KoladaContext, throttle: () => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  for (const item of context.config.kpis) {
    if (item.kpi !== null) {
      ids.push(item.kpi);
      continue;
    }
    const url = `${context.config.baseUrl}/kpi?title=${encodeURIComponent(item.titleQuery)}`;
    await throttle();
    const response = await getJson(url, context);
    const parsed = KpiListSchema.safeParse(response.json);
    if (!parsed.success) throw new Error(`Kolada: ${url} gav inget KPI-register`);
    const matches = parsed.data.values;
    if (matches.length !== 1 || !matches[0]) {
      throw new Error(
        `Kolada: "${item.titleQuery}" (${item.indicator}) gav ${matches.length} träffar: ${matches.map((m) => `${m.id} ${m.title}`).join('; ')}. Fäst rätt id i data/config/sources.json.`,
      );
    }
    context.deps.log(`  Kolada: ${item.indicator} = ${matches[0].id} "${matches[0].title}" (fäst id:t i sources.json)`);
    ids.push(matches[0].id);
  }
  return ids;
}

export async function fetchKolada(context: KoladaContext): Promise<void> {
  const throttle = createThrottle(Math.max(1, Math.floor(context.config.requestsPerSecond)), 1000, context.deps);
  const ids = await resolveKpiIds(context, throttle);
  const known = new Set<string>();
  // Kolada answers 422 past about 33 ids in one path segment: the catalogue is asked in chunks too.
  for (const [index, idChunk] of chunk(ids, MAX_IDS_PER_SEGMENT).entries()) {
    const metadataUrl = `${context.config.baseUrl}/kpi/${idChunk.join(',')}`;
    await throttle();
    const metadata = await getJson(metadataUrl, context);
    const parsed = KpiListSchema.safeParse(metadata.json);
    if (!parsed.success) throw new Error(`Kolada: ${metadataUrl} gav inget KPI-register`);
    for (const kpi of parsed.data.values) known.add(kpi.id);
    context.store.write(rawPaths.koladaCatalogue(index), metadata.bytes, {
      source: 'kolada',
      url: metadataUrl,
      query: null,
      retrievedAt: context.retrievedAt(),
      example: false,
    });
  }
  // A KPI Kolada no longer publishes would give no values and no error: stop before asking for any.
  const missing = context.config.kpis
    .map((item, index) => ({ id: ids[index] ?? '', indicator: item.indicator }))
    .filter((item) => !known.has(item.id));
  const them = missing.length === 1 ? 'den' : 'dem';
  if (missing.length > 0)
    throw new Error(
      `Kolada: ${missing.map((item) => `${item.id} (${item.indicator})`).join(', ')} finns inte i Koladas KPI-katalog. Ta bort ${them} ur data/config/sources.json eller fäst den KPI som ersatt ${them}. Inga värden hämtades.`,
    );
  const years = Array.from(
    { length: context.toYear - context.config.fromYear + 1 },
    (_, index) => context.config.fromYear + index,
  );
  for (const kpiChunk of chunk(ids, MAX_IDS_PER_SEGMENT)) {
    for (const yearChunk of chunk(years, MAX_IDS_PER_SEGMENT)) {
      const url = `${context.config.baseUrl}/data/kpi/${kpiChunk.join(',')}/year/${yearChunk.join(',')}?per_page=${context.config.perPage}`;
      const name = `${kpiChunk[0]}-${yearChunk[0]}`;
      const maxPages = pageBound(kpiChunk.length, yearChunk.length, context.config.perPage);
      const rows = await fetchAllPages(url, name, maxPages, throttle, context);
      context.deps.log(`  Kolada ${kpiChunk.join(',')} ${yearChunk[0]}–${yearChunk.at(-1)}: ${rows} rader`);
    }
  }
  await fetchPeerGroups(context, throttle);
}

/** One group per kommun and vintage: a few thousand at most, a handful of pages at any page size. */
const PEER_GROUP_PAGES = 50;

/**
 * Kolada's "Liknande kommuner" groups of each configured area, every vintage (the snapshot picks the
 * latest): v3 `/municipality_groups` filtered by title, members as `{member_id, member_title}`.
 */
export async function fetchPeerGroups(context: KoladaContext, throttle: () => Promise<void>): Promise<void> {
  for (const { area, title } of context.config.peerGroups) {
    const url = `${context.config.baseUrl}/municipality_groups?title=${encodeURIComponent(title)}&per_page=${context.config.perPage}`;
    const pages = await readAllPages(
      url,
      (page) => rawPaths.koladaPeerGroups(area, page),
      readKoladaGroupsPage,
      PEER_GROUP_PAGES,
      throttle,
      context,
    );
    const groups = pages.reduce((sum, page) => sum + page.values.length, 0);
    context.deps.log(`  Kolada ${title}: ${groups} grupper`);
  }
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { kommungruppAreaId } from '../../src/measures/areas.ts';
import { getSite, forbundIndicators } from '../../src/views/model/site.ts';
import { areaLabel, cellText, summaryText } from '../../src/views/text/labels.ts';
import { formatPeriod } from '../../src/formats/display.ts';
import { dist, distFiles, linksOf, onPage, page, requireDist, resolves, root } from '../helpers/dist.ts';
import { changesPage } from '../../src/views/web/changes.ts';
import { ChangeLogSchema } from '../../src/schemas/snapshot.ts';
import { plannedPageCount } from '../../src/views/web/routes.ts';

const site = getSite(root);

describe('the built site', () => {
  beforeAll(requireDist);

  it('holds as many pages and files as the build said it would write, besides public/ and the headers', () => {
    const written = distFiles().filter(
      (file) => !file.startsWith('/_astro/') && !['/_headers', '/favicon.svg', '/inbaddning/storlek.js'].includes(file),
    );
    expect(written.length).toBeGreaterThan(100);
    expect(written).toHaveLength(plannedPageCount(join(root, 'src/pages')));
  });

  it('keeps the address of a retired indicator, saying where its measure went', () => {
    for (const forbund of site.config.forbund) {
      const retired = page(`/${forbund.id}/indikator/forvarvsarbetande/`);
      expect(retired.querySelector('h1')?.textContent).toBe('Förvärvsarbetande 20–64 år visas inte längre');
      expect(retired.querySelector('main a')?.getAttribute('href')).toBe(
        `/${forbund.id}/indikator/bas-slutlig-sysselsattningsgrad/`,
      );
    }
  });

  it('has a start page, every indicator page, the open data and the statistics page for each förbund', () => {
    const files = distFiles();
    for (const forbund of site.config.forbund) {
      expect(files).toContain(`/${forbund.id}/index.html`);
      for (const indicator of forbundIndicators(forbund, site.config.indicators)) {
        for (const file of ['index.html', 'data.csv', 'data-excel.csv', 'diagram.svg', 'diagram.png'])
          expect(files).toContain(`/${forbund.id}/indikator/${indicator.id}/${file}`);
      }
    }
    for (const indicator of site.config.indicators) expect(files).toContain(`/data/${indicator.id}.csv`);
    expect(files).toEqual(
      expect.arrayContaining(['/data/catalog.json', '/om-statistiken/index.html', '/tillganglighet/index.html']),
    );
  });

  it('tells on Om statistiken when each source was fetched, its latest period and when the next is due', () => {
    const rows = [
      ...page('/om-statistiken/').querySelectorAll('section[aria-labelledby="uppdatering"] table tbody tr'),
    ].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual([
      'SCB TAB1386',
      '20 november 2026',
      'dec 2025',
      'omkring maj 2027 (källan publicerar två gånger om året)',
    ]);
    expect(rows.at(-1)?.[0]).toBe('Kommunerna (skolförvaltningarna): Ej behöriga till gymnasiet');
  });

  it('resolves every internal link and download', () => {
    const broken: string[] = [];
    for (const file of distFiles('.html')) {
      for (const url of linksOf(file))
        if (!url.startsWith('mailto:') && !resolves(url, file)) broken.push(`${file} -> ${url}`);
    }
    expect(broken).toEqual([]);
  });

  it('loads nothing from another host', () => {
    for (const file of distFiles('.html')) {
      const loaded = onPage(file, (document) =>
        [
          ...document.querySelectorAll('script[src], link[href]:not([rel="external"]), img[src], iframe, source[src]'),
        ].map((element) => element.getAttribute('src') ?? element.getAttribute('href') ?? ''),
      );
      expect(
        loaded.filter((url) => /^(https?:)?\/\//.test(url)),
        file,
      ).toEqual([]);
    }
  });

  it('tells the reader on every page when the numbers are an example', () => {
    expect(site.snapshot.meta.example).toBe(true);
    for (const file of distFiles('.html'))
      expect(
        onPage(file, (document) => document.querySelector('.example-banner, .example-mark, .embed-mark')?.textContent),
        file,
      ).toMatch(/Exempeldata – inte verkliga siffror|EXEMPELDATA|Delvis exempeldata/);
    expect(JSON.parse(readFileSync(join(dist, 'data/catalog.json'), 'utf8')).example).toBe(true);
  });

  it('shows in each indicator table exactly the derived measures', () => {
    for (const forbund of site.config.forbund) {
      for (const indicator of forbundIndicators(forbund, site.config.indicators)) {
        const view = site.view(forbund.id, indicator.id);
        const table = page(`/${forbund.id}/indikator/${indicator.id}/`).querySelector(
          'table.data-table',
        ) as HTMLTableElement;
        const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
        for (const summary of view.summaries) {
          const row = [...table.querySelectorAll('tbody tr')].find(
            (tr) => tr.querySelector('th')?.textContent === areaLabel(summary.area),
          );
          expect(row, `${forbund.id} ${indicator.id} ${summary.area.name}`).toBeDefined();
          const cells = [...(row as Element).querySelectorAll('td')].map((td) => td.textContent);
          for (const point of summary.series.slice(-3)) {
            const column = headers.indexOf(formatPeriod(point.period)) - 1;
            expect(cells[column], `${indicator.id} ${summary.area.name} ${point.period}`).toBe(
              cellText(indicator, point.value, point.status),
            );
          }
        }
      }
    }
  });

  it('publishes the förbund total of helårsekvivalenter as a ratio of sums', () => {
    const view = site.view('umearegionen', 'helarsekvivalenter');
    const total = view.summaries.find((summary) => summary.area.kind === 'forbund')!.latest!;
    expect(total.value).toBeCloseTo(((total.numerator as number) / (total.denominator as number)) * 100, 10);
    const members = view.summaries.filter((summary) => summary.area.kind === 'kommun');
    const sumNumerators = members.reduce((sum, member) => sum + (member.latest?.numerator ?? 0), 0);
    expect(total.numerator).toBeCloseTo(sumNumerators, 6);
  });

  it('compares with the members’ kommungrupper, each a ratio of sums over every kommun in the group, where the förbund asks for it', () => {
    const view = site.view('umearegionen', 'helarsekvivalenter');
    const groups = view.summaries.filter((summary) => summary.area.kind === 'group');
    const memberGroups = new Set(
      site.forbund('umearegionen').members.map((member) => site.config.registry.mustGet(member.code).kommungrupp),
    );
    expect(groups.map((summary) => summary.area.id.replace('kommungrupp-', '')).sort()).toEqual(
      [...memberGroups].sort(),
    );
    for (const group of groups) {
      const code = group.area.id.replace('kommungrupp-', '');
      const inGroup = site.config.registry.kommuner().filter((kommun) => kommun.kommungrupp === code);
      expect(group.area.kommuner).toEqual(inGroup.map((kommun) => kommun.code));
      const latest = group.latest!;
      expect(latest.value).toBeCloseTo(((latest.numerator as number) / (latest.denominator as number)) * 100, 10);
    }
    const ranking = page('/umearegionen/indikator/helarsekvivalenter/').querySelector('#jamforelse')?.textContent ?? '';
    for (const group of groups) expect(ranking).toContain(group.area.name);
    expect(
      site.view('uppsala-lan', 'helarsekvivalenter').summaries.some((summary) => summary.area.kind === 'group'),
    ).toBe(false);
    // A share from Kolada cannot be summed over a group, so no empty kommungrupp rows appear.
    expect(
      site.view('umearegionen', 'ekonomiskt-bistand-andel').summaries.some((summary) => summary.area.kind === 'group'),
    ).toBe(false);
    // The profile names the kommun's group and compares with it; a member of a förbund that does not compare has no such column.
    const umea = site.config.registry.mustGet('2480');
    const profile = page('/kommun/2480/');
    expect(profile.body.textContent).toContain(`tillhör SKR:s kommungrupp ${umea.kommungrupp}`);
    // Headings may carry soft hyphens (Kommun­gruppen) so that they wrap on a laptop.
    const unhyphenated = (th: Element) => th.textContent?.replace(/\u00ad/g, '');
    const headers = [...profile.querySelectorAll('table.data-table thead th')].map(unhyphenated);
    const row = [...profile.querySelectorAll('table.data-table tbody tr')].find(
      (tr) => tr.querySelector('th a')?.getAttribute('href') === '/umearegionen/indikator/helarsekvivalenter/',
    )!;
    const group = view.summaries.find((summary) => summary.area.id === kommungruppAreaId(umea.kommungrupp!));
    expect(row.querySelectorAll('td')[headers.indexOf('Kommungruppen') - 1]?.textContent).toBe(
      summaryText(view.indicator, group),
    );
    expect([...page('/kommun/0380/').querySelectorAll('thead th')].map(unhyphenated)).not.toContain('Kommungruppen');
  });

  it('names on the statistics page every SCB table the data comes from, pinned or found by search', () => {
    const text = page('/om-statistiken/').body.textContent ?? '';
    for (const table of site.config.sources.scb.tables) {
      const id = table.table ?? site.snapshot.meta.tables[table.dataset];
      expect(id, table.dataset).toBeDefined();
      expect(text).toContain(`${table.title}: ${id}`);
    }
  });

  it('offers Swedish-Excel and plain CSV of the page’s data', () => {
    const excel = readFileSync(join(dist, 'umearegionen/indikator/helarsekvivalenter/data-excel.csv'), 'utf8');
    const plain = readFileSync(join(dist, 'umearegionen/indikator/helarsekvivalenter/data.csv'), 'utf8');
    expect(
      excel.startsWith(
        '\uFEFFregion_code;region_name;period;sex;benefit;value;unit;status;change;verdict;source;example\r\n',
      ),
    ).toBe(true);
    expect(excel).toMatch(
      /\r\n2480;Umeå;2019;total;summa;\d+(,\d)?;percent;final;-?\d+(,\d)?;(improving|worsening|unchanged);"SCB, tabell TAB1386";true\r\n/,
    );
    expect(plain).toMatch(
      /\r\n2480,Umeå,2019,total,summa,\d+(\.\d)?,percent,final,-?\d+(\.\d)?,(improving|worsening|unchanged),"SCB, tabell TAB1386",true\r\n/,
    );
  });

  it('keeps open data complete and free of small counts', () => {
    const csv = readFileSync(join(dist, 'data/aktivitetsersattning-kartlaggning.csv'), 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('region_code,region_name,period,sex,value,unit,status,change,verdict,source,example');
    const values = csv.slice(1).map((line) => line.split(','));
    expect(values.some((cells) => cells[6] === 'suppressed' && cells[4] === '')).toBe(true);
    expect(values.filter((cells) => cells[4] !== '' && Number(cells[4]) > 0 && Number(cells[4]) < 5)).toEqual([]);
    const he = readFileSync(join(dist, 'data/helarsekvivalenter.csv'), 'utf8');
    expect(he).toMatch(/\r\n2403,Bjurholm,2025,men,etableringsersattning,/);
    expect(he).toMatch(/\r\n24,Västerbottens län,2025,total,summa,/);
  });

  it('states the small-count rule the same way in the legend and on Om statistiken: 1–4 hidden, 0 shown', () => {
    const legend = page('/kommun/2480/').querySelector('.table-note')?.textContent ?? '';
    const about = page('/om-statistiken/').body.textContent ?? '';
    for (const text of [legend, about]) {
      expect(text).toMatch(/1 till 4|1–4/);
      expect(text).toContain('0 visas som 0');
    }
  });

  it('marks every download as example data and names its source, the chart files visibly', () => {
    const svg = readFileSync(join(dist, 'umearegionen/indikator/helarsekvivalenter/diagram.svg'), 'utf8');
    // Well-formed XML, or an image program would refuse it.
    const document = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    const texts = [...document.querySelectorAll('svg > text')].map((text) => text.textContent);
    expect(texts).toEqual([
      'Försörjs av ersättningar över tid',
      'Källa: SCB, tabell TAB1386',
      'Exempeldata – inte verkliga siffror',
    ]);
    const png = readFileSync(join(dist, 'umearegionen/indikator/helarsekvivalenter/diagram.png'));
    // The PNG is the SVG file drawn: title, chart, source and mark, in the same proportions.
    const root = document.documentElement;
    const aspect = Number(root.getAttribute('height')) / Number(root.getAttribute('width'));
    expect(png.readUInt32BE(20) / png.readUInt32BE(16)).toBeCloseTo(aspect, 2);
    for (const file of distFiles('.csv'))
      expect(readFileSync(join(dist, file), 'utf8').split('\r\n')[0], file).toMatch(
        /,source,example$|;source;example$/,
      );
  });

  it('keeps each indicator page under 200 KB with its SVG, and ships at most 20 KB of JavaScript', () => {
    const pages = distFiles('.html').filter((name) => name.includes('/indikator/'));
    expect(pages.length).toBeGreaterThan(16);
    for (const file of pages) expect(statSync(join(dist, file)).size, file).toBeLessThanOrEqual(200 * 1024);
    const script = distFiles('.js').reduce((sum, file) => sum + statSync(join(dist, file)).size, 0);
    expect(script).toBeLessThanOrEqual(20 * 1024);
  });

  it('links initiatives and indicators both ways', () => {
    const initiatives = site.initiatives('umearegionen');
    expect(initiatives.length).toBeGreaterThan(0);
    for (const initiative of initiatives) {
      const detail = page(`/umearegionen/initiativ/${initiative.slug}/`);
      expect(detail.querySelector('h1')?.textContent).toBe(`${initiative.number}. ${initiative.name}`);
      for (const entry of initiative.indicators) {
        if (!('id' in entry)) continue;
        expect(
          detail.querySelector(`a[href="/umearegionen/indikator/${entry.id}/"]`),
          `${initiative.number} -> ${entry.id}`,
        ).not.toBeNull();
        expect(
          page(`/umearegionen/indikator/${entry.id}/`).querySelector(
            `a[href="/umearegionen/initiativ/${initiative.slug}/"]`,
          ),
          `${entry.id} -> ${initiative.number}`,
        ).not.toBeNull();
      }
    }
    const overview = page('/umearegionen/initiativ/');
    expect(overview.querySelectorAll('tbody tr')).toHaveLength(initiatives.length);
    expect(page('/umearegionen/initiativ/status/under-start/').querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('keeps initiative pages under 200 KB too', () => {
    for (const file of distFiles('.html').filter((name) => name.includes('/initiativ/')))
      expect(statSync(join(dist, file)).size, file).toBeLessThanOrEqual(200 * 1024);
  });
});

describe('the words and ranks around the numbers', () => {
  beforeAll(requireDist);
  /** Each row of the page's tables as {column heading: cell text}. */
  const rows = (url: string) =>
    [...page(url).querySelectorAll('table.data-table')].flatMap((table) => {
      const headings = [...table.querySelectorAll('thead th')].map((cell) => cell.textContent?.trim() ?? '');
      return [...table.querySelectorAll('tbody tr')].map((row) =>
        Object.fromEntries(
          [...row.querySelectorAll('th, td')].map((cell, index) => [headings[index], cell.textContent?.trim() ?? '']),
        ),
      );
    });

  it('gives an indicator without a desired direction no verdict and no rank', () => {
    const table = rows('/umearegionen/indikator/befolkning-20-64/');
    expect(table.length).toBeGreaterThan(6);
    for (const row of table) {
      // The 2024→2025 change crosses the Cell Key break: not judged, and said to cross it.
      expect(row['Bedömning']).toBe('○\u00a0bedöms inte (brott i serien)');
      expect(row['Placering (1 = bäst)']).toBe('');
    }
    expect(page('/umearegionen/indikator/befolkning-20-64/').body.textContent).not.toMatch(/oförändrad, \d/);
  });

  it('keeps the förbund in view on the site-wide pages reached from it, each with one canonical address', () => {
    const indicator = page('/umearegionen/indikator/ohalsotal/');
    const links = [...indicator.querySelectorAll('header a, footer a')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(
      expect.arrayContaining([
        '/umearegionen/om-statistiken/',
        '/umearegionen/data/',
        '/umearegionen/andringar/',
        '/umearegionen/tillganglighet/',
      ]),
    );
    for (const name of ['om-statistiken', 'data', 'andringar', 'tillganglighet']) {
      const copy = page(`/umearegionen/${name}/`);
      expect(copy.querySelector('.site-name')?.textContent).toBe('Samordningsförbundet Umeåregionen');
      expect(copy.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`/${name}/`);
      expect(page(`/${name}/`).querySelector('link[rel="canonical"]')).toBeNull();
      expect(copy.querySelector('h1')?.textContent).toBe(page(`/${name}/`).querySelector('h1')?.textContent);
    }
  });

  it('shows no unfilled {placeholder} of sv.json on any page', () => {
    const unfilled: string[] = [];
    const pages = distFiles('.html');
    expect(pages.length).toBeGreaterThan(500);
    // The page's text without its markup: parsing 600 pages in jsdom took over a minute on a busy runner.
    for (const file of pages) {
      const text = readFileSync(join(dist, file), 'utf8')
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
        .replace(/<[^>]*>/g, ' ');
      for (const match of text.matchAll(/\{[a-zA-Z]+\}/g)) unfilled.push(`${file}: ${match[0]}`);
    }
    expect(unfilled).toEqual([]);
  });

  it('answers a wrong address in Swedish with links back, and tells one rhythm per source', () => {
    const missing = page('/404.html');
    expect(missing.querySelector('h1')?.textContent).toBe('Sidan finns inte');
    const links = [...missing.querySelectorAll('main a')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['/umearegionen/', '/uppsala-lan/', '/om-statistiken/', '/data/']));
    const about = page('/om-statistiken/').body.textContent ?? '';
    expect(about).toContain('SCB TAB1386 två gånger om året');
    // The publisher and its licence are credited, not the account that recorded a response.
    expect(about).toContain('Källa: SCB, fria att använda enligt CC0');
    expect(about).not.toMatch(/atlas290|aniisabihi/);
    expect(page('/umearegionen/indikator/helarsekvivalenter/').body.textContent).toContain(
      '(källan publicerar två gånger om året)',
    );
  });

  it('opens a kommun profile with its tally and the indicators that got better or worse, linked', () => {
    const profile = page('/kommun/2460/');
    expect(profile.querySelector('.tally')?.textContent).toMatch(
      /^Kommunens 10 indikatorer i överenskommelsen, mot året innan: förbättring \d+, försämring \d+, oförändrat \d+, kan inte jämföras \d+\.$/,
    );
    const lists = [...profile.querySelectorAll('.key-messages p:not(.tally)')].map((list) => list.textContent ?? '');
    expect(lists[0]).toMatch(/^✓ Förbättrades: /);
    expect(lists[1]).toMatch(/^✗ Försämrades: /);
    // The lists name exactly the indicators the tally counts.
    const tally = profile.querySelector('.tally')?.textContent ?? '';
    const links = (index: number) =>
      profile.querySelectorAll('.key-messages p:not(.tally)')[index]!.querySelectorAll('a');
    expect(links(0).length).toBe(Number(/förbättring (\d+)/.exec(tally)?.[1]));
    expect(links(1).length).toBe(Number(/försämring (\d+)/.exec(tally)?.[1]));
    expect(profile.querySelectorAll('.key-messages a[href^="/umearegionen/indikator/"]').length).toBeGreaterThan(0);
    // The population change crosses the Cell Key break, and the profile's table says so.
    const population = [...profile.querySelectorAll('tbody tr')].find((row) =>
      row.querySelector('th')?.textContent?.startsWith('Folkmängd'),
    );
    expect(population?.textContent).toContain('(brott i serien)');
  });

  it('opens the förbund page with the tally, a finding and a small chart per goal, and links every indicator', () => {
    const start = page('/umearegionen/');
    expect(start.querySelector('h2')?.textContent).toBe('I korthet');
    const items = [...start.querySelectorAll('.key-list > li')];
    expect(items).toHaveLength(10);
    for (const item of items) {
      expect(item.querySelector('h3 a')?.getAttribute('href')).toMatch(/^\/umearegionen\/indikator\/[a-z0-9-]+\/$/);
      // The symbol for the eye, its word for a screen reader, then the finding.
      expect(item.querySelector('p')?.textContent).toMatch(
        /^(✓förbättring|✗försämring|●oförändrat|–uppgift saknas) (Förbundet|Medlemmarna)/,
      );
    }
    expect(items.filter((item) => item.querySelector('svg')).length).toBeGreaterThanOrEqual(9);
    const linked = [...start.querySelectorAll('.all-indicators a')].map((link) => link.getAttribute('href'));
    expect(new Set(linked).size).toBe(site.config.indicators.length);
  });

  it('says under a profile chart when its axis does not start at zero', () => {
    const caption = (id: string) => page('/kommun/2460/').querySelector(`#liten-${id}-caption`)?.textContent ?? '';
    // Participation moves within 85–88 %: the axis starts near the values, and the caption says so.
    expect(caption('bas-arbetskraftsdeltagande')).toMatch(/Axeln börjar inte vid noll\.$/);
    expect(caption('helarsekvivalenter')).toMatch(/^Vännäs: 8,6/);
    expect(caption('helarsekvivalenter')).not.toMatch(/noll/);
  });

  it('ranks no member where one is protected, since the list would be incomplete', () => {
    let cases = 0;
    for (const forbund of site.config.forbund)
      for (const indicator of site.config.indicators) {
        const view = site.view(forbund.id, indicator.id);
        const members = view.summaries.filter((summary) => summary.area.kind === 'kommun');
        if (!members.some((summary) => summary.latest?.status === 'suppressed')) continue;
        cases++;
        expect(
          members.every((summary) => summary.rank === null),
          `${forbund.id} ${indicator.id}`,
        ).toBe(true);
      }
    expect(cases).toBeGreaterThan(0);
  });

  it('compares counts among members only, never with a kommungrupp total', () => {
    const counts = site.config.indicators.filter((indicator) => indicator.measure.kind === 'value');
    expect(counts.length).toBeGreaterThan(0);
    for (const indicator of counts)
      expect(site.view('umearegionen', indicator.id).summaries.some((summary) => summary.area.kind === 'group')).toBe(
        false,
      );
  });

  it('opens with what the members show where the förbund has no figure, the reason in a note under it', () => {
    // Kaa: four members' counts are protected, so the förbund's sum is withheld.
    const kaa = page('/umearegionen/indikator/kaa-utan-sysselsattning/');
    expect(kaa.querySelector('.lead')?.textContent).toMatch(
      /^Av medlemmarnas visade värden \d{4} är det lägsta \d+ \(.+\) och det högsta \d+ \(.+\); \d medlemmar har skyddade/,
    );
    expect(kaa.querySelector('.lead-note')?.textContent).toMatch(/^Förbundets värde räknas inte: en eller flera/);
    // Ekonomiskt bistånd is weighed by Kolada's own denominator: a finding, no note.
    const bistand = page('/umearegionen/indikator/ekonomiskt-bistand-andel/');
    expect(bistand.querySelector('.lead')?.textContent).toMatch(/^Andelen invånare som fått ekonomiskt bistånd i Sam/);
    expect(bistand.querySelector('.lead-note')).toBeNull();
    expect([...bistand.querySelectorAll('.table-note')].map((note) => note.textContent)).toContain(
      'Förbundets värde är beräknat av Lägesbild, inte publicerat av källan: medlemmarnas värden från Kolada (RKA), ' +
        'nyckeltal N31807, vägda med invånarna den 31 december (Kolada N01951), Koladas egen nämnare för N31807.',
    );
  });

  it('weighs a rate published per kommun into the förbund’s own figure, and says who computed it', () => {
    const weighted = page('/umearegionen/indikator/ohalsotal/');
    expect(weighted.querySelector('.lead')?.textContent).toMatch(
      /^Ohälsotalet i Samordningsförbundet Umeåregionen (ökade|minskade) från \d+,\d till \d+,\d /,
    );
    expect(weighted.querySelector('.lead-note')).toBeNull();
    const notes = [...weighted.querySelectorAll('.table-note')].map((note) => note.textContent ?? '');
    expect(notes).toContain(
      'Förbundets värde är beräknat av Lägesbild, inte publicerat av källan: medlemmarnas värden från Kolada (RKA), ' +
        'nyckeltal N00957, vägda med befolkningen 15–64 år (SCB). Kolada delar med de registrerade försäkrade ' +
        '16–64 år; SCB:s femårsgrupper från 2025 ger närmast befolkningen 15–64 år.',
    );
    const csv = readFileSync(join(dist, 'umearegionen/indikator/ohalsotal/data.csv'), 'utf8');
    expect(csv).toMatch(/\r\nforbund:umearegionen,[^\r]*"Förbundets värde är beräknat av Lägesbild/);
    expect(csv).not.toMatch(/\r\nforbund:umearegionen,[^\r]*"Kolada \(RKA\), nyckeltal N00957",/);
    // A förbund of a whole län takes the publisher's own län figure.
    const whole = page('/uppsala-lan/indikator/ohalsotal/');
    expect([...whole.querySelectorAll('.table-note')].map((note) => note.textContent)).toContain(
      'Förbundets värde är källans eget värde för Uppsala län, som har samma kommuner som förbundet: ' +
        'Kolada (RKA), nyckeltal N00957.',
    );
  });

  it('never calls the lowest shown member the lowest when smaller values are hidden', () => {
    const document = page('/umearegionen/indikator/kaa-utan-sysselsattning/');
    const text = document.querySelector('.lead')?.textContent ?? '';
    expect(text).toMatch(
      /^Av medlemmarnas visade värden \d{4} är det lägsta .+; \d+ medlemmar har skyddade värden som inte visas\./,
    );
    expect(text).not.toMatch(/ lägst i /);
    expect(document.querySelector('.lead-note')?.textContent).toMatch(
      /^Förbundets värde räknas inte: en eller flera av medlemmarnas uppgifter är skyddade/,
    );
  });

  it('lists in the catalogue the very periods of each open-data file', () => {
    const catalog = JSON.parse(readFileSync(join(dist, 'data/catalog.json'), 'utf8')) as {
      indicators: { id: string; first_period: string; last_period: string }[];
    };
    for (const entry of catalog.indicators) {
      const periods = readFileSync(join(dist, `data/${entry.id}.csv`), 'utf8')
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[2] ?? '')
        .sort();
      expect([entry.first_period, entry.last_period], entry.id).toEqual([periods[0], periods.at(-1)]);
    }
  });
});

describe('what is new', () => {
  it('tells, by indicator, the new periods and the values revised since the last update', () => {
    const log = {
      comparedWith: { inputsSha256: 'a', retrievedAt: '2026-10-20T06:00:00Z' },
      inputsSha256: 'b',
      retrievedAt: '2026-11-20T06:00:00Z',
      datasets: [
        {
          dataset: 'he',
          change: 'changed' as const,
          newPeriods: ['2026M01', '2026M02'],
          revised: 1,
          revisions: [{ region: '2480', sex: 'total', breakdown: '', period: '2025M10', from: 1100, to: 1123 }],
        },
      ],
      tables: [],
    };
    const page = changesPage(site, log);
    expect(page.lead).toContain('jämfördes med förra uppdateringen (hämtad 20 oktober 2026)');
    const item = page.items.find((entry) =>
      entry.indicators.some((indicator) => indicator.href === '/umearegionen/indikator/helarsekvivalenter/'),
    )!;
    // A rate's revised counts are called its underlag, and the region is named.
    expect(item.lines).toEqual([
      'Nya perioder: jan 2026–feb 2026.',
      'Ett antal i underlaget har reviderats av källan: Umeå okt 2025: 1\u00a0100 → 1\u00a0123. Andelarna räknas om ur det.',
    ]);
    expect(
      ChangeLogSchema.parse(JSON.parse(readFileSync(join(dist, 'data/andringar.json'), 'utf8')).changes),
    ).toBeTruthy();
    expect(
      page.items.some((entry) => entry.indicators.some((indicator) => indicator.title.startsWith('Ekonomiskt'))),
    ).toBe(false);
  });

  it('writes both values of a revision alike, so a whole number keeps its decimal beside a fraction', () => {
    const page = changesPage(site, {
      comparedWith: { inputsSha256: 'a', retrievedAt: '2026-10-20T06:00:00Z' },
      inputsSha256: 'b',
      retrievedAt: '2026-11-20T06:00:00Z',
      datasets: [
        {
          dataset: 'ohalsotal',
          change: 'changed' as const,
          newPeriods: [],
          revised: 1,
          revisions: [{ region: '00', sex: 'men', breakdown: '', period: '2015', from: 27.6, to: 28 }],
        },
      ],
      tables: [],
    });
    expect(page.items.flatMap((item) => item.lines).join(' ')).toContain('27,6 → 28,0');
  });

  it('tells indicators made from the same data once, and a comparison with the same day as such', () => {
    const change = {
      dataset: 'bas-slutlig',
      change: 'changed' as const,
      newPeriods: [],
      revised: 2,
      revisions: [
        { region: '00', sex: 'men', breakdown: 'age=20-64&status=arbetslosa', period: '2020', from: 5, to: 6 },
      ],
    };
    const sameDay = { inputsSha256: 'a', retrievedAt: '2026-11-20T05:00:00Z' };
    const page = changesPage(site, {
      comparedWith: sameDay,
      inputsSha256: 'b',
      retrievedAt: '2026-11-20T06:00:00Z',
      datasets: [change],
      tables: [],
    });
    expect(page.lead).toBe('Statistiken hämtades 20 november 2026 och jämfördes med en tidigare hämtning samma dag.');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.indicators.map((indicator) => indicator.title)).toEqual([
      'Sysselsättningsgrad, slutlig årsuppgift (BAS)',
      'Arbetslöshet, slutlig årsuppgift (BAS)',
    ]);
    expect(page.items[0]?.lines[0]).toContain('Riket 2020 (män, 20–64 år, arbetslosa): 5 → 6');
  });
});

describe('a page with a member highlighted', () => {
  it('captions the trend chart with the highlighted kommun, not the förbund', () => {
    const caption = page('/umearegionen/indikator/helarsekvivalenter/2460/').querySelector('#tidsserie-caption');
    expect(caption?.textContent).toMatch(/^Andelen 20–64 år som försörjs av ersättningar och bidrag i Vännäs /);
    const plain = page('/umearegionen/indikator/helarsekvivalenter/').querySelector('#tidsserie-caption');
    expect(plain?.textContent).toMatch(
      /^Andelen 20–64 år som försörjs av ersättningar och bidrag i Samordningsförbundet Umeåregionen /,
    );
  });
});

describe('Liknande kommuner', () => {
  const section = (document: Document) => document.querySelector('section[aria-labelledby="liknande-rubrik"]');

  it('sets a member beside Kolada’s peers on its indicator page, never on the förbund’s', () => {
    const member = section(page('/umearegionen/indikator/bas-arbetsloshet/2480/'));
    expect(member?.querySelector('caption')?.textContent).toMatch(/^Arbetslöshet: Umeå och liknande kommuner \d{4}$/);
    const names = [...member!.querySelectorAll('tbody th')].map((cell) => cell.textContent?.trim());
    expect(names).toHaveLength(9);
    expect(names[0]).toBe('Umeå');
    expect(names.at(-1)).toBe('Median för de liknande kommunerna');
    expect(new Set(names.slice(1, -1))).toEqual(
      new Set(['Nacka', 'Linköping', 'Jönköping', 'Mölndal', 'Falun', 'Östersund', 'Luleå']),
    );
    expect(member?.textContent).toContain('Liknande kommuner arbetsmarknad, Umeå, 2024 (Källa: Kolada)');
    expect(member?.textContent).toContain('värdena är till största delen exempeldata');
    expect(section(page('/umearegionen/indikator/bas-arbetsloshet/'))).toBeNull();
    // A count is never set beside other kommuner.
    expect(section(page('/umearegionen/indikator/aktivitetsersattning-kartlaggning/2480/'))).toBeNull();
  });

  it('lists on the profile each indicator of an area with the group it is compared with', () => {
    const profile = section(page('/kommun/2480/'));
    const rows = [...profile!.querySelectorAll('tbody tr')].map((row) => row.textContent ?? '');
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.find((row) => row.startsWith('Fått ekonomiskt bistånd'))).toContain(
      'Liknande kommuner ekonomiskt bistånd 2023',
    );
    expect(rows.find((row) => row.startsWith('Arbetslöshet'))).toContain('Liknande kommuner arbetsmarknad 2024');
    expect(profile?.textContent).not.toMatch(/Ohälsotal|Folkmängd/);
  });

  it('gives the deck a slide with the same figures and a headline that counts them', () => {
    const deck = page('/dialog/2480/');
    const slide = [...deck.querySelectorAll('section.slide')].find(
      (candidate) => candidate.querySelector('.kicker')?.textContent?.trim() === 'Liknande kommuner',
    );
    expect(slide?.querySelector('h2')?.textContent).toMatch(/^Umeå ligger (bättre|sämre|i nivå)/);
    expect(slide?.querySelectorAll('tbody tr').length).toBeGreaterThanOrEqual(4);
  });
});

describe('the comparison files a reader’s added kommun is drawn from', () => {
  it('hold exactly the open data’s kommun rows of the headline series, total, and are a fraction of its size', () => {
    const read = (path: string) =>
      Papa.parse<Record<string, string>>(readFileSync(join(dist, path), 'utf8'), { header: true, skipEmptyLines: true })
        .data;
    const open = read('data/helarsekvivalenter.csv').filter(
      (row) => /^\d{4}$/.test(row['region_code']!) && row['sex'] === 'total' && row['benefit'] === 'summa',
    );
    const comparison = read('data/jamforelse/helarsekvivalenter.csv');
    expect(comparison.length).toBeGreaterThan(290 * 5);
    expect(comparison.map(({ shown: _shown, ...row }) => row)).toEqual(open);
    // Each row carries its cell as the page's own table writes it: the script formats nothing.
    const shown = new Map(comparison.map((row) => [`${row['region_name']}|${row['period']}`, row['shown']]));
    const table = page('/umearegionen/indikator/helarsekvivalenter/').querySelector('main table.data-table')!;
    const years = [...table.querySelectorAll('thead th')].map((cell) => cell.textContent!.trim());
    let compared = 0;
    for (const row of table.querySelectorAll('tbody tr')) {
      const name = row.querySelector('th')!.textContent!.trim();
      [...row.querySelectorAll('td')].forEach((cell, index) => {
        const want = shown.get(`${name}|${years[index + 1]}`);
        if (want === undefined) return;
        expect(cell.textContent!.trim(), `${name} ${years[index + 1]}`).toBe(want);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(6 * 5);
    const size = (path: string) => statSync(join(dist, path)).size;
    expect(size('data/jamforelse/helarsekvivalenter.csv')).toBeLessThan(size('data/helarsekvivalenter.csv') / 10);
    // Counts are never compared, so they get no file.
    expect(existsSync(join(dist, 'data/jamforelse/aktivitetsersattning-kartlaggning.csv'))).toBe(false);
  });
});

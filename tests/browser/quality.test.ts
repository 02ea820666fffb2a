import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSession, headersFor } from '../helpers/browser.ts';
import { dist, distFiles, onPage } from '../helpers/dist.ts';
import { axeViolations, cspProblems, foreignLoads, validateHtml } from '../helpers/gates.ts';

/** One page of each type; the html-validate and CSP gates below cover every page. */
const PAGE_TYPES = {
  start: '/umearegionen/',
  indicator: '/uppsala-lan/indikator/helarsekvivalenter/',
  'indicator, kommun highlighted': '/uppsala-lan/indikator/bas-arbetskraftsdeltagande/0319/',
  'indicator (export)': '/umearegionen/indikator/aktivitetsersattning-kartlaggning/',
  'kommun profile': '/kommun/0319/',
  'dialogue pack': '/dialog/2403/',
  statistics: '/om-statistiken/',
  accessibility: '/tillganglighet/',
  'open data': '/data/',
  'what is new': '/andringar/',
  initiatives: '/umearegionen/initiativ/',
  initiative: '/umearegionen/initiativ/01/',
  embed: '/inbaddning/umearegionen/helarsekvivalenter/',
  'screen playlist': '/umearegionen/visning/',
  'initiatives by state': '/umearegionen/initiativ/status/under-start/',
  home: '/',
};

const session = browserSession();

describe('accessibility (axe-core in Chromium)', () => {
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    it(`${type} has no WCAG 2.1 AA violations`, async () => {
      expect(await axeViolations(session.browser, `${session.origin}${path}`)).toEqual([]);
    });
  }

  it('is usable by keyboard: the skip link comes first and focus is visible', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}/umearegionen/indikator/helarsekvivalenter/`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      outline: getComputedStyle(document.activeElement as Element).outlineStyle,
      left: (document.activeElement as HTMLElement).getBoundingClientRect().left,
    }));
    expect(first.text).toBe('Hoppa till innehållet');
    expect(first.outline).not.toBe('none');
    expect(first.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('innehall');
    await page.close();
  });
});

describe('security and integrity', () => {
  it('every page carries a CSP without unsafe-inline or unsafe-eval for scripts', () => {
    for (const file of distFiles('.html')) expect(onPage(file, cspProblems), file).toEqual([]);
  });

  it('sends the pages’ policy as a header too, with framing, browser features and HTTPS pinned', () => {
    const headers = headersFor(readFileSync(join(dist, '_headers'), 'utf8'), '/umearegionen/');
    const policy = headers['content-security-policy'] ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    for (const file of distFiles('.html')) {
      const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(
        readFileSync(join(dist, file), 'utf8'),
      )?.[1];
      for (const hash of meta?.match(/'sha256-[^']+'/g) ?? []) expect(policy, file).toContain(hash);
    }
    expect(headers['permissions-policy']).toBe(
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)',
    );
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d{8}/);
  });

  it('no page loads anything from another host, and no inline style attributes remain', () => {
    for (const file of distFiles('.html')) {
      const html = readFileSync(join(dist, file), 'utf8');
      expect(onPage(file, foreignLoads), file).toEqual([]);
      expect(html, file).not.toMatch(/\sstyle="/);
    }
  });

  it('renders every page type under its CSP with no violation and no third-party request', async () => {
    for (const path of Object.values(PAGE_TYPES)) {
      const page = await session.browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(`${path}: ${message.text()}`));
      page.on(
        'request',
        (request) => !request.url().startsWith(session.origin) && problems.push(`${path}: ${request.url()}`),
      );
      await page.goto(`${session.origin}${path}`);
      expect(problems).toEqual([]);
      expect(await page.context().cookies()).toEqual([]);
      await page.close();
    }
  });

  it('every built page passes html-validate', async () => {
    const problems: string[] = [];
    for (const file of distFiles('.html'))
      problems.push(...(await validateHtml(readFileSync(join(dist, file), 'utf8'), file, join(dist, file))));
    expect(problems).toEqual([]);
  });
});

describe('print', () => {
  it('prints start, profile and indicator pages on A4 without cutting anything off at the side, and without navigation', async () => {
    const page = await session.browser.newPage({ viewport: { width: 718, height: 1000 } });
    await page.emulateMedia({ media: 'print' });
    for (const path of ['/umearegionen/', '/kommun/2460/', '/umearegionen/indikator/helarsekvivalenter/']) {
      await page.goto(`${session.origin}${path}`);
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        navigationShown: getComputedStyle(document.querySelector('.site-header nav') as Element).display !== 'none',
      }));
      expect(layout.scrollWidth, path).toBeLessThanOrEqual(718);
      expect(layout.navigationShown).toBe(false);
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
    await page.close();
  });

  it('prints a profile on few pages, its small charts two a row', async () => {
    const page = await session.browser.newPage({ viewport: { width: 718, height: 1000 } });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${session.origin}/kommun/2460/`);
    const columns = await page.$eval(
      '.multiples',
      (grid) => getComputedStyle(grid).gridTemplateColumns.split(' ').length,
    );
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    await page.close();
    expect(columns).toBe(2);
    // A table page, Liknande kommuner, the expected value and the 19 small charts on two a row: seven
    // pages (one a row printed eight before the last two sections came).
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeLessThanOrEqual(7);
  });
});

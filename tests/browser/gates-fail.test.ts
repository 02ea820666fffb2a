import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDist } from '../helpers/browser.ts';
import { dist, page, requireDist, resolves } from '../helpers/dist.ts';
import { axeViolations, cspProblems, foreignLoads, validateHtml } from '../helpers/gates.ts';

/** A copy of a real page with three defects planted: an image without alt text, an external script, a dead link. */
let site: string;
let browser: Browser;
let server: Server;
let origin: string;

beforeAll(async () => {
  requireDist();
  site = mkdtempSync(join(tmpdir(), 'broken-'));
  cpSync(dist, site, { recursive: true });
  const good = page('/om-statistiken/');
  const main = good.querySelector('main') as HTMLElement;
  main.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><a href="/finns-inte/">Död länk</a>');
  good.head.insertAdjacentHTML('beforeend', '<script src="https://cdn.example.com/analytics.js"></script>');
  good
    .querySelector('meta[http-equiv="content-security-policy"]')
    ?.setAttribute('content', "default-src 'self'; script-src 'self' 'unsafe-inline'");
  mkdirSync(join(site, 'trasig'), { recursive: true });
  writeFileSync(join(site, 'trasig/index.html'), `<!DOCTYPE html>${good.documentElement.outerHTML}`);
  ({ server, origin } = await serveDist(site));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('a deliberately broken page fails the gates', () => {
  it('axe reports the image without alt text', async () => {
    expect(await axeViolations(browser, `${origin}/trasig/`)).toContain('image-alt: img');
  });

  it('the third-party check reports the external script', () => {
    expect(foreignLoads(page('/trasig/', site))).toEqual(['https://cdn.example.com/analytics.js']);
  });

  it('the CSP check reports unsafe-inline for scripts and what it does not deny', () => {
    expect(cspProblems(page('/trasig/', site))).toEqual([
      "script-src tillåter 'unsafe-inline'",
      "saknar default-src 'none'",
      "saknar base-uri 'none'",
      "saknar form-action 'none'",
      "saknar require-trusted-types-for 'script'",
    ]);
  });

  it('the link check reports the dead link', () => {
    const links = [...page('/trasig/', site).querySelectorAll('a[href]')].map(
      (link) => link.getAttribute('href') as string,
    );
    expect(links.filter((href) => !href.startsWith('mailto:') && !resolves(href, '/trasig/', site))).toEqual([
      '/finns-inte/',
    ]);
  });

  it('html-validate reports the missing alt text', async () => {
    const { readFileSync } = await import('node:fs');
    const problems = await validateHtml(
      readFileSync(join(site, 'trasig/index.html'), 'utf8'),
      '/trasig/index.html',
      join(dist, 'trasig.html'),
    );
    expect(problems.some((problem) => problem.includes('wcag/h37'))).toBe(true);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDist } from '../helpers/browser.ts';
import { requireDist, root } from '../helpers/dist.ts';
import { getSite } from '../../src/views/model/site.ts';

const artifacts = join(root, 'tests/artifacts');
const site = getSite(root);
const codes = site.members().map((member) => member.code);

let browser: Browser;
let server: Server;
let origin: string;

beforeAll(async () => {
  requireDist();
  mkdirSync(artifacts, { recursive: true });
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(
  path: string,
  viewport = { width: 1920, height: 1080 },
): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => !request.url().startsWith(origin) && foreign.push(request.url()));
  await page.goto(`${origin}${path}`);
  return { page, errors, foreign };
}

/**
 * Elements whose box leaves the current slide's box, the slide's body running into its footer
 * (more than a pixel of rounding), or the footer's example mark or slide number broken over lines.
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const slide = document.querySelector('section.slide.current') as HTMLElement;
    const box = slide.getBoundingClientRect();
    const footerTop = slide.querySelector('.slide-footer')?.getBoundingClientRect().top ?? box.bottom;
    const out: string[] = [];
    if (box.bottom > window.innerHeight + 1 || box.right > window.innerWidth + 1)
      out.push(`slide ${slide.id} larger than the window`);
    for (const element of slide.querySelectorAll<HTMLElement | SVGElement>(
      'h1, h2, h3, p, li, th, td, svg.chart, figcaption, .slide-footer, .kicker',
    )) {
      if (element.closest('.notes, .visually-hidden')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const bottom = element.closest('.slide-footer') ? box.bottom : footerTop;
      if (rect.left < box.left - 1 || rect.right > box.right + 1 || rect.top < box.top - 1 || rect.bottom > bottom + 1)
        out.push(`${slide.id} ${element.tagName} "${(element.textContent ?? '').slice(0, 40)}"`);
    }
    for (const element of slide.querySelectorAll<HTMLElement>(
      '.slide-footer > .slide-number, .slide-footer > .example-mark',
    )) {
      if (element.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(element).fontSize))
        out.push(`${slide.id} "${element.textContent}" on more than one line`);
    }
    return out;
  });
}

describe('dialogue decks in Chromium', () => {
  it('load without console errors or requests to other hosts', async () => {
    for (const code of codes) {
      const { page, errors, foreign } = await open(`/dialog/${code}/`);
      expect(errors, code).toEqual([]);
      expect(foreign, code).toEqual([]);
      await page.close();
    }
  });

  it('move with the presenter’s keys and put each slide in the URL', async () => {
    const { page } = await open('/dialog/2460/');
    const current = () =>
      page.evaluate(() => ({
        id: document.querySelector('section.slide.current')?.id,
        hash: location.hash,
        visible: document.querySelectorAll('section.slide:not([hidden])').length,
      }));
    expect(await current()).toEqual({ id: 'bild-1', hash: '#bild-1', visible: 1 });
    await page.keyboard.press('ArrowRight');
    expect((await current()).hash).toBe('#bild-2');
    await page.keyboard.press('Space');
    await page.keyboard.press('PageDown');
    expect((await current()).id).toBe('bild-4');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    expect((await current()).id).toBe('bild-2');
    await page.keyboard.press('End');
    const last = await page.evaluate(() => document.querySelectorAll('section.slide').length);
    expect((await current()).id).toBe(`bild-${last}`);
    await page.keyboard.press('Home');
    expect((await current()).id).toBe('bild-1');
    await page.keyboard.press('5');
    await page.waitForFunction(() => location.hash === '#bild-5');
    await page.keyboard.press('1');
    await page.keyboard.press('0');
    await page.waitForFunction(() => location.hash === '#bild-10');
    await page.close();
  });

  it('moves with on-screen buttons, a click or tap on the slide and a swipe; Enter on a link follows it', async () => {
    const { page } = await open('/dialog/2460/');
    const id = () => page.evaluate(() => document.querySelector('section.slide.current')?.id);
    await page.getByRole('button', { name: 'Nästa →' }).click();
    expect(await id()).toBe('bild-2');
    await page.getByRole('button', { name: '← Föregående' }).click();
    expect(await id()).toBe('bild-1');
    await page.click('section.slide.current h1');
    expect(await id()).toBe('bild-2');
    // A swipe to the left turns forward, and is not also a click.
    await page.mouse.move(1500, 500);
    await page.mouse.down();
    await page.mouse.move(1300, 510, { steps: 5 });
    await page.mouse.up();
    expect(await id()).toBe('bild-3');
    await page.getByRole('button', { name: '? Tangenter' }).click();
    expect(await page.locator('#tangenter').isVisible()).toBe(true);
    expect(await page.locator('#tangenter').textContent()).toContain('Klick eller tryck');
    // The profile link sits off-screen until focused; Enter follows it instead of turning the slide.
    await page.focus('.deck-links a');
    await Promise.all([page.waitForURL('**/kommun/2460/'), page.keyboard.press('Enter')]);
    await page.close();
  });

  it('opens a link at its slide', async () => {
    const { page } = await open('/dialog/0380/#bild-3');
    expect(await page.evaluate(() => document.querySelector('section.slide.current')?.id)).toBe('bild-3');
    await page.close();
  });

  // 16:9 at 1080p and 4K, 16:10 and 4:3 projectors: the slide is sized from itself, never the window.
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
    { width: 1920, height: 1200 },
    { width: 1024, height: 768 },
    { width: 1280, height: 1024 },
  ]) {
    it(`overflows nothing at ${viewport.width}×${viewport.height}`, async () => {
      const problems: string[] = [];
      // Every member's dialogue deck, and each förbund's screen playlist.
      const decks = [...codes, ...site.config.forbund.map((forbund) => forbund.id)];
      for (const code of decks) {
        const { page } = await open(/^\d{4}$/.test(code) ? `/dialog/${code}/` : `/${code}/visning/`, viewport);
        const count = await page.evaluate(() => document.querySelectorAll('section.slide').length);
        for (let index = 1; index <= count; index++) {
          await page.evaluate((n) => (location.hash = `#bild-${n}`), index);
          await page.waitForFunction((n) => document.querySelector('section.slide.current')?.id === `bild-${n}`, index);
          problems.push(...(await overflowing(page)));
          const scrolls = await page.evaluate(
            () =>
              document.documentElement.scrollHeight > window.innerHeight ||
              document.documentElement.scrollWidth > window.innerWidth,
          );
          if (scrolls) problems.push(`${code} bild-${index} scrolls`);
          if (code === codes[1])
            await page.screenshot({ path: join(artifacts, `dialog-${code}-${index}-${viewport.width}.png`) });
        }
        await page.close();
      }
      expect(problems).toEqual([]);
      // Every slide of every deck (14 × 23 here): a minute on a busy 2-core machine at 4K.
    }, 180_000);
  }

  it('keeps body text at least 3 % of the slide height', async () => {
    const { page } = await open('/dialog/2460/#bild-5');
    const smallest = await page.evaluate(() => {
      const slide = document.querySelector('section.slide.current') as HTMLElement;
      const height = slide.getBoundingClientRect().height;
      const sizes = [...slide.querySelectorAll('p, li, td, th, footer span')]
        .filter((element) => !element.closest('.notes, .visually-hidden'))
        .map((element) => parseFloat(getComputedStyle(element).fontSize));
      return Math.min(...sizes) / height;
    });
    expect(smallest).toBeGreaterThanOrEqual(0.03);
    await page.close();
  });

  it('keeps to its own host when reached at //dialog/… (a server that merges slashes serves it)', async () => {
    const { page, errors } = await open('//dialog/2460/');
    await page.locator('section.slide.current').waitFor();
    // The controller marks the first slide in the address once it listens; a key before that is lost.
    await page.waitForURL(/#bild-1$/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toMatch(/\/\/dialog\/2460\/#bild-2$/);
    expect(new URL(page.url()).origin).toBe(origin);
    const [notes] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    expect(new URL(notes.url()).origin).toBe(origin);
    expect(new URL(notes.url()).search).toBe('?notes');
    expect(errors).toEqual([]);
    await notes.close();
    await page.close();
  });

  it('keeps speaker notes off the shared screen', async () => {
    const { page } = await open('/dialog/2460/#bild-2');
    expect(await page.locator('section.slide.current .notes').isVisible()).toBe(false);
    const notes = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await notes.goto(`${origin}/dialog/2460/?notes#bild-2`);
    expect(await notes.locator('section.slide.current .notes').isVisible()).toBe(true);
    await notes.close();
    await page.close();
  });

  for (const viewport of [
    { width: 900, height: 700 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ])
    it(`gives the speaker the slide, the next slide, the notes, a clock and the controls, none overlapping, at ${viewport.width}`, async () => {
      const { page } = await open('/dialog/2460/?notes#bild-2', viewport);
      const layout = await page.evaluate(() => {
        const box = (selector: string) => {
          const element = document.querySelector(selector);
          if (!element || getComputedStyle(element).display === 'none') return null;
          const rect = element.getBoundingClientRect();
          return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
        };
        return {
          next: document.querySelector('section.slide.next')?.id,
          clock: document.querySelector('.presenter-clock')?.textContent ?? '',
          boxes: [
            box('section.slide.current'),
            box('section.slide.next'),
            box('.presenter-bar'),
            box('section.slide.current .notes'),
            box('.deck-controls'),
          ],
        };
      });
      await page.close();
      expect(layout.next).toBe('bild-3');
      expect(layout.clock).toMatch(/^\d{2}:\d{2} · \d{2}:\d{2}$/);
      const boxes = layout.boxes;
      expect(boxes.every((box) => box !== null)).toBe(true);
      for (const [index, a] of boxes.entries())
        for (const b of boxes.slice(index + 1)) {
          const apart = a!.right <= b!.left || b!.right <= a!.left || a!.bottom <= b!.top || b!.bottom <= a!.top;
          expect(apart, `${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(true);
        }
      for (const box of boxes) expect(box!.bottom).toBeLessThanOrEqual(viewport.height);
    });

  it('follows a slide number from the presenter view and ignores anything else on the channel', async () => {
    const { page } = await open('/dialog/2460/#bild-2');
    await page.evaluate(() => {
      const channel = new BroadcastChannel('deck-2460');
      for (const message of ['x', null, { slide: Number.NaN }, { slide: '3' }, {}]) channel.postMessage(message);
    });
    await page.waitForTimeout(200);
    expect(await page.locator('section.slide.current').getAttribute('id')).toBe('bild-2');
    await page.evaluate(() => new BroadcastChannel('deck-2460').postMessage({ slide: 3 }));
    await page.waitForFunction(() => document.querySelector('section.slide.current')?.id === 'bild-4');
    await page.close();
  });

  it('prints one slide per landscape page', async () => {
    const { page } = await open('/dialog/2460/');
    const count = await page.evaluate(() => document.querySelectorAll('section.slide').length);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(artifacts, 'dialog-2460.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(count);
    await page.close();
  });

  it('reads as one long page without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${origin}/dialog/2460/`);
    const visible = await page.evaluate(
      () =>
        [...document.querySelectorAll('section.slide')].filter((slide) => slide.getBoundingClientRect().height > 0)
          .length,
    );
    expect(visible).toBe(await page.evaluate(() => document.querySelectorAll('section.slide').length));
    await context.close();
  });
});

describe('unattended screen mode', () => {
  const current = (page: Page) => page.evaluate(() => document.querySelector('section.slide.current')?.id);

  it('advances by itself, loops, pauses on any key with the controls shown, and goes on with P', async () => {
    const { page, errors } = await open('/umearegionen/visning/?visning=1');
    const count = await page.evaluate(() => document.querySelectorAll('section.slide').length);
    expect(await current(page)).toBe('bild-1');
    await page.waitForFunction(() => document.querySelector('section.slide.current')?.id === 'bild-2');
    expect(await page.evaluate(() => document.querySelector('.screen-progress')?.getAnimations().length)).toBe(1);
    // From the last slide it starts again.
    await page.evaluate((last) => (location.hash = `#bild-${last}`), count);
    await page.waitForFunction(() => document.querySelector('section.slide.current')?.id === 'bild-1');
    await page.keyboard.press('x');
    const paused = await current(page);
    await page.waitForTimeout(1600);
    expect(await current(page)).toBe(paused);
    expect(await page.evaluate(() => document.documentElement.classList.contains('screen-paused'))).toBe(true);
    expect(await page.evaluate(() => document.querySelector('.deck-controls')?.classList.contains('idle'))).toBe(false);
    expect(await page.locator('.screen-hint').textContent()).toMatch(/Pausad/);
    await page.keyboard.press('p');
    await page.waitForFunction((was) => document.querySelector('section.slide.current')?.id !== was, paused);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pauses on a click, hides a resting cursor, and survives a reload at the same slide', async () => {
    const { page } = await open('/dialog/2460/?visning=30#bild-4');
    expect(await current(page)).toBe('bild-4');
    await page.waitForFunction(() => document.documentElement.classList.contains('cursor-hidden'), null, {
      timeout: 5000,
    });
    await page.mouse.move(10, 10);
    expect(await page.evaluate(() => document.documentElement.classList.contains('cursor-hidden'))).toBe(false);
    await page.mouse.click(400, 400);
    expect(await page.evaluate(() => document.documentElement.classList.contains('screen-paused'))).toBe(true);
    const at = await current(page);
    await page.reload();
    expect(await current(page)).toBe(at);
    expect(page.url()).toContain('?visning=30');
    // Without the flag a deck never moves by itself.
    const { page: still } = await open('/dialog/2460/');
    expect(await still.evaluate(() => document.documentElement.classList.contains('screen-mode'))).toBe(false);
    await page.close();
    await still.close();
  });

  it('opens each indicator of a screen playlist with a finding that fits two lines across the room', async () => {
    for (const forbund of site.config.forbund) {
      const { page } = await open(`/${forbund.id}/visning/`, { width: 1920, height: 1080 });
      const count = await page.evaluate(() => document.querySelectorAll('section.slide').length);
      const lines: { text: string; lines: number }[] = [];
      // Each slide as shown: the others are hidden and measure nothing.
      for (let index = 1; index <= count; index++) {
        await page.evaluate((n) => (location.hash = `#bild-${n}`), index);
        await page.waitForFunction((n) => document.querySelector('section.slide.current')?.id === `bild-${n}`, index);
        lines.push(
          await page.evaluate(() => {
            const heading = document.querySelector<HTMLElement>('section.slide.current h1, section.slide.current h2')!;
            const style = getComputedStyle(heading);
            return {
              text: heading.textContent ?? '',
              lines: Math.round(heading.getBoundingClientRect().height / parseFloat(style.lineHeight)),
            };
          }),
        );
      }
      const findings = lines.filter((heading) => /^(Förbundet|Medlemmarna)/.test(heading.text));
      expect(findings.length, forbund.id).toBe(
        lines.filter((heading) => !heading.text.startsWith('Målen i överenskommelsen')).length,
      );
      for (const heading of findings) {
        expect(heading.lines, heading.text).toBeGreaterThanOrEqual(1);
        expect(heading.lines, heading.text).toBeLessThanOrEqual(2);
      }
      await page.close();
    }
  });

  it('reloads itself at a slide boundary once an hour has passed, on the slide it had reached', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.clock.install();
    await page.goto(`${origin}/umearegionen/visning/?visning=20`);
    await page.evaluate(() => ((window as unknown as { loaded: boolean }).loaded = true));
    const loaded = () => page.evaluate(() => (window as unknown as { loaded?: boolean }).loaded === true);
    await page.clock.runFor(59 * 60 * 1000);
    expect(await loaded()).toBe(true);
    const at = await current(page);
    await page.clock.runFor(2 * 60 * 1000);
    await page.waitForFunction(() => !(window as unknown as { loaded?: boolean }).loaded);
    expect(page.url()).toMatch(/\?visning=20#bild-\d+$/);
    expect(page.url()).not.toMatch(new RegExp(`#${at}$`));
    await page.close();
  });
});

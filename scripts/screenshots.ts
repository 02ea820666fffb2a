/**
 * npm run screenshots [path …] — pictures of built pages at the sizes our readers use, into
 * .shots/, to be opened and looked at: a board member's 1366×768 laptop, a 390×844 phone, a
 * 1024×768 projector, a 1920×1080 meeting-room screen and a 3840×2160 TV.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, serveDist } from '../tests/helpers/browser.ts';

const READER_SIZES = [
  [1366, 768],
  [390, 844],
  [1024, 768],
  [1920, 1080],
  [3840, 2160],
];
// --sizes=1280x800,1920x1200: other screens, such as a 16:10 or 5:4 projector for a deck.
const sizesArg = process.argv.find((arg) => arg.startsWith('--sizes='))?.slice('--sizes='.length);
const SIZES = sizesArg ? sizesArg.split(',').map((size) => size.split('x').map(Number)) : READER_SIZES;
// --slides: every slide of a deck, one picture each.
const slides = process.argv.includes('--slides');
const paths = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const fullPage = process.argv.includes('--full');
// --at=<selector>: scroll that element to the top first, to look at a table or chart as a reader reaches it.
const at = process.argv.find((arg) => arg.startsWith('--at='))?.slice('--at='.length);
const targets = paths.length > 0 ? paths : ['/umearegionen/', '/umearegionen/indikator/helarsekvivalenter/'];
const out = join(process.cwd(), '.shots');
mkdirSync(out, { recursive: true });
const { server, origin } = await serveDist();
const browser = await launchChromium();
try {
  for (const [width = 0, height = 0] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    for (const target of targets) {
      await page.goto(origin + target);
      if (slides) {
        const count = await page.evaluate(() => document.querySelectorAll('section.slide').length);
        for (let number = 1; number <= count; number++) {
          await page.evaluate((n) => (location.hash = `#bild-${n}`), number);
          await page.waitForFunction((n) => document.querySelector('.slide.current')?.id === `bild-${n}`, number);
          const name = `${target.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${number}-${width}x${height}.png`;
          await page.screenshot({ path: join(out, name) });
          process.stderr.write(`${name}\n`);
        }
        continue;
      }
      if (at)
        await page
          .locator(at)
          .first()
          .evaluate((element) => element.scrollIntoView());
      const where = at ? `-${at.replace(/[^a-z0-9]+/gi, '-')}` : '';
      const name = `${target.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'start'}${where}-${width}x${height}.png`;
      await page.screenshot({ path: join(out, name), fullPage });
      process.stderr.write(`${name}\n`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

/**
 * The build writes each indicator page (and a förbund page's chart files) right after its embed, so
 * the charts they share are freed at once instead of held for the whole build.
 */
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { pairedPages, pairUp, partnersOf } from '../../src/vite/paired-pages.ts';

const paths = (...names: string[]) => names.map((pathname) => ({ pathname, route: pathname.split('/')[1] }));

describe('pairing pages with their embeds', () => {
  it('names a member embed’s page, and a förbund embed’s page and SVG file (the PNG comes long after)', () => {
    expect(partnersOf('/inbaddning/umearegionen/ohalsotal/2460/')).toEqual(['/umearegionen/indikator/ohalsotal/2460/']);
    expect(partnersOf('/inbaddning/umearegionen/ohalsotal/')).toEqual([
      '/umearegionen/indikator/ohalsotal/',
      '/umearegionen/indikator/ohalsotal/diagram.svg',
    ]);
    expect(partnersOf('/inbaddning/storlek.js')).toEqual([]);
    expect(partnersOf('/umearegionen/indikator/ohalsotal/')).toEqual([]);
  });

  it('moves each embed’s partners right after it, with or without the closing slash, losing and adding nothing', () => {
    const built = paths(
      '/data/ohalsotal.csv',
      '/inbaddning/umearegionen/ohalsotal',
      '/inbaddning/umearegionen/ohalsotal/2460',
      '/kommun/2460',
      '/umearegionen/indikator/ohalsotal',
      '/umearegionen/indikator/ohalsotal/2460',
      '/umearegionen/indikator/ohalsotal/diagram.png',
      '/umearegionen/indikator/ohalsotal/diagram.svg',
      '/umearegionen/indikator/ohalsotal/2480',
    );
    const ordered = pairUp(built).map((path) => path.pathname);
    expect(ordered).toEqual([
      '/data/ohalsotal.csv',
      '/inbaddning/umearegionen/ohalsotal',
      '/umearegionen/indikator/ohalsotal',
      '/umearegionen/indikator/ohalsotal/diagram.svg',
      '/inbaddning/umearegionen/ohalsotal/2460',
      '/umearegionen/indikator/ohalsotal/2460',
      '/kommun/2460',
      // The PNG, and a page without an embed, stay where Astro put them, among the rest.
      '/umearegionen/indikator/ohalsotal/diagram.png',
      '/umearegionen/indikator/ohalsotal/2480',
    ]);
    expect(new Set(pairUp(built))).toEqual(new Set(built));
  });

  it('is what Astro’s own prerenderer returns, reordered; rendering is Astro’s own', async () => {
    const rendered: string[] = [];
    const base = {
      name: 'astro:default',
      getStaticPaths: async () =>
        paths('/inbaddning/umearegionen/ohalsotal/', '/kommun/2460/', '/umearegionen/indikator/ohalsotal/'),
      render: async (request: Request) => {
        rendered.push(request.url);
        return new Response('ok');
      },
    };
    let chosen: typeof base | null = null;
    const hook = pairedPages().hooks['astro:build:start'] as NonNullable<
      AstroIntegration['hooks']['astro:build:start']
    >;
    await hook({
      setPrerenderer: (make: unknown) => (chosen = (make as (from: typeof base) => typeof base)(base)),
    } as never);
    expect((await chosen!.getStaticPaths()).map((path) => path.pathname)).toEqual([
      '/inbaddning/umearegionen/ohalsotal/',
      '/umearegionen/indikator/ohalsotal/',
      '/kommun/2460/',
    ]);
    await chosen!.render(new Request('http://x/a/'));
    expect(rendered).toEqual(['http://x/a/']);
  });
});

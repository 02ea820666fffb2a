/** The build's progress reads Astro's page lines, as Astro 7.3 prints them (taken from a real build). */
import { describe, expect, it } from 'vitest';
import { isPageLine, writtenPages } from '../../src/formats/astro-log.ts';
import { pageKind } from '../../src/views/model/paths.ts';

describe('writtenPages', () => {
  it('reads one page with its time, in milliseconds or seconds', () => {
    expect(writtenPages('11:07:54   ├─ /dialog/0114/index.html (+76ms) ')).toEqual([
      { path: '/dialog/0114/index.html', ms: 76 },
    ]);
    expect(writtenPages('11:07:53   └─ /data/helarsekvivalenter.csv (+2.88s) ')).toEqual([
      { path: '/data/helarsekvivalenter.csv', ms: 2880 },
    ]);
  });

  it('reads several pages run together on one line, some without a time', () => {
    const line = '11:07:51   ├─ /404.html11:07:51   ├─ /andringar/index.html11:07:51   ├─ /data/catalog.json (+2.70s) ';
    expect(writtenPages(line)).toEqual([
      { path: '/404.html', ms: null },
      { path: '/andringar/index.html', ms: null },
      { path: '/data/catalog.json', ms: 2700 },
    ]);
  });

  it('reads a line coloured as Astro colours it when CI is set', () => {
    const line =
      '\x1b[2m11:31:10\x1b[22m   \x1b[34m├─\x1b[39m \x1b[2m/inbaddning/umearegionen/ohalsotal/2401/index.html\x1b[22m \x1b[2m(+31ms)\x1b[22m ';
    expect(writtenPages(line)).toEqual([{ path: '/inbaddning/umearegionen/ohalsotal/2401/index.html', ms: 31 }]);
  });

  it('takes a page’s time alone on its line for a page line, and nothing else', () => {
    expect(isPageLine(' (+14ms) ')).toBe(true);
    expect(isPageLine('\x1b[2m(+1.2s)\x1b[22m')).toBe(true);
    expect(isPageLine('11:27:35 [build] 646 page(s) built in 9.91s')).toBe(false);
  });

  it('finds no page in Astro’s other lines', () => {
    expect(writtenPages('11:07:50 [build] Building static entrypoints...')).toEqual([]);
    expect(writtenPages(' generating static routes ')).toEqual([]);
  });
});

describe('pageKind', () => {
  it('names each kind of page by its address', () => {
    expect(pageKind('/inbaddning/umearegionen/ohalsotal/2460/index.html')).toBe('inbäddning, medlem');
    expect(pageKind('/inbaddning/umearegionen/ohalsotal/index.html')).toBe('inbäddning');
    expect(pageKind('/umearegionen/indikator/ohalsotal/2460/index.html')).toBe('indikatorsida, medlem');
    expect(pageKind('/umearegionen/indikator/ohalsotal/index.html')).toBe('indikatorsida');
    expect(pageKind('/umearegionen/indikator/ohalsotal/diagram.png')).toBe('diagram.png');
    expect(pageKind('/umearegionen/indikator/ohalsotal/data-excel.csv')).toBe('data-excel.csv');
    expect(pageKind('/data/ohalsotal.csv')).toBe('öppna data');
    expect(pageKind('/dialog/2460/index.html')).toBe('dialogpresentation');
    expect(pageKind('/kommun/2460/index.html')).toBe('kommunprofil');
    expect(pageKind('/umearegionen/index.html')).toBe('startsida');
    expect(pageKind('/umearegionen/visning/index.html')).toBe('visning');
    expect(pageKind('/umearegionen/initiativ/status/pagaende/index.html')).toBe('initiativ');
    expect(pageKind('/om-statistiken/index.html')).toBe('övriga sidor');
  });
});

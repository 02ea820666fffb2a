/**
 * Embeddable charts: what the indicator page offers a förbund's web editor. Code only where it will
 * work as pasted: an absolute address (the site's configured `url`), a website allowed to frame it
 * (`embedOrigins`), a chart that exists, and a height that holds the chart on a phone-wide column.
 */
import { escapeXml } from '../../formats/escape.ts';
import type { SiteConfig } from '../../schemas/forbund.ts';
import { EMBED_PATH } from '../../formats/server-headers.ts';
import { t } from '../../i18n/index.ts';
import type { ChartBlock } from './indicator-page.ts';

/** The script a host page may add so that each frame takes its chart's own height. */
export const RESIZE_SCRIPT = `${EMBED_PATH}storlek.js`;

export type EmbedOffer =
  { kind: 'code'; items: { title: string; code: string }[] } | { kind: 'not-allowed'; text: string };

/** Text lines a 320 px column holds, and the room of the title, mark, source and link around a chart. */
const CHARACTERS_PER_LINE = 36;
const LINE_HEIGHT = 26;
const FRAME_ROOM = 180;

/**
 * A height that shows the whole chart in a frame as narrow as a phone (the chart's narrow drawing,
 * its title and caption wrapped at 320 px); the resize script trims it to the chart where it runs.
 */
export function embedHeight(chart: Pick<ChartBlock, 'svg' | 'narrow' | 'title' | 'caption' | 'note'>): number {
  const drawing = /^<svg[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(chart.narrow ?? chart.svg)?.[1];
  const words = chart.title.length + chart.caption.length + (chart.note?.length ?? 0) + 120;
  const height = Number(drawing ?? 0) + FRAME_ROOM + LINE_HEIGHT * Math.ceil(words / CHARACTERS_PER_LINE);
  return Math.ceil(height / 10) * 10;
}

export function embedOffer(
  site: Pick<SiteConfig, 'url' | 'embedOrigins'>,
  path: string,
  charts: ChartBlock[],
): EmbedOffer {
  // Without a website allowed to frame them, pasted code would show a grey box: say who fixes that.
  if (site.embedOrigins.length === 0 || !site.url) return { kind: 'not-allowed', text: t('embed.not-allowed') };
  const origin = site.url.replace(/\/$/, '');
  return {
    kind: 'code',
    // The frame shows the page's first chart unless its address names another.
    items: charts
      .map((chart, index) => ({ chart, fragment: index === 0 ? '' : `#${chart.id}` }))
      .filter(({ chart }) => chart.svg !== '')
      .map(({ chart, fragment }) => {
        const src = `${origin}${path}${fragment}`;
        const frame =
          `<iframe src="${escapeXml(src)}" title="${escapeXml(chart.title)}" width="100%" ` +
          `height="${embedHeight(chart)}" style="border:0" loading="lazy" data-lagesbild></iframe>`;
        return {
          title: chart.title,
          code: `${frame}\n<script src="${escapeXml(origin + RESIZE_SCRIPT)}" async></script>`,
        };
      }),
  };
}

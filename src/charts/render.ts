/**
 * Shared by every chart: a DOM for Plot in Node, and the clean-up that makes Plot's SVG fit a static
 * page under a strict Content-Security-Policy. Plot's `<style>` and inline styles go (the site's
 * stylesheet styles `.chart`), group aria-labels go (axe flags them), ids are renumbered per chart,
 * and coordinates are rounded so output is small and byte-stable.
 */
import { parseHTML } from 'linkedom';

// linkedom rather than jsdom: Plot only needs to create and serialise elements, and linkedom does
// that about twice as fast, which matters at 290 kommuner × a dozen charts.
export const chartDocument = parseHTML('<!DOCTYPE html><html lang="sv"><body></body></html>')
  .document as unknown as Document;

/** Colour-blind-safe (Okabe–Ito hues, darkened to at least 3:1 against white). */
export const PALETTE = ['#0072B2', '#C44E00', '#007A5A', '#A8507F', '#1A1A1A', '#8A6100', '#5F5F5F'];
export const CONTEXT_GREY = '#8C8C8C';
/** The name of a grey context line: darker than the line, for text contrast (7:1 on white). */
export const CONTEXT_INK = '#595959';
/**
 * One colour per role on every page, profile and deck: the highlighted kommun, its förbund, the
 * län, riket and kommungrupper; other members stay grey.
 */
export const ROLE_COLOURS = {
  kommun: '#0072B2',
  forbund: '#C44E00',
  lan: '#007A5A',
  riket: '#A8507F',
  group: '#8A6100',
} as const;
/** Women's and men's lines: hues no role uses, so a line for men never reads as the förbund's. */
export const SEX_COLOURS = { women: '#6A3D9A', men: '#1A1A1A' } as const;
export const INK = '#1A1A1A';

export interface ChartFrame {
  /** Unique within the page: prefixes the chart's ids. */
  id: string;
  /** Id of the element that names the chart (its caption), for aria-labelledby. */
  labelledBy: string;
  width: number;
  height: number;
  fontSize: number;
}

/** Attributes of Plot's that a strict CSP or axe objects to, removed from every element below the root. */
const CHILD_ATTRIBUTES = / (?:style|font-variant|aria-description|aria-label)="[^"]*"/g;

export function finishSvg(svg: Element, frame: ChartFrame): string {
  for (const name of ['style', 'font-variant', 'aria-description']) svg.removeAttribute(name);
  svg.removeAttribute('class');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', frame.labelledBy);
  svg.setAttribute('font-family', 'inherit');
  svg.setAttribute('font-size', String(frame.fontSize));
  // The children are cleaned as text: walking thousands of DOM nodes per chart cost more than drawing them.
  const whole = svg.outerHTML;
  const rootEnd = whole.indexOf('>') + 1;
  let markup =
    whole.slice(0, rootEnd) +
    whole
      .slice(rootEnd)
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, (tag) => tag.replace(CHILD_ATTRIBUTES, ''));
  const ids = [...markup.matchAll(/id="([^"]+)"/g)].map((match) => match[1] as string);
  ids.forEach((oldId, index) => {
    const newId = `${frame.id}-${index + 1}`;
    markup = markup.replaceAll(`id="${oldId}"`, `id="${newId}"`).replaceAll(`url(#${oldId})`, `url(#${newId})`);
  });
  // A no-break space may come out as an entity; &nbsp; is unknown to XML, so a standalone .svg would break.
  return markup
    .replace(/&nbsp;|&#160;/g, '\u00a0')
    .replace(/(\d+\.\d)\d+/g, '$1')
    .replace(/\.0(?=[^\d])/g, '');
}

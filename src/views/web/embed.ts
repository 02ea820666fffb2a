/** Embeddable charts: the `<iframe>` code a förbund's website pastes (their address: `paths.ts`). */
import { escapeXml } from '../../formats/escape.ts';

/** The code to paste: the site's own address where configured, else the path to complete. */
export function embedCode(siteUrl: string | undefined, path: string, title: string): string {
  const src = `${(siteUrl ?? '').replace(/\/$/, '')}${path}`;
  return `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" width="100%" height="600" style="border:0" loading="lazy"></iframe>`;
}

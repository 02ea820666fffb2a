/** The site's stable addresses that more than one page links to, each built in one place. */
import { EMBED_PATH } from '../../formats/server-headers.ts';

/** An indicator's page in a förbund: `/<förbund>/indikator/<id>/`, with a member highlighted `…/<kod>/`. */
export function indicatorPath(forbundId: string, indicatorId: string, focus: string | null = null): string {
  return `/${forbundId}/indikator/${indicatorId}/${focus ? `${focus}/` : ''}`;
}

/** The same charts alone, for another site to frame: `/inbaddning/<förbund>/<id>/[<kod>/]`. */
export function embedPath(forbundId: string, indicatorId: string, focus: string | null): string {
  return `${EMBED_PATH}${forbundId}/${indicatorId}/${focus ? `${focus}/` : ''}`;
}

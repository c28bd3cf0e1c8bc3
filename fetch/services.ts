import type { StateService } from '../model/manifest.ts';
import type { PageRow } from './pages.ts';
import { PageShapeError } from './types.ts';

export interface Rows {
  services: StateService[];
  /** Cases whose `+` marker disagrees with the number of their rows (closed cases only). */
  markerMismatches: string[];
}

/**
 * A page's rows as services. A further-service row belongs to the case row above it, which
 * may be the last service of the previous page (`carry`); `resolve` turns a link into an
 * address.
 */
export function toServices(
  rows: PageRow[],
  carry: StateService | null,
  resolve: (href: string) => string,
  where: string,
): Rows {
  const services: StateService[] = [];
  const markerMismatches: string[] = [];
  let head = carry;
  let marked: boolean | null = null;
  const close = () => {
    if (head && marked !== null && marked !== head.position > 1)
      markerMismatches.push(head.case_number);
  };
  for (const row of rows) {
    if (row.kind === 'case') {
      close();
      const { kind: _k, href, marked_multiple, ...fields } = row;
      marked = marked_multiple;
      head = { ...fields, position: 1, letter_url: href ? resolve(href) : '' };
    } else {
      if (!head)
        throw new PageShapeError(`a further-service row comes before any case row on ${where}`);
      const { category, subcategory, decision } = row;
      head = { ...head, position: head.position + 1, category, subcategory, decision };
    }
    services.push(head);
  }
  return { services, markerMismatches };
}

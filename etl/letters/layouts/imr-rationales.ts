import { letterHeader } from '../fields/header.ts';
import { itemsAfter, type LetterLayout } from './layout.ts';

const SECTION = /^IMR DECISION\(S\) AND RATIONALE\(S\)$/im;

/** The "IMR DECISION(S) AND RATIONALE(S)" letter on MAXIMUS letterhead. */
export const imrRationales: LetterLayout<'imr-rationales'> = {
  name: 'imr-rationales',
  recognise: (flat) => /^MAXIMUS FEDERAL SERVICES, INC\.?$/m.test(flat) && SECTION.test(flat),
  header: letterHeader,
  items: itemsAfter(SECTION),
};

import { letterHeader } from '../fields/header.ts';
import { itemsAfter, type LetterLayout } from './layout.ts';
import { ISSUES, hasHeaderBlock } from './header-2016.ts';

/** The 2014 narrative: no header block, the reviewer described in a sentence. */
export const narrative2014: LetterLayout<'narrative-2014'> = {
  name: 'narrative-2014',
  recognise: (flat) => ISSUES.test(flat) && !hasHeaderBlock(flat),
  header: letterHeader,
  items: itemsAfter(ISSUES),
};

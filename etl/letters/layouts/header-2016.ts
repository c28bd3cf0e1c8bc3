import { letterHeader } from '../fields/header.ts';
import { itemsAfter, type LetterLayout } from './layout.ts';

export const ISSUES = /^IMR ISSUES, DECISIONS AND RATIONALES$/im;
/** The "Case Number / Date Assigned / ..." block the 2016-17 letters open with. */
export const hasHeaderBlock = (flat: string) =>
  /^(IMR )?Case Number:/m.test(flat) && /^Date Assigned:/m.test(flat);

/** The 2016-17 letter: a header block, then a credentials block with the reviewer's specialty. */
export const header2016: LetterLayout<'header-2016'> = {
  name: 'header-2016',
  recognise: (flat) => ISSUES.test(flat) && hasHeaderBlock(flat),
  header: letterHeader,
  items: itemsAfter(ISSUES),
};

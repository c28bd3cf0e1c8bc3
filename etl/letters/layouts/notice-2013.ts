import { letterHeader } from '../fields/header.ts';
import { noticeItems } from '../fields/items-notice.ts';
import type { LetterLayout } from './layout.ts';

/** The 2013 "Notice of Independent Medical Review Determination", with numbered decision sentences. */
export const notice2013: LetterLayout<'notice-2013'> = {
  name: 'notice-2013',
  recognise: (flat) => /Notice of Independent Medical Review Determination/i.test(flat),
  header: letterHeader,
  items: (_lines, flat, flags) => noticeItems(flat, flags),
};

import { notice2013 } from './notice-2013.ts';
import { narrative2014 } from './narrative-2014.ts';
import { header2016 } from './header-2016.ts';
import { imrRationales } from './imr-rationales.ts';
import { professionalReview } from './professional-review.ts';

/** Every layout the parser reads. A new layout is one module and one line here. */
export const LETTER_LAYOUTS = [
  notice2013,
  narrative2014,
  header2016,
  imrRationales,
  professionalReview,
] as const;

export type Layout = (typeof LETTER_LAYOUTS)[number]['name'];
export const LAYOUTS: Layout[] = LETTER_LAYOUTS.map((l) => l.name);

/** Every layout whose markers the text carries: one for a letter, none for anything else. */
export const claimants = (flat: string) => LETTER_LAYOUTS.filter((l) => l.recognise(flat));

import type { Layout as ModelLayout } from '../../../model/values.ts';
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

// The names are the layout filter's closed list, model/values.ts; a test checks the two agree.
export type Layout = (typeof LETTER_LAYOUTS)[number]['name'] & ModelLayout;
export const LAYOUTS: Layout[] = LETTER_LAYOUTS.map((l) => l.name);

/** Every layout whose markers the text carries: one for a letter, none for anything else. */
export const claimants = (flat: string) => LETTER_LAYOUTS.filter((l) => l.recognise(flat));

import { headerFields, reviewerFields } from '../fields/header.ts';
import { reviewItems, reviewSections } from '../fields/items-review.ts';
import type { LetterLayout } from './layout.ts';

/** The "MEDICAL PROFESSIONAL REVIEW": services listed under ISSUE AT DISPUTE, one rationale for all. */
export const professionalReview: LetterLayout<'professional-review'> = {
  name: 'professional-review',
  recognise: (flat) =>
    /^MEDICAL PROFESSIONAL REVIEW$/m.test(flat) && /^ISSUE AT DISPUTE:/m.test(flat),
  header: (flat, lines) => ({
    ...headerFields(flat),
    ...reviewerFields(flat, reviewSections(lines).get('MEDICAL REVIEWER QUALIFICATIONS:') ?? ''),
  }),
  items: (lines, _flat, flags) => reviewItems(lines, flags),
};

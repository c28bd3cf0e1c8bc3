/**
 * A letter's (or health-plan case's) header facts, as /api/letters/:id gives them and the
 * letter view shows them, in that order: each field's JSON kind, null where the letter or case
 * does not give it. model/api.ts makes the answer's schema from this list; it is a module of
 * its own, without zod, so the dashboard reads it without loading zod.
 */
export const LETTER_FACTS = {
  case_number: 'text',
  decision_date: 'date',
  date_assigned: 'date',
  date_of_injury: 'date',
  ur_denial_date: 'date',
  application_received: 'date',
  priority: 'text',
  reviewer_specialty_raw: 'text',
  reviewer_licensure: 'list',
  patient_age: 'whole',
  patient_gender: 'text',
  case_outcome: 'text',
  layout: 'text',
  program: 'text',
  report_year: 'whole',
  review_type: 'text',
  diagnosis_category: 'text',
  diagnosis_subcategory: 'text',
  age_band: 'text',
  source_file: 'text',
} as const satisfies Record<string, FieldKind>;

/** A field's kind in JSON: text, a date as text (YYYY-MM-DD), a whole number, a list of text. */
export type FieldKind = 'text' | 'date' | 'whole' | 'list';

export type LetterFact = keyof typeof LETTER_FACTS;

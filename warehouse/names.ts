// The names of what warehouse/derived.ts builds that the server's SQL reads. Both sides take
// them from here, so a rename is one edit and a typo does not compile.

/** facts: letters numbered densely (1, 2, ...) in decision-date order. */
export const LETTER_KEY = 'letter_key';
/** facts: letter_key // LETTERS_PER_BLOCK, a small integer to group a bitmap of letters by. */
export const LETTER_BLOCK = 'letter_block';
export const LETTERS_PER_BLOCK = 64;
/** facts: true on one service of each letter, to count letters without DISTINCT. */
export const FIRST_ITEM = 'first_item';
/** facts: year * 12 + month - 1 of the decision date. */
export const DECISION_MONTH_NO = 'decision_month_no';
/** facts, treatment_cube: the id of the service's treatment name in treatments. */
export const TREATMENT_ID = 'treatment_id';
/** facts, facet_cube, treatment_cube: the service's row in facet_cube. */
export const CUBE_KEY = 'cube_key';

/** SQL: the bit of a row's letter within its block. */
export const letterBit = (alias: string) =>
  `(1::UBIGINT << (${alias}.${LETTER_KEY} % ${LETTERS_PER_BLOCK})::UBIGINT)`;

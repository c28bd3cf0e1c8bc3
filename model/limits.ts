/**
 * Numbers the API enforces and the dashboard obeys, declared once: the server's zod schemas
 * and the page's inputs and requests read them here.
 */

/** Below this many services (or letters) a figure is flagged low n: its interval is too wide to compare. */
export const LOW_N = 11;

/** The oldest age an age filter takes. */
export const MAX_AGE = 120;

/** The most rows one /api/rates or /api/timeliness answer holds (its `limit`). */
export const MAX_ROWS = 1000;

/** Services (or letters) in one page of /api/items, unless the request asks for another number. */
export const PAGE_ROWS = 50;

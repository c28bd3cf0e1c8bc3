import { DIMENSION_NAMES, dimension, type Storage } from '../../model/dimensions.ts';
import { MEASURE_NAMES } from '../../model/measures.ts';

/** A column of facts a listed or exported service carries, and how it is stored. */
export interface ServiceColumn {
  name: string;
  storage: Storage | 'plain';
  /** Whether its values come only from a declared list (no free text from a letter or file). */
  closed: boolean;
}

const plain = (name: string): ServiceColumn => ({ name, storage: 'plain', closed: true });

/**
 * Every dimension's column, in declaration order, as facts names it (a date dimension's year
 * column beside its date, for services with a year and no date): a dimension added to the model
 * is listed and exported without another edit.
 */
const DIMENSION_COLUMNS: ServiceColumn[] = DIMENSION_NAMES.flatMap((n) => {
  const d = dimension(n);
  const own = { name: d.column, storage: d.storage, closed: !!d.values };
  return [own, ...(d.yearColumn ? [plain(d.yearColumn)] : [])];
}).filter((c, i, all) => c.name !== 'letter_id' && all.findIndex((x) => x.name === c.name) === i);

/**
 * A service's columns: its letter and number first, then every dimension's, its letter's review
 * time in days by every measure (model/measures.ts; negative or absurd spans too, as stored),
 * then more.
 */
export const serviceColumns = (...more: string[]): ServiceColumn[] => [
  { name: 'letter_id', storage: 'text', closed: false },
  plain('item_no'),
  ...DIMENSION_COLUMNS,
  ...MEASURE_NAMES.map(plain),
  ...more.map(plain),
  plain('synthetic'),
];

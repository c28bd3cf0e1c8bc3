import type { Header } from '../fields/header.ts';
import { splitItems, type RawItem } from '../fields/items.ts';

/**
 * One layout of determination letter: how to recognise it, read its header and split its
 * services. A new layout is a module exporting one of these, its fixture letters under
 * test/fixtures/LAYOUT/, and one line in ./index.ts.
 */
export interface LetterLayout<Name extends string = string> {
  readonly name: Name;
  /** Whether the text (trimmed lines joined by \n) carries this layout's markers. No two layouts may claim one letter. */
  recognise(flat: string): boolean;
  header(flat: string, lines: string[]): Header;
  /** The disputed services. A gap is NOT_STATED and pushed to flags; throws only when no decision can be read. */
  items(lines: string[], flat: string, flags: string[]): RawItem[];
}

/** Items of the layouts that list services under a section heading, as splitItems reads them. */
export const itemsAfter =
  (section: RegExp) =>
  (lines: string[], _flat: string, flags: string[]): RawItem[] => {
    const at = lines.findIndex((l) => section.test(l));
    return splitItems(lines.slice(at + 1), flags);
  };

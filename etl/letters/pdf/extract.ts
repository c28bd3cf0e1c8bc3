import { pdfiumText } from './pdfium.ts';
import { pdfjsText } from './pdfjs.ts';
import type { PdfEngine } from '../types.ts';
type Engine = readonly [PdfEngine, (data: Uint8Array) => Promise<string>];

/**
 * PDFium (WebAssembly) reads the state's letters about three times faster than pdfjs-dist;
 * pdfjs-dist reads what PDFium cannot open. Both give the same text for every real letter
 * (test/pdf-engines.test.ts).
 */
export const ENGINES: readonly Engine[] = [
  ['pdfium', pdfiumText],
  ['pdfjs', pdfjsText],
];

/**
 * A PDF's text, one line per visual line, pages separated by form feeds, and the engine that
 * read it: the first of `engines` that can. When none can, the last one's error is thrown,
 * as the reason the file is quarantined.
 */
export async function readPdf(
  data: Uint8Array,
  engines: readonly Engine[] = ENGINES,
): Promise<{ text: string; engine: PdfEngine }> {
  let error: unknown;
  for (const [engine, read] of engines) {
    try {
      return { text: await read(data), engine };
    } catch (e) {
      error = e;
    }
  }
  throw error;
}

/** A PDF's text, whichever engine read it. */
export async function pdfToText(data: Uint8Array): Promise<string> {
  return (await readPdf(data)).text;
}

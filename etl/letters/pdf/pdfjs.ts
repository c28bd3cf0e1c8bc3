import { toLines, type Run } from './lines.ts';

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;

/**
 * pdfjs-dist, loaded when the first PDF that PDFium cannot open comes, so most runs never pay
 * for it. Its legacy build, the one that runs on Node 20, brings core-js, which replaces
 * JSON.stringify, JSON.parse and Array.prototype.push with JavaScript versions for features
 * this project never uses. They made the whole ETL three times slower (JSON.stringify alone
 * took 0.3 ms a letter), so the natives are put back once it has loaded.
 */
function loadPdfjs() {
  pdfjs ??= (async () => {
    const natives = (
      [
        [JSON, 'stringify'],
        [JSON, 'parse'],
        [Array.prototype, 'push'],
      ] as [object, string][]
    ).map(([o, k]) => [o, k, Object.getOwnPropertyDescriptor(o, k)!] as const);
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Its worker code, which it would otherwise import (and patch again) on the first document.
    // @ts-expect-error: the package has no types for its worker module.
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    for (const [o, k, d] of natives) Object.defineProperty(o, k, d);
    return lib;
  })();
  return pdfjs;
}

/** A PDF's text read with pdfjs-dist: one line per visual line, pages separated by form feeds. */
export async function pdfjsText(data: Uint8Array): Promise<string> {
  const { getDocument } = await loadPdfjs();
  // pdfjs takes the buffer over (it transfers it); the caller keeps its own.
  const doc = await getDocument({ data: data.slice(), isEvalSupported: false, verbosity: 0 })
    .promise;
  try {
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        runs.push({ x: item.transform[4], y: item.transform[5], w: item.width, s: item.str });
      }
      pages.push(toLines(runs));
      page.cleanup();
    }
    return pages.join('\n\f');
  } finally {
    await doc.destroy();
  }
}

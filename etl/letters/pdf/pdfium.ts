import { PDFiumModule } from '@hyzyla/pdfium';
import { toLines, type Run } from './lines.ts';
import { lap, peak } from '../../pipeline/phases.ts';

/** The PDFium functions this reader calls, straight from the WebAssembly exports. */
interface Exports {
  malloc(n: number): number;
  free(p: number): void;
  FPDF_InitLibrary(): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_LoadPage(doc: number, i: number): number;
  FPDF_ClosePage(page: number): void;
  FPDF_CloseDocument(doc: number): void;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(text: number): void;
  FPDFText_CountChars(text: number): number;
  FPDFText_GetUnicode(text: number, i: number): number;
  FPDFText_GetText(text: number, start: number, count: number, out: number): number;
  FPDFText_GetCharOrigin(text: number, i: number, x: number, y: number): number;
  FPDFText_GetLooseCharBox(text: number, i: number, rect: number): number;
}
interface Module {
  wasmExports: Exports;
  HEAPU8: Uint8Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
}

const ERRORS = ['', 'unknown error', 'cannot open', 'not a PDF or corrupted', 'encrypted PDF'];
ERRORS.push('unsupported security scheme', 'page not found or content error');

let loading: Promise<Module> | undefined;

/** PDFium's WebAssembly build, instantiated once per thread when the first PDF comes. */
function loadPdfium(): Promise<Module> {
  loading ??= (async () => {
    const m = await (PDFiumModule as unknown as () => Promise<Module>)();
    m.wasmExports.FPDF_InitLibrary();
    return m;
  })();
  return loading;
}

/**
 * A PDF's text read with PDFium: one line per visual line, pages separated by form feeds.
 * The wrapper's own calls go through Emscripten's checking stubs and its page text comes in
 * content order, so this reads each glyph's code and position from the exports directly and
 * lays the lines out the way the pdfjs reader does.
 */
export async function pdfiumText(data: Uint8Array): Promise<string> {
  const m = await loadPdfium();
  const x = m.wasmExports;
  let t = performance.now();
  const ptr = x.malloc(data.length);
  m.HEAPU8.set(data, ptr);
  const doc = x.FPDF_LoadMemDocument(ptr, data.length, 0);
  if (!doc) {
    x.free(ptr);
    const code = x.FPDF_GetLastError();
    throw new Error(ERRORS[code] ?? `PDFium error ${code}`);
  }
  const buf = x.malloc(32);
  t = lap('pdfium: open and decrypt', t);
  try {
    const pages: string[] = [];
    for (let p = 0, n = x.FPDF_GetPageCount(doc); p < n; p++) {
      const page = x.FPDF_LoadPage(doc, p);
      if (!page) throw new Error(`page ${p + 1} cannot be read`);
      const text = x.FPDFText_LoadPage(page);
      try {
        const runs = text ? pageRuns(m, text, buf) : [];
        t = lap('pdfium: text content', t);
        pages.push(toLines(runs));
        t = lap('pdfium: line assembly', t);
      } finally {
        if (text) x.FPDFText_ClosePage(text);
        x.FPDF_ClosePage(page);
      }
    }
    return pages.join('\n\f');
  } finally {
    peak('peak MB: PDFium WebAssembly memory', m.HEAPU8.length / 1e6);
    x.free(buf);
    x.FPDF_CloseDocument(doc);
    x.free(ptr);
  }
}

/**
 * A page's glyphs joined into runs: glyphs that follow each other on one baseline with less
 * than 3pt between them, so letter spacing in justified lines never splits a word. Spaces
 * and line ends (PDFium makes some up) end a run; the gap is then measured from the glyphs'
 * positions, as for pdfjs's runs. PDFium reports a hyphen that ends a line as U+0002 (one
 * glyph at a time) or U+FFFE (in a page's text).
 */
function pageRuns(m: Module, text: number, buf: number): Run[] {
  const x = m.wasmExports;
  const runs: Run[] = [];
  const codes = pageCodes(m, text);
  let last: Run | undefined;
  for (let i = 0; i < codes.length; i++) {
    const u = codes[i];
    if (u <= 32 && u !== 2) {
      last = undefined;
      continue;
    }
    x.FPDFText_GetCharOrigin(text, i, buf, buf + 8);
    x.FPDFText_GetLooseCharBox(text, i, buf + 16);
    const cx = m.HEAPF64[buf >> 3];
    const cy = m.HEAPF64[(buf >> 3) + 1];
    const right = m.HEAPF32[(buf + 24) >> 2]; // FS_RECTF: left, top, right, bottom
    const s = u === 2 || u === 0xfffe ? '-' : String.fromCharCode(u);
    const end = last ? last.x + last.w : 0;
    if (last && Math.abs(last.y - cy) < 0.5 && cx >= end - 1 && cx - end < 3) {
      last.s += s;
      last.w = right - last.x;
    } else {
      last = { x: cx, y: cy, w: right - cx, s };
      runs.push(last);
    }
  }
  return runs;
}

/** Every glyph's UTF-16 code on a page, in one call rather than one a glyph. */
function pageCodes(m: Module, text: number): Uint16Array {
  const x = m.wasmExports;
  const n = x.FPDFText_CountChars(text);
  if (n <= 0) return new Uint16Array(0);
  const out = x.malloc(2 * (n + 1));
  try {
    const got = x.FPDFText_GetText(text, 0, n, out) - 1; // it counts the terminating zero
    const codes = new Uint16Array(m.HEAPU8.buffer, out, n).slice();
    // One code a glyph, unless a glyph outside the BMP took two: then ask glyph by glyph.
    return got === n
      ? codes
      : Uint16Array.from({ length: n }, (_, i) => x.FPDFText_GetUnicode(text, i));
  } finally {
    x.free(out);
  }
}

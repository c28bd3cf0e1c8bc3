import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../etl/letters/parse.ts';
import { readLetter } from '../etl/letters/read.ts';
import { pdfiumText } from '../etl/letters/pdf/pdfium.ts';
import { pdfjsText } from '../etl/letters/pdf/pdfjs.ts';
import { textToPdf } from '../etl/generate/pdf.ts';
import { ENGINES, readPdf } from '../etl/letters/pdf/extract.ts';
import { CI, ROOT, SHARED, facts, matchGolden } from './helpers.ts';

const PDFS = join(SHARED, 'letters', 'dwc-2016');
const GOLDEN = join(import.meta.dirname, 'golden', 'dwc-2016');

describe('PDF engines', () => {
  it('reads a generated letter with PDFium, and says so', async () => {
    const text = readFileSync(
      join(import.meta.dirname, 'fixtures', 'header-2016-quirks.txt'),
      'utf8',
    );
    const read = await readLetter(new Uint8Array(textToPdf(text)));
    expect(read.engine).toBe('pdfium');
    expect(parseLetter(read.text).items.map((i) => i.decision)).toEqual(
      parseLetter(text).items.map((i) => i.decision),
    );
  });

  it('falls back to pdfjs for a PDF that PDFium cannot open, and says which read it', async () => {
    // No small PDF was found that PDFium refuses and pdfjs reads, so PDFium is stood in for
    // by an engine that refuses everything; the real pdfjs reads the letter.
    const text = readFileSync(
      join(import.meta.dirname, 'fixtures', 'header-2016-quirks.txt'),
      'utf8',
    );
    const data = new Uint8Array(textToPdf(text));
    const refuses = async (): Promise<string> => {
      throw new Error('not a PDF or corrupted');
    };
    const read = await readPdf(data, [['pdfium', refuses], ENGINES[1]]);
    expect(read).toEqual({ engine: 'pdfjs', text: await pdfiumText(data) });
    await expect(readPdf(data, [['pdfium', refuses]])).rejects.toThrow('not a PDF or corrupted');
  });

  it('quarantines a PDF neither engine can open with the reason pdfjs gives', async () => {
    const text = textToPdf('IMR').toString('latin1').replace('/Root 1 0 R', '/Root 99 0 R');
    await expect(readLetter(new Uint8Array(Buffer.from(text, 'latin1')))).rejects.toThrow(
      /^unreadable PDF \(Invalid Root reference/,
    );
  });

  it('gives text to the parser as one line a visual line, single-spaced', async () => {
    const text = await pdfiumText(new Uint8Array(textToPdf('Case Number:     CM16-0000001\nA  B')));
    expect(text).toBe('Case Number: CM16-0000001\nA B');
  });

  it('leaves JSON and Array.prototype.push native once pdfjs has loaded', () => {
    // In a fresh process: here pdfjs may have loaded before anything could look.
    const same = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `
      const natives = [JSON.stringify, JSON.parse, Array.prototype.push];
      const { pdfjsText } = await import('./etl/letters/pdf/pdfjs.ts');
      const { textToPdf } = await import('./etl/generate/pdf.ts');
      await pdfjsText(new Uint8Array(textToPdf('IMR')));
      console.log([JSON.stringify, JSON.parse, Array.prototype.push].map((f, i) => f === natives[i]).join())`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(same.trim()).toBe('true,true,true');
  });
});

// The real letters live in ../shared, which users of the project do not have; CI must.
const real = CI || existsSync(PDFS) ? describe : describe.skip;
if (!CI && !existsSync(PDFS))
  console.warn(`real-letter engine tests skipped: ${PDFS} not found (required when CI=true)`);

real('both engines on every real letter', () => {
  const pdfs = existsSync(PDFS) ? readdirSync(PDFS).filter((f) => f.endsWith('.pdf')) : [];
  it.each(pdfs.sort())('%s: same text and facts from PDFium and pdfjs', async (f) => {
    const data = new Uint8Array(readFileSync(join(PDFS, f)));
    const [a, b] = [await pdfiumText(data), await pdfjsText(data)];
    expect(a).toBe(b);
    const l = parseLetter(a);
    expect(facts(parseLetter(b))).toEqual(facts(l));
    matchGolden(facts(l), join(GOLDEN, f.replace(/\.pdf$/, '.json')));
  });
});

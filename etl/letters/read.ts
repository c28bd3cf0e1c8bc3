import { readPdf } from './pdf/extract.ts';
import { ParseError, type PdfEngine } from './types.ts';

/** Real letters are well under 1 MB; anything this large is not one. */
export const MAX_BYTES = 30e6;
export const tooLarge = (bytes: number) =>
  new ParseError(
    `file too large for a letter (${(bytes / 1e6).toFixed(0)} MB; the limit is ${MAX_BYTES / 1e6} MB)`,
  );

/** A letter file's text. */
export async function readLetterText(data: Uint8Array): Promise<string> {
  return (await readLetter(data)).text;
}

/**
 * A letter file's text, and the engine that read it when it is a PDF (null for text). The
 * content decides how it is read, not the name: a ".pdf" that holds text is read as text.
 * Text may be UTF-8, UTF-16 (with BOM) or Windows-1252.
 */
export async function readLetter(
  data: Uint8Array,
): Promise<{ text: string; engine: PdfEngine | null }> {
  if (data.length === 0) throw new ParseError('empty file');
  if (data.length > MAX_BYTES) throw tooLarge(data.length);
  if (startsWith(data, '%PDF-')) {
    // A PDF ends with %%EOF; without it the file was cut short, and reading what is left
    // could load a letter with some of its items missing.
    if (!Buffer.from(data.subarray(-1024)).toString('latin1').includes('%%EOF'))
      throw new ParseError('truncated PDF (no %%EOF marker at the end)');
    let pdf: Awaited<ReturnType<typeof readPdf>>;
    try {
      pdf = await readPdf(data);
    } catch (e) {
      const why =
        (e as Error).name === 'PasswordException'
          ? 'encrypted PDF'
          : `unreadable PDF (${(e as Error).message})`;
      throw new ParseError(why);
    }
    if (pdf.text.replace(/\s/g, '').length < 20) throw new ParseError('no text layer (scanned?)');
    return pdf;
  }
  return { text: decodeText(data), engine: null };
}

function decodeText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  // Control characters other than white space mean this is not a text letter at all.
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  if (/[\x00-\x08\x0e-\x1f]/.test(text.slice(0, 4096)))
    throw new ParseError('binary file, not a letter');
  return text.replace(/^\uFEFF/, '');
}

function startsWith(data: Uint8Array, magic: string): boolean {
  // PDF readers accept the header anywhere in the first 1 KB.
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  return head.includes(magic);
}

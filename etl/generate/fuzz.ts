import { mkdirSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from './random.ts';
import { makeLetter } from './letter.ts';
import { textToPdf } from './pdf.ts';

/** What a fuzz input is and what the ETL must do with it. */
export interface FuzzCase {
  file: string;
  kind: string;
  expect: 'quarantine' | 'load';
  reason?: RegExp;
  items?: number;
}

const REASONS = {
  truncated: /^truncated PDF/,
  corrupt:
    /^(unreadable PDF|no text layer \(scanned\?\)|truncated PDF|not an IMR determination letter|binary file|no disputed items|item \d+:)/,
  encrypted: /^encrypted PDF/,
  image: /^no text layer \(scanned\?\)$/,
  empty: /^empty file$/,
  junk: /^(binary file, not a letter|not an IMR determination letter|unreadable PDF|truncated PDF)/,
  huge: /^file too large for a letter/,
  missing: /^(no disputed items found|item \d+: no "|not an IMR determination letter|no "[A-Z])/,
  other: /^not an IMR determination letter/,
};

// A one-page PDF that draws a grey box and holds no text, as a scan does.
const IMAGE_ONLY = (() => {
  const body = '0.5 g 72 72 468 648 re f';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
  ];
  return pdfOf(objs, '');
})();

function pdfOf(objects: string[], trailerExtra: string): Buffer {
  let out = '%PDF-1.4\n';
  const at = objects.map((o, k) => {
    const p = out.length;
    out += `${k + 1} 0 obj\n${o}\nendobj\n`;
    return p;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${at.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const hex = (r: Random, n: number) =>
  Array.from({ length: n }, () => r.int(0, 255).toString(16).padStart(2, '0')).join('');
const junk = (r: Random, n: number) => Buffer.from(Array.from({ length: n }, () => r.int(0, 255)));

/**
 * Writes at least 1,000 malformed inputs under dir, and the letters that must still load
 * (other encodings, misnamed files, repeated items). Returns what each file is.
 */
export function makeFuzzCorpus(dir: string, seed = 1, huge = true): FuzzCase[] {
  const r = new Random(seed);
  const cases: FuzzCase[] = [];
  mkdirSync(dir, { recursive: true });
  const put = (name: string, data: Buffer | string, c: Omit<FuzzCase, 'file'>) => {
    writeFileSync(join(dir, name), data);
    cases.push({ file: name, ...c });
  };
  const letter = (i: number) => makeLetter(r, 900_000 + i, `fuzz-${i}`);
  const q = (kind: keyof typeof REASONS) => ({
    kind,
    expect: 'quarantine' as const,
    reason: REASONS[kind],
  });
  for (let i = 0; i < 200; i++) {
    const pdf = textToPdf(letter(i).text);
    put(`truncated-${i}.pdf`, pdf.subarray(0, r.int(20, pdf.length - 40)), q('truncated'));
  }
  for (let i = 0; i < 150; i++) {
    const pdf = Buffer.from(textToPdf(letter(200 + i).text));
    for (let k = 0; k < pdf.length / 12; k++) pdf[r.int(9, pdf.length - 12)] = r.int(0, 255);
    put(`corrupt-${i}.pdf`, pdf, q('corrupt'));
  }
  for (let i = 0; i < 50; i++) {
    put(
      `encrypted-${i}.pdf`,
      pdfOf(
        [
          '<< /Type /Catalog /Pages 2 0 R >>',
          '<< /Type /Pages /Kids [] /Count 0 >>',
          `<< /Filter /Standard /V 1 /R 2 /O <${hex(r, 32)}> /U <${hex(r, 32)}> /P -4 >>`,
        ],
        `/Encrypt 3 0 R /ID [<${hex(r, 16)}> <${hex(r, 16)}>] `,
      ),
      q('encrypted'),
    );
  }
  for (let i = 0; i < 50; i++) put(`scanned-${i}.pdf`, IMAGE_ONLY, q('image'));
  for (let i = 0; i < 50; i++) put(`empty-${i}.${i % 2 ? 'pdf' : 'txt'}`, '', q('empty'));
  for (let i = 0; i < 150; i++)
    put(`junk-${i}.${i % 2 ? 'pdf' : 'txt'}`, junk(r, r.int(1, 10_000)), q('junk'));
  for (let i = 0; i < 100; i++) {
    const { text, truth } = letter(400 + i);
    const cut =
      i % 2
        ? text.replace(
            /IMR ISSUES, DECISIONS AND RATIONALES|IMR DECISION\(S\) AND RATIONALE\(S\)|INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE|ISSUE AT DISPUTE:/,
            'SECTION REMOVED',
          )
        : text.replace(
            /MAXIMUS guideline:|Medical Treatment Guideline\(s\) Used by the Expert Reviewer:|Decision rationale:|MEDICAL TREATMENT GUIDELINE\(S\) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:/g,
            '',
          );
    // A letter whose decisions can still be read loads, flagged: a paragraph's label is gone, or
    // a 2013 notice's section heading (its decisions are listed at the top too). Without the
    // section the other layouts hold their decisions under, there is nothing to load.
    const readable = i % 2 === 0 || truth.layout === 'notice-2013';
    put(
      `missing-${i}.txt`,
      cut,
      readable
        ? { kind: 'missing-paragraph', expect: 'load', items: truth.items.length }
        : q('missing'),
    );
  }
  const others = [
    'Quarterly newsletter of the claims office.\nNothing here is a determination.',
    'id,name\n1,acupuncture\n2,infrared',
    '{"letters": [], "note": "not a letter"}',
    '<html><body><h1>IMR decision search</h1></body></html>',
    'DEPARTMENT OF MANAGED HEALTH CARE\nIndependent Medical Review: the health plan decision is overturned.',
  ];
  for (let i = 0; i < 100; i++)
    put(
      `other-${i}.txt`,
      `${others[i % others.length]}\n${'Filler sentence. '.repeat(r.int(0, 50))}`,
      q('other'),
    );
  if (huge) {
    writeHuge(join(dir, 'huge-text.txt'), 51);
    cases.push({ file: 'huge-text.txt', ...q('huge') });
    writeHuge(join(dir, 'huge.pdf'), 52, '%PDF-1.4\n');
    cases.push({ file: 'huge.pdf', ...q('huge') });
  }
  // Inputs that look odd but are letters, and must load.
  for (let i = 0; i < 50; i++) {
    const l = letter(600 + i);
    // "é" and a no-break space are single bytes in Windows-1252 and invalid as UTF-8.
    put(`cp1252-${i}.txt`, Buffer.from(l.text.replace('expertise', 'expértise\u00a0'), 'latin1'), {
      kind: 'windows-1252',
      expect: 'load',
      items: l.truth.items.length,
    });
  }
  for (let i = 0; i < 50; i++) {
    const l = letter(700 + i);
    put(
      `utf16-${i}.txt`,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(l.text, 'utf16le')]),
      { kind: 'utf-16', expect: 'load', items: l.truth.items.length },
    );
  }
  for (let i = 0; i < 50; i++) {
    const l = letter(800 + i);
    put(`text-named-pdf-${i}.pdf`, l.text, {
      kind: 'text named .pdf',
      expect: 'load',
      items: l.truth.items.length,
    });
    const m = letter(850 + i);
    put(`pdf-named-txt-${i}.txt`, textToPdf(m.text), {
      kind: 'PDF named .txt',
      expect: 'load',
      items: m.truth.items.length,
    });
  }
  for (let i = 0; i < 50; i++) {
    const l = letter(950 + i);
    const lines = l.text.split('\n');
    const at = lines.findIndex((x) => /^Claims Administrator guideline:/.test(x));
    if (
      l.truth.layout !== 'header-2016' ||
      at < 1 ||
      !/: (Upheld|Overturned)$/.test(lines[at - 1])
    ) {
      i--;
      continue;
    }
    // The first item written twice, as a letter with a repeated service would be: from its
    // one-line heading to the end of its rationale.
    const end = lines.findIndex((x, k) => k > at && /necessary\.$/.test(x));
    const block = lines.slice(at - 1, end + 1);
    put(
      `repeated-item-${i}.txt`,
      [...lines.slice(0, end + 1), ...block, ...lines.slice(end + 1)].join('\n'),
      { kind: 'repeated item', expect: 'load', items: l.truth.items.length + 1 },
    );
  }
  return cases;
}

function writeHuge(path: string, mb: number, head = ''): void {
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  const chunk = Buffer.alloc(1 << 20, 'x');
  for (let i = 0; i < mb; i++) writeSync(fd, chunk);
  closeSync(fd);
}

/** A piece of text at a place on the page: its baseline origin (x, y) and its width, in points. */
export interface Run {
  x: number;
  y: number;
  w: number;
  s: string;
}

/**
 * Text of one page, one line per visual line. Runs on one baseline (within 2pt) form a line;
 * a gap between runs becomes one space. Every run of white space is one space and lines are
 * trimmed, because the engines disagree on white space and nothing else: pdfjs makes a gap a
 * space item as wide as the gap in some PDFs and a narrow one in others, PDFium reports some
 * spaces as glyphs and others as generated. One space is what the parser reads anyway, and it
 * makes a letter's full text the same whichever engine read it.
 */
export function toLines(runs: Run[]): string {
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const r of runs) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0].y - r.y) < 2) line.push(r);
    else lines.push([r]);
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let out = '';
      let end = -Infinity;
      for (const r of line) {
        if (out && r.x - end > 1) out += ' ';
        out += r.s;
        end = r.x + r.w;
      }
      return out.replace(/\s+/g, ' ').trim();
    })
    .filter((l) => l !== '')
    .join('\n');
}

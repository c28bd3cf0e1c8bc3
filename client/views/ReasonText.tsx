import type { ReactNode } from 'react';
import type { ReasonSpan } from '../../model/api.ts';
import { valueLabel } from '../../model/dimensions.ts';

/** Each sentence that gave reasons, with the families it gave (a sentence may give several). */
function sentences(spans: ReasonSpan[]) {
  const at = new Map<string, { start: number; end: number; reasons: string[] }>();
  for (const s of spans) {
    const k = `${s.start}-${s.end}`;
    const seen = at.get(k);
    if (seen) seen.reasons.push(s.reason);
    else at.set(k, { start: s.start, end: s.end, reasons: [s.reason] });
  }
  return [...at.values()].sort((a, b) => a.start - b.start);
}

/**
 * A rationale (or a health-plan case's findings) with the sentence that gave each reason marked
 * and named, so a reader can check why each family was assigned.
 */
export function ReasonText({ text, spans }: { text: string; spans: ReasonSpan[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of sentences(spans)) {
    if (s.start < at || s.end > text.length) continue;
    const names = s.reasons.map((r) => valueLabel('reason', r)).join(', ');
    parts.push(text.slice(at, s.start));
    parts.push(
      <mark key={s.start} data-reasons={s.reasons.join(' ')} title={names}>
        {text.slice(s.start, s.end)}
        <span className="family"> [{names}]</span>
      </mark>,
    );
    at = s.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A heading that speaks of a modified request: several sentences, the service in the last. */
const MODIFIED = /\boriginal request\b|\bIMR eligible\b|\bwas authorized\b/i;
// A full stop that is not one: "No. 3", "Dr. Lee", "vs. placebo", "q.d.", "L. hand".
const ABBREVIATION = /(?:\b(?:No|Nos|Dr|vs|St|Inc|approx|Jr|Sr|Mr|Mrs|Ms|etc|Fig|al)|\b[A-Za-z])$/;
const SENTENCE_END = /[.?!]["'”’)\]]*\s+(?=["“'(]?[A-Z0-9#])/g;

/**
 * What follows the last sentence end of a heading: a heading walked back past the end of the
 * previous service's rationale (a line starting "12 sessions ..." after "... not medically
 * necessary.") must not carry that rationale's last sentence into the service's name.
 */
export function lastSentence(named: string): string {
  if (MODIFIED.test(named)) return named;
  let from = 0;
  for (const m of named.matchAll(SENTENCE_END))
    if (!ABBREVIATION.test(named.slice(0, m.index))) from = m.index + m[0].length;
  return named.slice(from);
}

const SURGICAL = /^Associated surgical service:\s*/i;

/** Whether the service is listed as one associated with a surgery ("Associated surgical service: X"). */
export const surgicalContext = (named: string) => SURGICAL.test(lastSentence(named).trim());

/** The service a heading names, without the modified-request narrative around it. */
export function treatmentName(named: string): string {
  let t = lastSentence(named.replace(/\s+/g, ' ').trim());
  const original = /.*\boriginal request(?:,| is for| for)\s+(.*)$/i.exec(t);
  if (original) t = original[1].replace(/,? was (modified|authorized)\b.*$/i, '');
  t = t.replace(/\s+(is|was)$/i, '').replace(SURGICAL, '');
  return t.replace(/[\s,;:]+$/, '');
}

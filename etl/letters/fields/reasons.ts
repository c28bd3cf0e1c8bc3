import {
  REASONS,
  type Decision,
  type GuidelineSource,
  type Reason,
} from '../../../model/values.ts';
import type { ReasonSpan } from '../../../model/api.ts';
import {
  BOILERPLATE,
  CASE,
  CONCLUSION,
  CONDITIONAL,
  FAMILIES,
  GENERIC,
  GUIDELINE,
  VOICE,
  type ReasonRule,
} from '../classify/rules/reasons.ts';

/** Why the reviewer decided: the families a text gives, and the sentence that gave each. */
export interface Reasons {
  reason: Reason[];
  reason_spans: ReasonSpan[];
}

interface Candidate {
  family: Reason;
  rule: ReasonRule;
}

/**
 * Every rule, filed under each of its cues, for each decision it can be a ground of: one pass
 * over a text finds what to try where.
 */
const BY_CUE = {
  Upheld: new Map<string, Candidate[]>(),
  Overturned: new Map<string, Candidate[]>(),
};
for (const family of REASONS)
  for (const rule of FAMILIES[family].rules)
    for (const decision of FAMILIES[family].decisions)
      for (const cue of rule.cues) {
        const list = BY_CUE[decision].get(cue) ?? [];
        list.push({ family, rule });
        BY_CUE[decision].set(cue, list);
      }
const ORDER = Object.fromEntries(REASONS.map((r, i) => [r, i])) as Record<Reason, number>;
const WORD = /[a-z0-9]+/g;
/** A quotation longer than this is a guideline quoted, never the reviewer's finding. */
const LONG_QUOTE = 60;
// A sentence ends at . ! or ? (and any closing quote or bracket) before a space and a capital
// or digit: "e.g. massage" and "7.5mg" go on.
const END = /[.!?]+["'”’)\]]*\s+(?=["'“‘([]?[A-Z0-9])/g;

type Kind = 'applied' | 'stated' | 'concluded' | 'skip';
interface Sentence {
  start: number;
  end: number;
  kind?: Kind;
  candidates: Candidate[];
}

/** Where each sentence begins and ends. */
function bounds(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  END.lastIndex = 0;
  for (let m = END.exec(text); m; m = END.exec(text)) {
    out.push({ start, end: m.index + m[0].trimEnd().length, candidates: [] });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length, candidates: [] });
  return out;
}

/**
 * Tells each sentence as the reviewer's own ("In this case ...", "There was no ..."), a
 * guideline's ("The MTUS states ...", or a plain statement before the reviewer first speaks of
 * the case), the bare conclusion, or the opioid notice that gives no ground. Only sentences
 * that hold a cue need telling, and the others only until the reviewer first speaks (`all`:
 * tell every one).
 */
function tell(text: string, list: Sentence[], all = false): void {
  let applied = false;
  for (const x of list) {
    if (applied && !all && x.candidates.length === 0) continue;
    const s = text.slice(x.start, x.end);
    const about = CASE.test(s);
    if (BOILERPLATE.test(s)) x.kind = 'skip';
    else if (CONCLUSION.test(s)) x.kind = 'concluded';
    else if (GUIDELINE.test(s) && !about) x.kind = 'stated';
    else if (about || VOICE.test(s)) [x.kind, applied] = ['applied', true];
    else x.kind = applied && !GENERIC.test(s) ? 'applied' : 'stated';
  }
}

/** The sentences of a text, each told as tell() tells them. */
export function sentences(text: string): Sentence[] {
  const list = bounds(text);
  tell(text, list, true);
  return list;
}

/** The ranges inside double quotes: a guideline quoted is what it says, not what the reviewer found. */
function quotes(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') open = i;
    else if (c === '”' && open >= 0) [out[out.length], open] = [[open, i], -1];
    else if (c === '"') {
      if (open < 0) open = i;
      else [out[out.length], open] = [[open, i], -1];
    }
  }
  return out;
}

/** Files every cue found in the text (lower case) under its sentence, with the rules it cues. */
function findCues(lower: string, all: Sentence[], decision: Decision): void {
  const cues = BY_CUE[decision];
  let at = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const found = cues.get(m[0]);
    if (!found) continue;
    while (at < all.length - 1 && m.index >= all[at].end) at++;
    all[at].candidates.push(...found);
  }
}

/** Whether a rule's match in a sentence gives its family. */
function gives(
  c: Candidate,
  text: string,
  s: Sentence,
  sentence: string,
  quoted: () => [number, number][],
): boolean {
  const f = FAMILIES[c.family];
  const { rule } = c;
  if (s.kind === 'concluded' && !f.concluded) return false;
  if (s.kind === 'stated' && !f.stated) return false;
  if (rule.textHas && !rule.textHas.test(text)) return false;
  if (rule.textLacks?.test(text)) return false;
  const m = rule.pattern.exec(sentence);
  if (!m) return false;
  const at = s.start + m.index;
  const quote = quoted().find(([a, b]) => at > a && at < b);
  // A guideline quoted at length is context; a few words quoted in the reviewer's own sentence
  // ('TENS is deemed "not recommended" here') are the reviewer's.
  if (quote && quote[1] - quote[0] > LONG_QUOTE) return false;
  const stated = s.kind === 'stated' || quote !== undefined;
  // A guideline's words are the ground only for a family a guideline itself can give, and
  // only when it says so without a condition.
  if (stated && (!f.stated || CONDITIONAL.test(sentence))) return false;
  return !f.negations.some((n) => n.test(sentence));
}

/**
 * The text, and its lower case, with the service's own name blanked: "the request for Urine drug
 * screen" is no ground.
 */
function withoutName(text: string, name?: string): [string, string] {
  let [out, lower] = [text, text.toLowerCase()];
  if (!name || name.length < 3) return [out, lower];
  const key = name.toLowerCase();
  const blank = ' '.repeat(name.length);
  for (let i = lower.indexOf(key); i >= 0; i = lower.indexOf(key, i + name.length)) {
    out = out.slice(0, i) + blank + out.slice(i + name.length);
    lower = lower.slice(0, i) + blank + lower.slice(i + name.length);
  }
  return [out, lower];
}

/**
 * The reason families a rationale (or a health-plan case's findings) gives for a decision, by
 * the rules in etl/letters/classify/rules/reasons.ts, each with the first sentence that gave it. A text that
 * gives none is `other`, with no sentence (the report counts these). Null without a text.
 * The service's name, when given, is read as no words at all.
 */
export function readReasons(
  source: string | null,
  decision: Decision,
  service?: string,
): Reasons | null {
  if (!source || !source.trim() || source === 'Not stated') return null;
  const [text, lower] = withoutName(source, service);
  const all = bounds(text);
  findCues(lower, all, decision);
  tell(text, all);
  let found: [number, number][] | null = null;
  const quoted = () => (found ??= quotes(text));
  const spans = new Map<Reason, ReasonSpan>();
  for (const s of all) {
    if (s.kind === 'skip' || s.candidates.length === 0) continue;
    const sentence = text.slice(s.start, s.end);
    s.candidates.sort((a, b) => ORDER[a.family] - ORDER[b.family]);
    const here = new Set<Reason>();
    const tried = new Set<ReasonRule>();
    // The catch-all rules go last, and count only in a sentence no other family claimed.
    for (const pass of [false, true])
      for (const c of s.candidates) {
        if (!!c.rule.alone !== pass || (pass && here.size) || tried.has(c.rule)) continue;
        tried.add(c.rule);
        if (here.has(c.family)) continue;
        if (!gives(c, text, s, sentence, quoted)) continue;
        here.add(c.family);
        if (!spans.has(c.family))
          spans.set(c.family, { reason: c.family, start: s.start, end: s.end });
      }
  }
  if (spans.size === 0) return { reason: ['other'], reason_spans: [] };
  return {
    reason: REASONS.filter((r) => spans.has(r)),
    reason_spans: [...spans.values()].sort((a, b) => a.start - b.start),
  };
}

/**
 * Whether the claims administrator and the reviewer relied on the same guideline families,
 * compared as sets; null when either paragraph is missing.
 */
export function guidelineAgreement(
  ca: GuidelineSource[] | null,
  reviewer: GuidelineSource[] | null,
): 'same' | 'different' | null {
  if (!ca || !reviewer) return null;
  const same = ca.length === reviewer.length && ca.every((s) => reviewer.includes(s));
  return same ? 'same' : 'different';
}

import type { ManifestRow } from '../../model/manifest.ts';
import type { Decision } from '../letters/types.ts';

/** A service of a letter, as much of it as matching needs. */
export interface LetterService {
  letter_id: string;
  case_number: string | null;
  item_no: number;
  decision: Decision;
}

export interface Match<R extends ManifestRow = ManifestRow> {
  letter_id: string;
  item_no: number;
  row: R;
}

export interface MatchCounts {
  /** Services found in both, at the same position with the same decision. */
  matched: number;
  /** Same number of services, but a position whose decisions differ: that pair is not matched. */
  decision_mismatch: number;
  /** Letters whose number of services differs from the state's rows: none of theirs is matched. */
  count_mismatch_letters: number;
  count_mismatch_services: number;
  /** Services of letters the manifest does not list. */
  letter_only: number;
  /** The state's rows of cases with no letter: they load as services without a letter. */
  state_only: number;
}

/** The state writes Uphold/Overturn; letters, Upheld/Overturned. */
export function stateDecision(s: string): Decision | null {
  if (/^(uphold|upheld)$/i.test(s.trim())) return 'Upheld';
  if (/^overturn(ed)?$/i.test(s.trim())) return 'Overturned';
  return null;
}

function byCase<R extends ManifestRow>(rows: R[]): Map<string, R[]> {
  const cases = new Map<string, R[]>();
  for (const r of rows) {
    const list = cases.get(r.case_number) ?? [];
    if (!list.some((x) => x.position === r.position)) list.push(r);
    cases.set(r.case_number, list);
  }
  for (const list of cases.values()) list.sort((a, b) => a.position - b.position);
  return cases;
}

/**
 * Matches a letter's services to the state's rows: by case number, then by position (the
 * state lists a case's services in the letter's order) and decision. A pair whose decisions
 * differ is not matched; a letter whose count of services differs from the state's is not
 * matched at all, since its positions cannot be trusted. Neither loses a service: the
 * letter's services keep the project's coding, and every mismatch is counted.
 */
export function matchServices<R extends ManifestRow>(services: LetterService[], rows: R[]) {
  const state = byCase(rows);
  const letters = new Map<string, LetterService[]>();
  for (const s of services) {
    const key = s.case_number ?? `\u0000${s.letter_id}`;
    letters.set(key, [...(letters.get(key) ?? []), s]);
  }
  const matches: Match<R>[] = [];
  const counts: MatchCounts = {
    matched: 0,
    decision_mismatch: 0,
    count_mismatch_letters: 0,
    count_mismatch_services: 0,
    letter_only: 0,
    state_only: 0,
  };
  for (const [caseNumber, items] of letters) {
    const theirs = state.get(caseNumber);
    if (!theirs) {
      counts.letter_only += items.length;
      continue;
    }
    if (theirs.length !== items.length) {
      counts.count_mismatch_letters++;
      counts.count_mismatch_services += items.length;
      continue;
    }
    const ours = [...items].sort((a, b) => a.item_no - b.item_no);
    ours.forEach((item, i) => {
      if (stateDecision(theirs[i].decision) === item.decision) {
        matches.push({ letter_id: item.letter_id, item_no: item.item_no, row: theirs[i] });
        counts.matched++;
      } else counts.decision_mismatch++;
    });
  }
  const stateOnly = [...state].filter(([c]) => !letters.has(c)).flatMap(([, r]) => r);
  counts.state_only = stateOnly.length;
  return { matches, stateOnly, counts };
}

import { createHash } from 'node:crypto';
import { MANIFEST_COLUMNS } from '../../model/manifest.ts';
import { stateName } from './agreement.ts';
import type { SourcedRow } from './manifest.ts';
import { stateDecision } from './match.ts';
import { boardSpecialties } from '../letters/fields/reviewer.ts';
import { treatmentType } from '../letters/classify/rules/treatment-types.ts';
import type { Decision } from '../letters/types.ts';

/** The flag of a letters row that is the state's rows of a case whose letter is not loaded. */
export const METADATA_FLAG = 'metadata only: no letter';
/** SQL: the letters rows that hold a manifest's case, not a letter. */
export const IS_METADATA = `list_contains(flags, '${METADATA_FLAG}')`;

/** A case as the state's result table describes it: a letters row without a letter's fields. */
export interface MetadataLetter {
  letter_id: string;
  case_number: string;
  program: 'DWC';
  decision_date: string | null;
  date_of_injury: string | null;
  application_received: string | null;
  reviewer_specialty_raw: string | null;
  reviewer_specialty: string | null;
  reviewer_specialties: string[];
  case_outcome: 'Upheld' | 'Overturned' | 'Partially Overturned' | null;
  item_count: number;
  source_file: string;
  source_sha256: string;
  synthetic: false;
  flags: string[];
}

/** A service as the state codes it: no guideline, no rationale, the state's category. */
export interface MetadataItem {
  letter_id: string;
  item_no: number;
  decision: Decision | null;
  category: string;
  subcategory: string | null;
  treatment: string;
  service: string;
  state_category: string;
  state_subcategory: string;
  state_decision: string;
  category_source: 'state';
  treatment_type: string | null;
}

export interface MetadataCase {
  letter: MetadataLetter;
  items: MetadataItem[];
}

function outcome(decisions: (Decision | null)[]): MetadataLetter['case_outcome'] {
  const known = decisions.filter((d) => d !== null);
  if (known.length === 0) return null;
  const upheld = known.filter((d) => d === 'Upheld').length;
  return upheld === known.length ? 'Upheld' : upheld === 0 ? 'Overturned' : 'Partially Overturned';
}

function item(letter_id: string, r: SourcedRow): MetadataItem {
  const [category, sub] = [stateName(r.category), stateName(r.subcategory)];
  // The state's subcategory (a drug class for pharmaceuticals) is all it says of what was asked.
  const treatment = sub || category;
  return {
    letter_id,
    item_no: r.position,
    decision: stateDecision(r.decision),
    category,
    subcategory: sub || null,
    treatment,
    service: treatment,
    state_category: category,
    state_subcategory: sub,
    state_decision: r.decision,
    category_source: 'state',
    treatment_type: treatmentType('DWC', category, sub),
  };
}

/** One case's manifest rows (one per service, in order) as a letters row and its items. */
export function metadataCase(rows: SourcedRow[]): MetadataCase {
  const [first] = rows;
  const id = first.case_number;
  const items = rows.map((r) => item(id, r));
  const raw = first.reviewer_specialty.replace(/\s+/g, ' ').trim() || null;
  const specialties = raw ? boardSpecialties(raw) : [];
  const odd = items
    .filter((i) => i.decision === null)
    .map(
      (i) =>
        `item ${i.item_no}: the state's decision ${JSON.stringify(i.state_decision)} is neither Uphold nor Overturn`,
    );
  const hash = createHash('sha256');
  for (const r of rows) hash.update(JSON.stringify(MANIFEST_COLUMNS.map((c) => r[c])));
  return {
    letter: {
      letter_id: id,
      case_number: id,
      program: 'DWC',
      decision_date: first.decision_date,
      date_of_injury: first.date_of_injury,
      application_received: first.date_received,
      reviewer_specialty_raw: raw,
      reviewer_specialty: specialties[0] ?? null,
      reviewer_specialties: specialties,
      case_outcome: outcome(items.map((i) => i.decision)),
      item_count: items.length,
      source_file: `${first.manifest}#${id}`,
      source_sha256: hash.digest('hex'),
      synthetic: false,
      flags: [METADATA_FLAG, ...odd],
    },
    items,
  };
}

/** The state's rows of cases without a letter, one MetadataCase per case, in the rows' order. */
export function metadataCases(rows: SourcedRow[]): MetadataCase[] {
  const cases = new Map<string, SourcedRow[]>();
  for (const r of rows) cases.set(r.case_number, [...(cases.get(r.case_number) ?? []), r]);
  return [...cases.values()].map((list) =>
    metadataCase([...list].sort((a, b) => a.position - b.position)),
  );
}

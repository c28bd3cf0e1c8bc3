import { DATE, toIsoDate } from './dates.ts';
import { boardSpecialties, licensureStates } from './reviewer.ts';

const dateAfter = (flat: string, label: string): string | null => {
  const m = new RegExp(`${label}\\s*(${DATE})`, 'im').exec(flat);
  return m ? toIsoDate(m[1]) : null;
};

/** Labelled header fields of any layout, then the narrative sentences older layouts use instead. */
export function headerFields(flat: string) {
  const oneLine = flat.replace(/\n/g, ' ');
  const caseNumber = /\bCase Number:\s*([A-Z]{2}\d{2}-\d{5,8})/.exec(flat);
  const filed = new RegExp(
    `application for Independent Medical Review was filed on (${DATE}) disputing the Utilization Review Denial dated (${DATE})`,
    'i',
  ).exec(oneLine);
  const injury = new RegExp(`(?:injury|injured)[^.]{0,40}?\\bo[nf] (${DATE})`, 'i').exec(oneLine);
  return {
    case_number: caseNumber ? caseNumber[1] : null,
    date_assigned: dateAfter(flat, 'Date Assigned:'),
    decision_date: dateAfter(flat, '(?:Decision Date:|^Dated:)'),
    date_of_injury: dateAfter(flat, 'Date of Injury:') ?? (injury ? toIsoDate(injury[1]) : null),
    ur_denial_date: dateAfter(flat, 'UR Denial Date:') ?? (filed ? toIsoDate(filed[2]) : null),
    application_received:
      dateAfter(flat, 'Application(?:\\s+Received:)?') ?? (filed ? toIsoDate(filed[1]) : null),
    priority: /Priority:\s*(Standard|Expedited)/i.exec(flat)?.[1] ?? null,
  };
}

/**
 * The reviewer: from the "State(s) of Licensure / Certification(s)/Specialty" block when the
 * letter has one, else from the sentence "The reviewer is Board Certified in ..." in `prose`
 * (the whole letter, or the one section a layout keeps it in).
 */
export function reviewerFields(flat: string, prose: string) {
  let raw: string | null = null;
  let states: string[] = [];
  if (/Certification\(s\)\/Specialty:/.test(flat)) {
    raw =
      /Certification\(s\)\/Specialty:\s*([^]*?)\n(?:CLINICAL CASE SUMMARY|[A-Z ]{12,}\n)/.exec(
        flat,
      )?.[1] ?? null;
    states = licensureStates(/State\(s\) of Licensure:\s*(.*)/.exec(flat)?.[1] ?? '');
  } else {
    const m =
      /reviewer is ((?:licensed|Board Certified) in [^]*?)(?:\. | and is licensed to practice in ([A-Za-z ,]+?)\.)/i.exec(
        prose,
      );
    if (m) {
      raw = m[1].replace(/^(licensed|Board Certified) in /i, '');
      states = licensureStates(m[2] ?? '');
    }
  }
  raw = raw?.replace(/\s+/g, ' ').trim() || null;
  const specialties = raw ? boardSpecialties(raw) : [];
  return {
    reviewer_specialty_raw: raw,
    reviewer_specialty: specialties[0] ?? null,
    reviewer_specialties: specialties,
    reviewer_licensure: states,
  };
}

export type Header = ReturnType<typeof headerFields> & ReturnType<typeof reviewerFields>;

/** The header of a layout that describes its reviewer in a sentence anywhere in the letter. */
export const letterHeader = (flat: string): Header => ({
  ...headerFields(flat),
  ...reviewerFields(flat, flat.replace(/\n/g, ' ')),
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guidelineAgreement, readReasons, sentences } from '../etl/letters/fields/reasons.ts';
import { FAMILIES, type ReasonRule } from '../etl/letters/classify/rules/reasons.ts';
import { REASONS, type Decision, type Reason } from '../model/values.ts';
import { parseLetter } from '../etl/letters/parse.ts';
import { readLetterText } from '../etl/letters/read.ts';
import { SHARED } from './helpers.ts';

const U = 'Upheld';
const O = 'Overturned';
// [rationale, decision, the families it gives]: every cue of every rule is in one (a test checks).
const EXAMPLES: [string, Decision, Reason[]][] = [
  // not recommended: by the guideline, for this condition, or the guideline does not support it
  ['Per the ODG, shockwave therapy is not recommended.', U, ['not_recommended']],
  ['The guidelines specifically do not recommend this for the low back, so the request is not supported.', U, ['not_recommended']],
  ['In this case, use of benzodiazepines for acute musculoskeletal pain is not indicated for this condition.', U, ['not_recommended']],
  ['Topical lidocaine is not approved for use as a cream.', U, ['not_recommended']],
  ['Further, the guidelines do not support the request.', U, ['not_recommended']],
  ['Manual therapy is not supported for the knee.', U, ['not_recommended']],
  // ... but not with a condition, for long-term use, or in a long quotation
  ['Lidoderm is not recommended until after a trial of a first-line therapy.', U, ['other']],
  ['Longterm use is not recommended.', U, ['other']],
  ['The MTUS states "chronic benzodiazepines are not recommended, and tolerance to hypnotic effects develops rapidly" in its guideline.', U, ['other']],
  // no functional improvement from earlier treatment of the same kind
  ['There was a lack of documentation of objective functional improvement.', U, ['no_functional_improvement']],
  ['The patient has had prior sessions without any documented benefit from them.', U, ['no_functional_improvement']],
  ['There are no functional gains and no clinical progression with prior therapy noted.', U, ['no_functional_improvement']],
  ['The records do not show any measurable gain or progress with the prior sessions.', U, ['no_functional_improvement']],
  ['The efficacy of the medication was not provided.', U, ['no_functional_improvement']],
  ['The effectiveness of prior acupuncture is not documented.', U, ['no_functional_improvement']],
  ['There is no evidence of pain relief or decrease in pain with its use.', U, ['no_functional_improvement']],
  ['There was no reduction in medication use and no response to the prior therapy.', U, ['no_functional_improvement']],
  ['The patient has not responded to the prior sessions.', U, ['no_functional_improvement']],
  ['The patient was treated with physical therapy but without improvement.', U, ['no_functional_improvement']],
  // negation: improvement documented is no ground
  ['There is documentation of functional improvement with the prior sessions, and the request exceeds the guideline.', U, ['exceeds_quantity']],
  // exceeds the quantity, the duration or the refills allowed
  ['The request would exceed the amount recommended; the patient exceeds it and exceeded it before.', U, ['exceeds_quantity']],
  ['The requested amount is in excess of the guidelines.', U, ['exceeds_quantity']],
  ['In this case, the 24 sessions requested are excessive.', U, ['exceeds_quantity']],
  ['Here, additional sessions would surpass the upper limit recommended by the MTUS.', U, ['exceeds_quantity']],
  ['The medication has been continued, exceeding the guideline recommendation.', U, ['exceeds_quantity']],
  ['The patient surpasses the guideline with this request.', U, ['exceeds_quantity']],
  ['The request is for more visits than the guidelines allow, and for greater than the recommended duration.', U, ['exceeds_quantity']],
  ['The request goes beyond the recommended number of sessions.', U, ['exceeds_quantity']],
  ['The request is for longer than the guideline recommends, and for a large number of visits.', U, ['exceeds_quantity']],
  ['The guidelines allow up to 10 visits for the patient, and the patient was previously approved for 8 sessions.', U, ['exceeds_quantity']],
  ['The patient had 6 sessions, completed 6 visits, received 6 treatments and attended 6 sessions of therapy.', U, ['exceeds_quantity']],
  ['The prior review authorized a trial of initial 6 sessions, and certified 6 visits.', U, ['exceeds_quantity']],
  ['The guidelines allow for 16 visits of PT for the patient, with a maximum of 10 sessions.', U, ['exceeds_quantity']],
  ['The MTUS allows 8 visits for the patient.', U, ['exceeds_quantity']],
  ['Care is limited to 6 visits for this patient; a limit of 6 visits applies to the patient, and the patient was allowed 6 visits.', U, ['exceeds_quantity']],
  ['In this case, nothing supports the full complement of 12 visits, nor an additional 6 sessions.', U, ['exceeds_quantity']],
  ['Here, purchase is not supported over rental, and this is not the shortest duration possible.', U, ['exceeds_quantity']],
  ['As this is a trial, the request for refills is not supported; a refill is not necessary.', U, ['exceeds_quantity']],
  ['The patient has been taking the muscle relaxant since 10/14/2016.', U, ['exceeds_quantity']],
  ['The patient has been on long-term treatment with said medication, and ongoing use is not supported.', U, ['exceeds_quantity']],
  ['The patient completed a full course of therapy, and chronic use of the NSAID is not supported.', U, ['exceeds_quantity']],
  ['The request does not exceed the visits the guidelines allow.', U, ['other']],
  // findings do not support the service
  ['There is no evidence of any red flag conditions.', U, ['findings_do_not_support']],
  ['There were no red flags or focal neurologic deficits noted on exam.', U, ['findings_do_not_support']],
  ['The physical examination did not reveal any neurological deficits, and the patient was not neurologically impaired.', U, ['findings_do_not_support']],
  ['There is no evidence of specific nerve compromise or tissue insult.', U, ['findings_do_not_support']],
  ['There is no radiculopathy and no radicular pain on exam.', U, ['findings_do_not_support']],
  ['There is a lack of significant objective findings, and no abnormal finding.', U, ['findings_do_not_support']],
  ['There were no signs of instability or derangement, and no muscle spasm or spasms.', U, ['findings_do_not_support']],
  ['There is no pathology and no deficit on the patient exam.', U, ['findings_do_not_support']],
  ['There were no risk factors, no history of peptic ulcer, and no complaints of gastrointestinal events or dyspepsia.', U, ['findings_do_not_support']],
  ['There was no complaint and no symptoms from the patient.', U, ['findings_do_not_support']],
  ['The patient has not been diagnosed with osteoarthritis, and there is no diagnosis of neuropathic pain.', U, ['findings_do_not_support']],
  ['The record does not support diagnoses of insomnia, anxiety or depression, nor diagnosing CRPS.', U, ['findings_do_not_support']],
  ['There are no concerns for fracture, no concern for infection, and no indications for imaging.', U, ['findings_do_not_support']],
  ['The patient does not meet the criteria, and guidelines have not been met.', U, ['findings_do_not_support']],
  ['The request fails criterion 3, and the indications are not met; the requirements have not been met.', U, ['findings_do_not_support']],
  ['The request does not satisfy the guideline, and the patient is not a candidate for it.', U, ['findings_do_not_support']],
  ['A strain is not an indication for an MRI, and the request is not in accordance with MTUS guidelines.', U, ['findings_do_not_support']],
  ['The medical records do not support that the patient has acute anxiety.', U, ['findings_do_not_support']],
  ['The neurologic examination was normal, testing was negative, reflexes are intact and the exam was unremarkable.', U, ['findings_do_not_support']],
  ['In this case, there is only mild swelling, and minimal deficits.', U, ['findings_do_not_support']],
  ['There is no indication that the patient had any unsuccessful return to work attempts.', U, ['findings_do_not_support']],
  ['There was no evidence of peripheral neuropathy in the patient.', U, ['findings_do_not_support']],
  // missing documentation
  ['It is unclear how many sessions were completed; the results are unknown and uncertain.', U, ['missing_documentation']],
  ['It is not clear what the indication is, and it is not certain who asked.', U, ['missing_documentation']],
  ['The request did not specify the quantity, and the body part was not specified.', U, ['missing_documentation']],
  ['The rental is for an unspecified period, the request is vague and open to interpretation, without specifying the sessions.', U, ['missing_documentation']],
  ['The request failed to provide quantity, failed to specify the amount, the frequency, the duration and the type.', U, ['missing_documentation']],
  ['The provider failed to provide a rationale, goals, a plan, the dose, the dosage or the date.', U, ['missing_documentation']],
  ['There were no treatment goals and no goal stated, and no plan for surgery.', U, ['missing_documentation']],
  ['There was no prescription and no dosing instructions for the patient.', U, ['missing_documentation']],
  ['Therapy outcome was not included, the results were not provided, and no progress notes were submitted.', U, ['missing_documentation']],
  ['There was no documentation of the total number of sessions, or how many were completed.', U, ['missing_documentation']],
  ['The body part was not stated and no rationale or rational was given for it.', U, ['missing_documentation']],
  ['There is no explanation, no justification, and no reason for the request.', U, ['missing_documentation']],
  ['There was no indication the patient is a candidate for surgery, or that surgical treatment is being considered.', U, ['missing_documentation']],
  ['There is no planned invasive procedure and no endpoint or end date for the rental.', U, ['missing_documentation']],
  ['The x-ray report and radiographs were not provided, nor the MRI reports.', U, ['missing_documentation']],
  ['The provider did not document how the imaging will change treatment.', U, ['missing_documentation']],
  ['The duration of use was not noted; the quantity is unknown, the frequency was not given, the amount is missing and the number was not stated.', U, ['missing_documentation']],
  ['The date the patient began could not be established, determined, verified or confirmed.', U, ['missing_documentation']],
  ['The note made no mention of prior injections.', U, ['missing_documentation']],
  ['The clinical note does not address medical necessity; the records do not discuss, describe or detail the need.', U, ['missing_documentation']],
  ['There was no documentation, no information, no record, no records and no discussion of the need.', U, ['missing_documentation']],
  ['Medications are not documented; the provider did not document, note or discuss the plan of notes.', U, ['missing_documentation']],
  ['The notes were not noted by the reviewer, who did not note them.', U, ['missing_documentation']],
  // negation: "medical necessity has not been established" is the conclusion, not a ground
  ['Medical necessity has not been established.', U, ['other']],
  // conservative care not tried
  ['There was no documentation of failed conservative care prior to this request.', U, ['conservative_care_not_tried']],
  ['There is no documentation of a trial and failure of first-line medications.', U, ['conservative_care_not_tried']],
  ['It is unclear what conservative care the patient has tried and failed.', U, ['conservative_care_not_tried']],
  ['There is no clear documentation the patient has trialed and failed first line therapy.', U, ['conservative_care_not_tried']],
  ['There is no indication that non-opioid medications failed or that oral medication was not tolerated.', U, ['conservative_care_not_tried']],
  ['There was no indication the patient was intolerant to pill form medication, or of intolerance to NSAIDs.', U, ['conservative_care_not_tried']],
  ['There was a lack of documentation regarding failure of antidepressants or anticonvulsants.', U, ['conservative_care_not_tried']],
  ['There was no evidence of a failed trial of anti-depressants or anti-convulsants.', U, ['conservative_care_not_tried']],
  ['There is no evidence the patient has exhausted conservative care, after an exhaustive course, or exhaust it.', U, ['conservative_care_not_tried']],
  ['There was no indication that the patient was unable to use oral NSAIDs, or not able to take oral tablets.', U, ['conservative_care_not_tried']],
  ['It is not clear why over-the-counter NSAIDs, acetaminophen or Tylenol would not be sufficient.', U, ['conservative_care_not_tried']],
  ['There is no documentation of a trial of first-line medication.', U, ['conservative_care_not_tried']],
  // drug monitoring
  ['There was no urine drug screen, no UDS and no drug testing.', U, ['drug_monitoring']],
  ['The CURES database was not checked.', U, ['drug_monitoring']],
  ['There is no opioid agreement, no pain contract, no risk assessment and no documentation of the 4 As or four As.', U, ['drug_monitoring']],
  ['There is no indication the patient is monitored for aberrant behavior, misuse, abuse, addiction or side effects.', U, ['drug_monitoring']],
  ['There was no screening for adverse effects, no monitoring and no compliance check.', U, ['drug_monitoring']],
  ['For the patient, appropriate weaning should be considered; the opioid should be tapered or weaned, and tapering is recommended.', U, ['drug_monitoring']],
  ['For this patient, a taper is advised, and to wean is recommended.', U, ['drug_monitoring']],
  ['The patient has been on chronic opioid treatment, at least 6 months, since 2015, longer than advised.', U, ['drug_monitoring']],
  ['Long-term benzodiazepine use beyond 4 weeks is not supported for the patient.', U, ['drug_monitoring']],
  // negation: the service itself is the drug test
  ['There was no indication the patient was at high risk for abuse that would require multiple urine drug screens.', U, ['findings_do_not_support']],
  // the opioid notice gives no ground
  ['This decision should not be interpreted as a recommendation to stop opioids; weaning is recommended.', U, ['other']],
  // insufficient evidence, in the reviewer's own words
  ['In this case there is insufficient evidence for this device, and a lack of quality evidence or studies.', U, ['insufficient_evidence']],
  ['The device is experimental and investigational for the patient, and unproven.', U, ['insufficient_evidence']],
  ['For the patient, it has not been proven to be effective, and its use is not supported by peer-reviewed literature.', U, ['insufficient_evidence']],
  ['For the patient, the device has not been established as effective.', U, ['insufficient_evidence']],
  ['For the patient, there is an absence of published studies, and few randomized trials.', U, ['insufficient_evidence']],
  ['For the patient, the available evidence does not support ultrasound.', U, ['insufficient_evidence']],
  // a guideline's statement of the evidence is context
  ['The MTUS states that topical analgesics are largely experimental.', U, ['other']],
  // depends on a denied service
  ['As the requested surgical intervention is not medically necessary per the documentation, the requested ancillary service is not medically necessary.', U, ['depends_on_denied_service']],
  ['Since the surgery was not certified, the post-operative therapy is not necessary.', U, ['depends_on_denied_service']],
  ['Because the primary procedure was denied, the assistant is not needed.', U, ['depends_on_denied_service']],
  ['Given that the naproxen was not medically necessary, the omeprazole is not either.', U, ['depends_on_denied_service']],
  ['The associated surgical request is not supported; the concurrent surgery was not approved.', U, ['depends_on_denied_service']],
  ['The ancillary procedure request was not approved.', U, ['depends_on_denied_service']],
  ['In this case, the primary surgery is not approved.', U, ['depends_on_denied_service']],
  // negation: "As such, the request is not medically necessary" is the conclusion
  ['As such, the request is not medically necessary.', U, ['other']],
  // criteria met (overturned)
  ['The request is medically necessary.', O, ['criteria_met']],
  ['The surgery is supported, the test is indicated and the stay was appropriate.', O, ['criteria_met']],
  ['The request is reasonable, the visit is warranted and the drug is justified.', O, ['criteria_met']],
  ['Criteria have been met, and the patient meets the criteria.', O, ['criteria_met']],
  ['The worker qualifies, and the records meet guidelines; the guidelines have been met.', O, ['criteria_met']],
  ['The request is within the guidelines and consistent with the MTUS.', O, ['criteria_met']],
  ['The request is supported by the guidelines; the MTUS supports it and the ODG support it.', O, ['criteria_met']],
  ['The patient would qualify.', O, ['criteria_met']],
  // an overturned rationale never gives the grounds of a denial, and vice versa
  ['There was a lack of documentation of objective functional improvement.', O, ['other']],
  ['The request is medically necessary.', U, ['other']],
  // other: a duplicate, a service already provided, a coverage question
  ['The evaluation was previously authorized, so the request would be redundant.', U, ['other']],
  ['This request would be duplicative, a duplicate, and a duplication.', U, ['other']],
  ['The MRI had already been performed.', U, ['other']],
  ['The item is not covered, and is a convenience item.', U, ['other']],
]; // prettier-ignore

describe('reason rules, one example per cue', () => {
  it.each(EXAMPLES)('%s (%s)', (text, decision, families) => {
    expect(readReasons(text, decision)?.reason).toEqual(families);
  });

  // A cue is exercised by an example whose sentence holds it, is matched by the cue's rule and
  // gives the rule's family.
  it('exercise every cue of every rule', () => {
    const covered = new Set<string>();
    for (const [text, decision, families] of EXAMPLES)
      for (const f of families)
        for (const [k, rule] of FAMILIES[f].rules.entries()) {
          if (!FAMILIES[f].decisions.includes(decision)) continue;
          for (const s of sentences(text)) {
            const sentence = text.slice(s.start, s.end);
            if (!rule.pattern.test(sentence)) continue;
            for (const cue of rule.cues)
              if (new RegExp(`\\b${cue}\\b`, 'i').test(sentence)) covered.add(`${f}/${k}/${cue}`);
          }
        }
    const all = REASONS.flatMap((f) =>
      FAMILIES[f].rules.flatMap((rule, k) => rule.cues.map((cue) => `${f}/${k}/${cue}`)),
    );
    expect(all.filter((c) => !covered.has(c)).join(' ')).toBe('');
  });
});

describe('reading reasons', () => {
  it('keeps the sentence that gave each family, as offsets into the text', () => {
    const text =
      'The MTUS recommends 10 visits. In this case, the request exceeds the guideline. There is no documentation of objective functional improvement.';
    const r = readReasons(text, 'Upheld')!;
    expect(r.reason).toEqual(['no_functional_improvement', 'exceeds_quantity']);
    expect(r.reason_spans.map((s) => [s.reason, text.slice(s.start, s.end)])).toEqual([
      ['exceeds_quantity', 'In this case, the request exceeds the guideline.'],
      [
        'no_functional_improvement',
        'There is no documentation of objective functional improvement.',
      ],
    ]);
  });

  it.each([
    ['The MTUS states that physical therapy is recommended.', 'stated'],
    ['Per the ODG, acupuncture is an option.', 'stated'],
    ['In this case, the records do not document improvement.', 'applied'],
    ['There was a lack of documentation.', 'applied'],
    ['This medical necessity decision should not be interpreted as a recommendation.', 'skip'],
  ])('tells "%s" as %s', (text, kind) => {
    expect(sentences(text).map((s) => s.kind)).toEqual([kind]);
  });

  it('reads nothing from no text: Not stated', () => {
    expect(readReasons(null, 'Upheld')).toBeNull();
    expect(readReasons('  ', 'Upheld')).toBeNull();
    expect(readReasons('Not stated', 'Upheld')).toBeNull();
  });

  it('gives other, with no sentence, to a text that gives none of the families', () => {
    expect(readReasons('The request is not medically necessary.', 'Upheld')).toEqual({
      reason: ['other'],
      reason_spans: [],
    });
  });

  it.each([
    [['MTUS'], ['MTUS'], 'same'],
    [['MTUS', 'ODG'], ['ODG', 'MTUS'], 'same'],
    [['None'], ['MTUS'], 'different'],
    [['MTUS'], ['MTUS', 'ACOEM'], 'different'],
    [null, ['MTUS'], null],
    [['MTUS'], null, null],
  ] as const)('guideline agreement of %j and %j is %s', (ca, reviewer, want) => {
    expect(guidelineAgreement(ca && [...ca], reviewer && [...reviewer])).toBe(want);
  });
});

// Every match of every rule in the real letters holds one of the rule's cues, so a rule the cue
// scan skips could not have matched.
const LETTERS = join(SHARED, 'letters', 'dwc-2016');
describe.runIf(existsSync(LETTERS))('cues in the real letters', () => {
  it('a rule matches only sentences that hold one of its cues', async () => {
    let matched = 0;
    const check = (rule: ReasonRule, sentence: string) => {
      const m = rule.pattern.exec(sentence);
      if (!m) return;
      matched++;
      const has = rule.cues.some((c) => new RegExp(`\\b${c}\\b`, 'i').test(m[0]));
      expect(has, `${rule.pattern.source.slice(0, 50)} in "${m[0]}"`).toBe(true);
    };
    for (const f of readdirSync(LETTERS).slice(0, 60)) {
      const data = new Uint8Array(readFileSync(join(LETTERS, f)));
      for (const i of parseLetter(await readLetterText(data)).items)
        for (const s of sentences(i.rationale))
          for (const fam of REASONS)
            for (const rule of FAMILIES[fam].rules) check(rule, i.rationale.slice(s.start, s.end));
    }
    expect(matched).toBeGreaterThan(100);
  }, 120_000);
});

import taxonomy from './taxonomy.json' with { type: 'json' };

/**
 * The closed vocabularies the ETL writes and the API accepts, declared once. The ETL's rules
 * name their outputs from these lists (a rule cannot emit a value the API would refuse), and
 * the state's own lists come from its taxonomy file beside this one.
 */
export type Values = readonly [string, ...string[]];

/** What a breakdown shows for a service whose letter does not give the value. */
export const NOT_STATED = 'Not stated';
/** What a service shows for a dimension its program does not have. */
export const NOT_APPLICABLE = 'Not applicable';
/** The category and subcategory of a service no rule matched. */
export const UNCLASSIFIED = 'Unclassified';

const cats = taxonomy.request_categories as Record<string, string[]>;
export const CATEGORIES = [...Object.keys(cats), UNCLASSIFIED] as unknown as Values;
export const SUBCATEGORIES = [
  ...new Set([...Object.values(cats).flat(), UNCLASSIFIED]),
] as unknown as Values;
export const SPECIALTIES = taxonomy.reviewer_board_specialties as unknown as Values;
export const REQUEST_CATEGORIES = cats;

export const DECISIONS = ['Upheld', 'Overturned'] as const;
export type Decision = (typeof DECISIONS)[number];

export const GUIDELINE_SOURCES = ['MTUS', 'ODG', 'ACOEM', 'Other', 'None'] as const;
export type GuidelineSource = (typeof GUIDELINE_SOURCES)[number];

/** A patient's gender: letters say male or female; DMHC's data set also has Other. */
export const GENDERS = ['male', 'female', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const BODY_REGIONS = [
  'Lumbar spine',
  'Cervical spine',
  'Thoracic spine',
  'Shoulder',
  'Elbow',
  'Wrist and hand',
  'Hip and pelvis',
  'Knee',
  'Ankle and foot',
  'Head',
  'Upper extremities',
  'Lower extremities',
  'Spine',
  'Multiple',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

/** The letter layouts the parser knows (etl/letters/layouts/ holds one module per layout). */
export const LAYOUTS = [
  'notice-2013',
  'narrative-2014',
  'header-2016',
  'imr-rationales',
  'professional-review',
] as const;
export type Layout = (typeof LAYOUTS)[number];

/** The IMR programs: workers' comp (DWC letters) and health plans (DMHC open data). */
export const PROGRAMS = ['DWC', 'DMHC'] as const;
export type Program = (typeof PROGRAMS)[number];

/** The DMHC data set's age bands; workers' comp ages are put in the same bands. */
export const AGE_BANDS = ['0-10', '11-20', '21-30', '31-40', '41-50', '51-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Families of evidence a DMHC reviewer's findings cite (etl/dmhc/findings.ts). */
export const EVIDENCE_SOURCES = [
  'Specialty society guidelines',
  'FDA labelling',
  'Peer-reviewed literature',
  'Commercial criteria',
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/**
 * The common treatment types both programs share
 * (etl/letters/classify/rules/treatment-types.json maps to them).
 */
export const TREATMENT_TYPES = [
  'Pharmaceuticals',
  'Imaging',
  'Other diagnostics',
  'DME and supplies',
  'Surgery',
  'Physical and occupational therapy',
  'Chiropractic',
  'Acupuncture',
  'Injections and pain procedures',
  'Mental health',
  'Home health and facilities',
  'Evaluation and consultation',
  'Other',
] as const;
export type TreatmentType = (typeof TREATMENT_TYPES)[number];

/** The DMHC data set's review types; workers' comp has none. */
export const REVIEW_TYPES = [
  'Medical Necessity',
  'Experimental/Investigational',
  'Urgent Care',
] as const;

/**
 * How fast the review had to be: a workers' comp letter's Priority, a health-plan case's IMR
 * Type. The law gives an expedited review 3 days and a standard one 30 (model/measures.ts).
 */
export const REVIEW_SPEEDS = ['Standard', 'Expedited'] as const;
export type ReviewSpeed = (typeof REVIEW_SPEEDS)[number];

/** Where a service's category comes from: the state's own coding, or the project's rules. */
export const CATEGORY_SOURCES = ['state', 'rules'] as const;

/**
 * Why a reviewer decided: the reason families of ../shared/reference/reasons.md, as their keys
 * (what the API takes and answers), each with its label for people. A service can give several.
 */
export const REASON_LABELS = {
  not_recommended: 'Not recommended by the guideline',
  no_functional_improvement: 'No functional improvement',
  exceeds_quantity: 'Exceeds the quantity allowed',
  findings_do_not_support: 'Findings do not support it',
  missing_documentation: 'Missing documentation',
  conservative_care_not_tried: 'Conservative care not tried',
  drug_monitoring: 'Drug monitoring missing',
  insufficient_evidence: 'Insufficient evidence',
  depends_on_denied_service: 'Goes with a denied service',
  criteria_met: 'Criteria met',
  other: 'Other',
} as const;
export type Reason = keyof typeof REASON_LABELS;
export const REASONS = Object.keys(REASON_LABELS) as [Reason, ...Reason[]];

/** Whether utilization review and the IMR reviewer relied on the same guideline families. */
export const GUIDELINE_AGREEMENTS = ['same', 'different'] as const;
export type GuidelineAgreement = (typeof GUIDELINE_AGREEMENTS)[number];

// Readable rules for a DMHC reviewer's Findings, as data. etl/dmhc/findings.ts applies them.
// Patterns are regular expressions; acronyms are matched with their case, words without.
import type { EvidenceSource } from '../letters/types.ts';

/**
 * A pattern, and the words (lower case) a text must hold for it to match: findings.ts finds
 * every cue in one pass and tries only the rules whose cues it found, since most rules have
 * nothing to read in most texts. No cues: always tried. Where one cue begins another, the pass
 * finds the longer ('reviewers', not 'reviewer'): a rule lists each form it can match in.
 * test/dmhc-rules.test.ts checks that a match always has its cue.
 */
export interface Rule {
  cues: string[];
  pattern: RegExp;
}

/** Where the reviewer's credentials are written; every match of every rule is read. */
export const CREDENTIALS: Rule[] = [
  {
    cues: ['board'],
    pattern: /\bboard[- ]certified (?:in|by the American Board of) ([^.;\n]{3,150})/gi,
  },
  {
    cues: ['credentials/qualifications:'],
    pattern: /Credentials\/Qualifications:\s*([^\n]{3,300}?)(?:\.\s|\n|$)/gi,
  },
  {
    cues: ['reviewer', 'reviewers'],
    pattern: /\b(?:physician |medical )?reviewers? (?:is|was) an? ([^.;\n]{3,150})/gi,
  },
];

/**
 * Practitioners' names for a board specialty, turned into the specialty before it is matched
 * against the state's list (etl/letters/fields/reviewer.ts). Longer names first: "orthopedic surgeon" before
 * "surgeon".
 */
export const PRACTITIONERS: [RegExp, string][] = [
  [/\borthop(?:a)?edic surgeons?\b/gi, 'Orthopedic Surgery'],
  [/\bneurosurgeons?\b|\bneurological surgeons?\b/gi, 'Neurological Surgery'],
  [/\bplastic surgeons?\b/gi, 'Plastic Surgery'],
  [/\bhand surgeons?\b/gi, 'Hand Surgery'],
  [/\bthoracic surgeons?\b/gi, 'Thoracic Surgery'],
  [/\bvascular surgeons?\b/gi, 'General Vascular Surgery'],
  [/\bcolorectal surgeons?\b/gi, 'Colon and Rectal Surgery'],
  [/\b(?:general )?surgeons?\b/gi, 'Surgery'],
  [/\bchild and adolescent psychiatrists?\b/gi, 'Child and Adolescent Psychiatry'],
  [/\baddiction psychiatrists?\b/gi, 'Addiction Psychiatry'],
  [/\bpsychiatrists?\b/gi, 'Psychiatry'],
  [/\bpsychologists?\b/gi, 'Psychologist'],
  [/\bneurologists?\b/gi, 'Neurology'],
  [/\b(?:hematologist[- ])?oncologists?\b/gi, 'Medical Oncology'],
  [/\brheumatologists?\b/gi, 'Rheumatology'],
  [/\bdermatologists?\b/gi, 'Dermatology'],
  [/\bgastroenterologists?\b/gi, 'Gastroenterology'],
  [/\bcardiologists?\b/gi, 'Cardiovascular Disease'],
  [/\bpediatricians?\b/gi, 'Pediatrics'],
  [/\binternists?\b/gi, 'Internal Medicine'],
  [/\bneuroradiologists?\b/gi, 'Neuroradiology'],
  [/\bradiologists?\b/gi, 'Radiology'],
  [/\burologists?\b/gi, 'Urology'],
  [/\bnephrologists?\b/gi, 'Nephrology'],
  [/\bophthalmologists?\b/gi, 'Ophthalmology'],
  [/\botolaryngologists?\b/gi, 'Otolaryngology'],
  [/\banesthesiologists?\b/gi, 'Anesthesiology'],
  [/\bpulmonologists?\b/gi, 'Pulmonary Disease'],
  [/\ballergists?\b/gi, 'Allergy and Immunology'],
  [/\bfamily (?:physicians?|practitioners?)\b/gi, 'Family Practice'],
  [/\bchiropractors?\b/gi, 'Chiropractic'],
  [/\bacupuncturists?\b/gi, 'Oriental Medicine'],
  [/\bpodiatrists?\b/gi, 'Podiatrist'],
  [/\bdentists?\b/gi, 'Dentist'],
];

/** A panel decided: several reviewers, each with a vote ("2 of 3 reviewers determined ..."). */
export const PANEL: Rule = {
  cues: ['reviewers', 'final results:'],
  pattern:
    /\b(?:[1-9]|one|two|three|four|five) of (?:the )?(?:[2-9]|two|three|four|five) (?:\w+ ){0,2}reviewers\b|\bFinal Results:|\bmajority of the (?:\w+ )?reviewers\b|\bpanel of (?:\w+ ){0,2}reviewers\b/i,
};

/** Specialty societies whose guidelines reviewers cite, by acronym (case kept) and by name. */
const SOCIETY_ACRONYMS = [
  'ACR', 'NCCN', 'AACE', 'ASAM', 'ACOG', 'AASM', 'ASCO', 'ASTRO', 'AAOS', 'NASS', 'AUA', 'IDSA',
  'ACMG', 'AAN', 'AAP', 'ACC/AHA', 'AGA', 'ACG', 'ATS', 'ESMO', 'WPATH',
]; // prettier-ignore
const SOCIETY_NAMES = [
  'American (?:College|Academy|Society|Association) (?:of|for) [A-Z][a-z]+',
  'American (?:Heart|Diabetes|Psychiatric|Urological|Thoracic|Cancer|Gastroenterological) (?:Association|Society)',
  'National Comprehensive Cancer Network',
  'Endocrine Society',
  'Infectious Diseases Society',
  'North American Spine Society',
  'World Professional Association for Transgender Health',
  '(?:professional|specialty|medical) society (?:guidelines?|recommendations?|consensus)',
  'American Society of Addiction Medicine',
];

/** The evidence families: the first is any society guideline by acronym or by name. */
export const EVIDENCE: [EvidenceSource, Rule[]][] = [
  [
    'Specialty society guidelines',
    [
      {
        cues: [],
        pattern: new RegExp(`(?<![\\w/])(?:${SOCIETY_ACRONYMS.join('|')})(?![\\w/])`),
      },
      {
        cues: ['society', 'college', 'academy', 'association', 'network'],
        pattern: new RegExp(SOCIETY_NAMES.join('|'), 'i'),
      },
    ],
  ],
  [
    'FDA labelling',
    [
      { cues: [], pattern: /\bFDA\b/ },
      {
        cues: ['food and drug', 'package insert', 'prescribing information', 'product label'],
        pattern:
          /\bFood and Drug Administration\b|\bpackage insert\b|\bprescribing information\b|\bproduct label(?:ing)?\b/i,
      },
    ],
  ],
  [
    'Peer-reviewed literature',
    [
      {
        cues: ['peer', 'literature', 'published'],
        pattern:
          /\bpeer[- ]reviewed\b|\b(?:medical|scientific|clinical|published) literature\b|\bpublished (?:clinical |medical |scientific )?(?:studies|trials|evidence)\b/i,
      },
    ],
  ],
  [
    'Commercial criteria',
    [
      { cues: ['interqual', 'milliman'], pattern: /\bInterQual\b|\bMilliman\b/i },
      { cues: [], pattern: /\bMCG\b/ },
    ],
  ],
];

import taxonomy from '../../../model/taxonomy.json' with { type: 'json' };

// Names letters use for a board specialty that the state's list spells otherwise.
const ALIASES: Record<string, string> = {
  'physical medicine and rehabilitation': 'Physical Medicine & Rehabilitation',
  'pain medicine': 'Pain Management',
  'family medicine': 'Family Practice',
  'orthopaedic surgery': 'Orthopedic Surgery',
  acupuncture: 'Oriental Medicine',
  psychological: 'Psychology',
  'public health and general preventive medicine': 'Public Health & General Preventive Medicine',
  'hospice and palliative medicine': 'Hospice & Palliative Medicine',
};
const NAMES = new Map<string, string>([
  ...taxonomy.reviewer_board_specialties.map((s): [string, string] => [s.toLowerCase(), s]),
  ...Object.entries(ALIASES),
]);
// Longest first, so "Surgical Critical Care" wins over "Surgery".
const PATTERN = new RegExp(
  `\\b(${[...NAMES.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[&/()]/g, '\\$&'))
    .join('|')})\\b`,
  'gi',
);

/** Board specialties named in a credentials phrase, in the order written, deduplicated. */
export function boardSpecialties(raw: string): string[] {
  const flat = raw.replace(/\s+/g, ' ');
  const found = [...flat.matchAll(PATTERN)].map((m) => NAMES.get(m[1].toLowerCase())!);
  return [...new Set(found)];
}

const STATES = [
  'Alabama',
  'Alaska',
  'Arizona',
  'Arkansas',
  'California',
  'Colorado',
  'Connecticut',
  'Delaware',
  'District of Columbia',
  'Florida',
  'Georgia',
  'Hawaii',
  'Idaho',
  'Illinois',
  'Indiana',
  'Iowa',
  'Kansas',
  'Kentucky',
  'Louisiana',
  'Maine',
  'Maryland',
  'Massachusetts',
  'Michigan',
  'Minnesota',
  'Mississippi',
  'Missouri',
  'Montana',
  'Nebraska',
  'Nevada',
  'New Hampshire',
  'New Jersey',
  'New Mexico',
  'New York',
  'North Carolina',
  'North Dakota',
  'Ohio',
  'Oklahoma',
  'Oregon',
  'Pennsylvania',
  'Rhode Island',
  'South Carolina',
  'South Dakota',
  'Tennessee',
  'Texas',
  'Utah',
  'Vermont',
  'Virginia',
  'Washington',
  'West Virginia',
  'Wisconsin',
  'Wyoming',
];
const STATE = new RegExp(
  `\\b(${[...STATES].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'g',
);

/** US states named in a licensure phrase, in the order written. */
export function licensureStates(raw: string): string[] {
  return [...new Set([...raw.replace(/\s+/g, ' ').matchAll(STATE)].map((m) => m[1]))];
}

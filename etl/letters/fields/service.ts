import { JOINTS, SERVICE_NAMES, SPINE } from '../classify/rules/services.ts';
import { findDrugs, ingredients } from '../classify/drug-lexicon.ts';
import { withoutContext } from '../classify/classify.ts';

const NAMES = SERVICE_NAMES.map(([p, service]) => ({ re: new RegExp(p, 'i'), service }));
const SPINES = SPINE.map(([p, region]) => ({ re: new RegExp(p, 'i'), region }));
const JOINT = new RegExp(`\\b(${JOINTS.join('|')})s?\\b`, 'i');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What was asked for, without counts, sides, sites or dates: "Norco 10/325mg #60" is
 * "Hydrocodone/acetaminophen", "MRI of the right shoulder" is "MRI". Spinal procedures keep
 * their region and joint surgeries their joint; a treatment no rule knows keeps its own
 * words, less counts, sides and dates.
 */
export function normaliseService(treatment: string, category: string, subcategory: string): string {
  const t = withoutContext(treatment);
  const drugs = category === 'Pharmaceuticals' ? findDrugs(t) : [];
  if (drugs.length > 0) return capital(ingredients(drugs).join('/'));
  const named = NAMES.find((n) => n.re.test(t));
  if (named) return capital(place(named.service, t).trim());
  return plain(treatment) || (subcategory === 'Unclassified' ? treatment.trim() : subcategory);
}

function place(service: string, t: string): string {
  const spine = SPINES.find((s) => s.re.test(t))?.region ?? '';
  const joint = JOINT.exec(t)?.[1].toLowerCase() ?? '';
  return service
    .replace('{Spine} ', spine ? `${spine} ` : '')
    .replace('{Joint} ', joint ? `${joint} ` : '');
}

// The treatment's own name for what it asks: its words before any count, side, site or date.
const LEADING =
  /^(?:(?:retrospective|retro|request(?:ed)? for|additional|continued?|initial|repeat|one|two|three|four|five|six|\d+)\b[\s:,]*)+/i;

function plain(t: string): string {
  const name = t
    .replace(/^associated surgical services?:\s*/i, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(LEADING, '')
    .replace(/\b(?:right|left|bilateral)\b\s*/gi, '')
    .split(/,|#|\bx\s?\d|\d|\s(?:for|of|to|times|per|with|at|on)\s/i)[0]
    .replace(/\s+/g, ' ')
    .trim();
  return capital(name);
}

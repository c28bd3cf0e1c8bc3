import type { Program } from './values.ts';

/**
 * Policy changes the trend charts mark, declared once as data. Only events with a public
 * source that states the date are here; `source` is that page.
 */
export interface PolicyEvent {
  /** The day it took effect, YYYY-MM-DD. */
  date: string;
  program: Program;
  /** A few words for a chart's marker. */
  label: string;
  /** One sentence: what changed, and for which requests. */
  detail: string;
  source: string;
}

export const EVENTS: readonly PolicyEvent[] = [
  {
    date: '2001-01-01',
    program: 'DMHC',
    label: 'Health-plan IMR begins',
    detail:
      "The Independent Medical Review System is established in the Department of Managed Health Care (Health and Safety Code §1374.30(a): 'Commencing January 1, 2001').",
    source:
      'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=HSC&sectionNum=1374.30',
  },
  {
    date: '2013-01-01',
    program: 'DWC',
    label: "Workers' comp IMR begins (SB 863)",
    detail:
      'Independent medical review replaces the courts for medical treatment disputes, for injuries on or after January 1, 2013 (Labor Code §4610.5(a)(1)).',
    source: 'https://www.dir.ca.gov/dwc/SB863/SB863_FAQs.htm',
  },
  {
    date: '2013-07-01',
    program: 'DWC',
    label: 'IMR for every date of injury',
    detail:
      'IMR applies to utilization review decisions communicated on or after July 1, 2013, whatever the date of injury (Labor Code §4610.5(a)(2)).',
    source:
      'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=4610.5',
  },
  {
    date: '2016-07-28',
    program: 'DWC',
    label: 'MTUS Chronic Pain guideline revised, Opioids guideline adopted',
    detail:
      'The updated MTUS Chronic Pain Medical Treatment Guidelines (8 CCR §9792.24.2) and the new Opioids Treatment Guidelines (§9792.24.4) take effect, for treatment requests from July 29, 2016.',
    source:
      'https://ohsonline.com/articles/2016/08/17/california-adopts-opioid-treatment-guidelines.aspx',
  },
  {
    date: '2017-12-01',
    program: 'DWC',
    label: "MTUS adopts ACOEM's guidelines",
    detail:
      "The MTUS incorporates by reference ACOEM's then-current treatment guidelines, including its Chronic Pain and Opioids guidelines, for services rendered on or after December 1, 2017.",
    source:
      'https://www.dir.ca.gov/dwc/DWCPropRegs/Medical-Treatment-Utilization-Schedule/Medical-Treatment-Utilization-Schedule.htm',
  },
  {
    date: '2018-01-01',
    program: 'DWC',
    label: 'MTUS Drug Formulary',
    detail:
      'The evidence-based MTUS Drug Formulary (AB 1124; 8 CCR §9792.27.1 et seq.) takes effect: drugs listed as exempt need no prospective review.',
    source: 'https://www.dir.ca.gov/dwc/MTUS/MTUS-Formulary.html',
  },
  {
    date: '2019-04-18',
    program: 'DWC',
    label: 'ACOEM guideline updates adopted',
    detail:
      "An Administrative Director order adopts ACOEM's updated cervical and thoracic spine, elbow, hand, wrist and forearm, and ankle and foot guidelines into the MTUS.",
    source:
      'https://www.dir.ca.gov/dwc/DWCPropRegs/Medical-Treatment-Utilization-Schedule/Medical-Treatment-Utilization-Schedule.htm',
  },
];

import { dimension, type DimensionName } from './dimensions.ts';
import { PROGRAMS, type Program } from './values.ts';

/** What a program is to people: its names, its colour in charts, and what it reviews. */
export interface ProgramFacts {
  /** Its name in the switch and every heading. */
  label: string;
  /** Its name where room is short (a chart's row labels). */
  short: string;
  color: string;
  /** What one review is, and many: a letter (workers' comp) or a case (health plans). */
  unit: string;
  units: string;
  /** The heading of one review and of its text in the letter view. */
  record: string;
  text: string;
}

/** Each program's facts, declared once (the codes themselves are model/values.ts PROGRAMS). */
export const PROGRAM_FACTS = {
  DWC: {
    label: "Workers' comp (DWC)",
    short: "Workers' comp",
    color: '#2f5f96',
    unit: 'letter',
    units: 'letters',
    record: 'Letter',
    text: 'Full text',
  },
  DMHC: {
    label: 'Health plans (DMHC)',
    short: 'Health plans',
    color: '#b8562b',
    unit: 'case',
    units: 'cases',
    record: 'Health-plan case',
    text: 'Findings',
  },
} as const satisfies Record<Program, ProgramFacts>;

/** How people read each program's code: the dashboard's switch and every heading. */
export const PROGRAM_LABELS = Object.fromEntries(
  PROGRAMS.map((p) => [p, PROGRAM_FACTS[p].label]),
) as Record<Program, string>;

/** Whether a dimension applies to a program's services (a service of another shows 'Not applicable'). */
export const applies = (name: DimensionName, p: Program) =>
  !dimension(name).programs || dimension(name).programs!.includes(p);

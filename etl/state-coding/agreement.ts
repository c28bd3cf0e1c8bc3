import { pct } from '../../cli/format.ts';

/** One service coded both ways: by the project's rules and by the state. */
export interface Coded {
  rules_category: string;
  rules_subcategory: string;
  state_category: string;
  state_subcategory: string;
}

// The state's lists misspell a few names that etl/letters/classify/rules/taxonomy.json spells right.
const SPELLING: Record<string, string> = {
  'calcium cannel blocker': 'Calcium Channel Blocker',
  'opoid antagonist': 'Opioid Antagonist',
  'asthma medication': 'Asthma Medications',
  benzodiazepines: 'Benzodiazepine',
  'histamine 2': 'H2 Blocker',
  imaging: 'Imaging & Radiology',
  'imaging radiology': 'Imaging & Radiology',
};

/** A state's name as the project's taxonomy writes it: stray quotes and asterisks gone, known misspellings fixed. */
export function stateName(s: string): string {
  const clean = s.replace(/["'*]/g, ' ').replace(/\s+/g, ' ').trim();
  return SPELLING[clean.toLowerCase()] ?? clean;
}

const same = (a: string, b: string) => a.toLowerCase() === stateName(b).toLowerCase();

function table(rows: Coded[]) {
  const cats = new Map<string, { n: number; cat: number; sub: number }>();
  for (const r of rows) {
    const c = cats.get(stateName(r.state_category)) ?? { n: 0, cat: 0, sub: 0 };
    c.n++;
    if (same(r.rules_category, r.state_category)) {
      c.cat++;
      if (same(r.rules_subcategory, r.state_subcategory)) c.sub++;
    }
    cats.set(stateName(r.state_category), c);
  }
  return [...cats].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
}

function disagreements(rows: Coded[], top: number): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (same(r.rules_category, r.state_category) && same(r.rules_subcategory, r.state_subcategory))
      continue;
    const key = `${stateName(r.state_category)} / ${stateName(r.state_subcategory)}  <-  rules: ${r.rules_category} / ${r.rules_subcategory}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([k, n]) => `  ${String(n).padStart(6)}  state: ${k}`);
}

/**
 * The --report text: how often the project's rules give the state's category and
 * subcategory, overall and per state category, and the most common disagreements.
 */
export function agreement(rows: Coded[], top = 15): string {
  const n = rows.length;
  const cat = rows.filter((r) => same(r.rules_category, r.state_category)).length;
  const sub = rows.filter(
    (r) =>
      same(r.rules_category, r.state_category) && same(r.rules_subcategory, r.state_subcategory),
  ).length;
  const unclassified = rows.filter((r) => r.rules_category === 'Unclassified').length;
  const lines = [
    `agreement of the project's rules with the state's coding: ${n} services coded by both`,
    `  category: ${cat} (${pct(cat, n)}); category and subcategory: ${sub} (${pct(sub, n)}); unclassified by the rules: ${unclassified}`,
    `  by the state's category: services, category agrees, subcategory agrees`,
    ...table(rows).map(
      ([c, t]) =>
        `    ${c.padEnd(28)} ${String(t.n).padStart(6)}  ${pct(t.cat, t.n).padStart(6)}  ${pct(t.sub, t.n).padStart(6)}`,
    ),
  ];
  const worst = disagreements(rows, top);
  if (worst.length) lines.push(`  most common disagreements:`, ...worst);
  return lines.join('\n');
}

import { describe, expect, it } from 'vitest';
import { decodeDrill, drillTo, unlisted, type DrillKey } from '../client/data/drill.ts';
import { VIEW, type State } from '../client/data/url-state.ts';

// [filters, keys clicked, null when a filter lists them, or the start of the reason it cannot]
const LISTED: [string, DrillKey[], null | RegExp][] = [
  ['', [['category', 'Surgery']], null],
  [
    'program=DWC',
    [
      ['treatment_type', 'Acupuncture'],
      ['program', 'DWC'],
    ],
    null,
  ],
  ['', [['guideline_agreement', 'different']], null],
  [
    '',
    [
      ['reason', 'not_medically_necessary'],
      ['decision', 'Upheld'],
    ],
    null,
  ],
  ['', [['age', 'Not stated']], /^services with no age cannot be listed/],
  ['', [['service', 'Not stated']], /^services with no service cannot be listed/],
  ['decision_from=2020-01-01', [['decision_year', '2018']], /is outside the range filtered$/],
  ['', [['nonsense', 'x']], /is not a dimension$/],
];

describe('unlisted: why a bar or cell cannot list its services', () => {
  it.each(LISTED)('under %j, %j: %s', (filters, keys, reason) => {
    const said = unlisted(new URLSearchParams(filters), keys);
    if (reason === null) expect(said).toBeNull();
    else expect(said).toMatch(reason);
  });
});

const open: State = {
  filters: new URLSearchParams('program=DWC'),
  view: {
    ...VIEW,
    drill: 'category=Old',
    drill_measure: 'days_to_decision',
    letter: 'L1',
    item: '2',
  },
};

// [keys, measure, the state's drill, drill_measure, letter and item after the step]
const STEPS: [DrillKey[], string | undefined, [string, string, string, string]][] = [
  [[['category', 'Surgery']], undefined, ['category=Surgery', '', '', '']],
  [
    [
      ['review_speed', 'Expedited'],
      ['program', 'DMHC'],
    ],
    'days_to_review',
    ['review_speed=Expedited&program=DMHC', 'days_to_review', '', ''],
  ],
  [[['service', 'a&b=c']], '', ['service=a%26b%3Dc', '', '', '']],
];

describe('drillTo: the state that lists what is behind a bar or cell', () => {
  it.each(STEPS)('%j with measure %j', (keys, measure, [drill, m, letter, item]) => {
    const next = drillTo(open, keys, measure);
    expect([next.view.drill, next.view.drill_measure, next.view.letter, next.view.item]).toEqual([
      drill,
      m,
      letter,
      item,
    ]);
    expect(decodeDrill(next.view.drill)).toEqual(keys);
    // Only the list changes: the filters and every other choice stay as they were.
    expect(next.filters).toBe(open.filters);
    expect({ ...next.view, drill: '', drill_measure: '', letter: '', item: '' }).toEqual({
      ...VIEW,
    });
  });
});

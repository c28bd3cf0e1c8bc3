import { describe, expect, it } from 'vitest';
import type { Comparison } from '../model/api.ts';
import { aroundDate, describeSlice, differenceWords, pWords } from '../client/data/slices.ts';
import { periodOf } from '../client/data/events.ts';

const slice = { n: 100, upheld: 50, uphold_rate: 0.5, ci_low: 0.4, ci_high: 0.6 };
const c = (difference: number, ci_low: number, ci_high: number, p_value: number): Comparison => ({
  a: slice,
  b: slice,
  difference,
  ci_low,
  ci_high,
  p_value,
  test: 'two-proportion z test',
});

describe('a comparison in words', () => {
  it.each([
    [c(0.12, 0.05, 0.19, 0.001), '12 points higher (5 to 19), unlikely to be chance (p = 0.001)'],
    [c(-0.03, -0.05, -0.01, 0.0004), '3 points lower (1 to 5), unlikely to be chance (p < 0.001)'],
    [
      c(-0.02, -0.05, 0.01, 0.21),
      '2 points lower (5 lower to 1 higher), could be chance (p = 0.21)',
    ],
    [c(0.01, -0.004, 0.024, 0.2), '1 point higher (0 to 2), could be chance (p = 0.2)'],
    [c(0, -0.04, 0.04, 1), 'within 1 point (4 lower to 4 higher), could be chance (p = 1)'],
  ])('%#: %s', (comparison, words) => {
    expect(differenceWords(comparison)).toBe(words);
  });

  it.each([
    [
      c(0.12, 0.05, 0.19, 0.001),
      'B',
      '12 points higher than B (5 to 19), unlikely to be chance (p = 0.001)',
    ],
    [
      c(0.001, -0.04, 0.04, 0.9),
      'before',
      'within 1 point of before (4 lower to 4 higher), could be chance (p = 0.9)',
    ],
  ])('%#: against %s', (comparison, than, words) => {
    expect(differenceWords(comparison, than)).toBe(words);
  });

  it('says when a slice has no services', () => {
    const none = { ...c(0, 0, 0, 1), difference: null, ci_low: null, ci_high: null, p_value: null };
    expect(differenceWords(none)).toMatch(/no services/);
  });

  it.each([
    [0.0499, 'p = 0.05'],
    [0.001, 'p = 0.001'],
    [0.00099, 'p < 0.001'],
    [0.9999999, 'p = 1'],
  ])('p of %f reads %s', (p, words) => expect(pWords(p)).toBe(words));
});

describe('slices', () => {
  it.each([
    ['program=DWC&category=Surgery&category=DMEPOS', 'Program: DWC; Category: Surgery or DMEPOS'],
    ['decision_from=2018-01-01&age_max=40', 'Decided from 2018-01-01; Age to 40'],
    ['', 'every service'],
  ])('%s reads "%s"', (query, words) => expect(describeSlice(query)).toBe(words));

  it.each([
    [
      '2018-01-01',
      'decision_from=2018-01-01&decision_to=2018-12-31',
      'decision_from=2017-01-01&decision_to=2017-12-31',
    ],
    [
      '2016-07-28',
      'decision_from=2016-07-28&decision_to=2017-07-27',
      'decision_from=2015-07-28&decision_to=2016-07-27',
    ],
  ])('the 12 months after and before %s', (date, after, before) => {
    const q = new URLSearchParams('program=DWC&decision_from=2010-01-01');
    expect(aroundDate(q, date)).toEqual({
      after: `program=DWC&${after}`,
      before: `program=DWC&${before}`,
    });
  });

  it.each([
    ['2018-01-01', 'year', '2018'],
    ['2016-07-28', 'month', '2016-07'],
    ['2016-07-28', 'quarter', '2016-07'],
    ['2019-04-18', 'quarter', '2019-04'],
    ['2017-12-01', 'quarter', '2017-10'],
  ])('%s falls in the %s %s', (date, interval, period) => {
    expect(periodOf(date, interval)).toBe(period);
  });
});

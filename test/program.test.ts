import { describe, expect, it } from 'vitest';
import { choose, menuOf } from '../client/data/program-choice.ts';
import { VIEW, type State } from '../client/data/url-state.ts';
import { dimension, type DimensionName } from '../model/dimensions.ts';
import { PROGRAMS } from '../model/values.ts';

const at = (dim: string): State => ({ filters: new URLSearchParams(), view: { ...VIEW, dim } });
const programsOf = (dim: string) => dimension(dim as DimensionName).programs ?? PROGRAMS;

describe('program switch', () => {
  it('trades a rate dimension the chosen program lacks for one of its own, in the rate menu', () => {
    for (const [dim, p] of [
      ['category', 'DMHC'],
      ['dmhc_category', 'DWC'],
      ['layout', 'DMHC'],
    ] as const) {
      const next = choose(at(dim), p);
      expect(next.filters.getAll('program')).toEqual([p]);
      expect(programsOf(next.view.dim), `${dim} -> ${next.view.dim}`).toContain(p);
      expect(dimension(next.view.dim as DimensionName).rateMenu).toBeTruthy();
    }
  });

  it('keeps a dimension the program has, and any dimension in the compare view', () => {
    expect(choose(at('treatment_type'), 'DMHC').view.dim).toBe('treatment_type');
    expect(choose(at('dmhc_category'), 'DMHC').view.dim).toBe('dmhc_category');
    expect(choose(at('category'), 'compare').view).toMatchObject({
      dim: 'category',
      show: 'compare',
    });
  });

  it('offers in each chart menu the dimensions of the programs in view, and a linked one', () => {
    const inDmhc = at('dmhc_category');
    inDmhc.filters.set('program', 'DMHC');
    for (const chart of ['rateMenu', 'splitMenu'] as const) {
      const all = Object.keys(menuOf(chart, at(''), ''));
      const dmhc = Object.keys(menuOf(chart, inDmhc, ''));
      expect(dmhc.length).toBeLessThan(all.length);
      for (const dim of all) expect(dmhc.includes(dim), dim).toBe(programsOf(dim).includes('DMHC'));
    }
    expect(Object.keys(menuOf('rateMenu', inDmhc, 'dmhc_category'))).toContain('dmhc_category');
    expect(menuOf('rateMenu', inDmhc, 'layout')).toHaveProperty('layout');
  });
});

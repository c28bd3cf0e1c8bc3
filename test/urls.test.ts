import { describe, expect, it } from 'vitest';
import { pageUrls } from '../client/data/urls.ts';
import { VIEW, type View } from '../client/data/url-state.ts';
import { measuresOf } from '../model/measures.ts';

const urls = (filters: string, view: Partial<View>) => {
  const s = { filters: new URLSearchParams(filters), view: { ...VIEW, ...view } };
  return Object.values(pageUrls(s)).map((url) => new URL(url(s), 'http://x'));
};
const paths = (us: URL[]) => us.map((u) => u.pathname).sort();

// [filters, view, the API paths the page asks for before its charts render]
const PAGES: [string, Partial<View>, string[]][] = [
  ['program=DWC', {}, ['crosstab', 'facets', 'rates', 'rates', 'summary', 'trend']],
  ['program=DWC', { topic: 'why' }, ['crosstab', 'facets', 'reasons', 'summary']],
  [
    'program=DMHC',
    { topic: 'time' },
    ['facets', 'summary', 'timeliness', 'timeliness', 'timeliness'],
  ],
  [
    'program=DWC',
    { show: 'compare' },
    ['crosstab', 'facets', 'summary', 'timeliness', 'timeliness', 'trend'],
  ],
];

describe('the URLs a page prefetches', () => {
  it.each(PAGES)('%s %j', (filters, view, expected) => {
    expect(paths(urls(filters, view))).toEqual(expected.map((p) => `/api/${p}`));
  });

  it("the compare view's charts: both programs, under the other filters", () => {
    const asked = urls('program=DWC&category=Surgery', { show: 'compare' });
    const of = (path: string) =>
      asked.filter((u) => u.pathname === path).map((u) => u.searchParams);
    const [types] = of('/api/crosstab');
    expect([types.getAll('program'), types.get('rows'), types.get('cols')]).toEqual([
      [],
      'treatment_type',
      'program',
    ]);
    const [trend] = of('/api/trend');
    expect([trend.getAll('program'), trend.get('interval'), trend.get('by')]).toEqual([
      [],
      'year',
      'program',
    ]);
    // Each program's review time in its own first measure, under the category filter too.
    const waits = of('/api/timeliness').map((q) => [
      q.getAll('program'),
      q.get('measure'),
      q.get('category'),
    ]);
    expect(waits).toEqual([
      [['DWC'], measuresOf('DWC')[0], 'Surgery'],
      [['DMHC'], measuresOf('DMHC')[0], 'Surgery'],
    ]);
  });
});

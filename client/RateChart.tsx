import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downloadCsv, metric, num, pct, QUARTERS, useApi, VIEW_URLS, type RateRow } from './api.ts';
import { BarWithInterval, Label, LowNPattern } from './Bars.tsx';
import { Card } from './Card.tsx';
import { RateTable } from './RateTable.tsx';
import { drillFilters, encodeDrill } from './drill.ts';
import { NARROW, useMedia } from './media.ts';
import { menuOf } from './program.ts';
import type { State } from './state.ts';

/** Uphold (or overturn) rate by one dimension, with n and intervals; a bar opens its services. */
export function RateChart({ state, onState }: { state: State; onState: (s: State) => void }) {
  const { dim, metric: which, sort, min_n } = state.view;
  const { data, error, loading } = useApi<{ rows: RateRow[] }>(VIEW_URLS.rates(state));
  const narrow = useMedia(NARROW);
  const RATE_DIMS = menuOf('rateMenu', state, dim);
  const rows = (data?.rows ?? []).map((r) => {
    const drilled = drillFilters(state.filters, [[dim, r.key]]);
    return {
      ...r,
      ...metric(r, which),
      label: `${r.key} (n=${num(r.n)})${r.low_n ? ' low n' : ''}`,
      reason: 'reason' in drilled ? drilled.reason : null,
    };
  });
  const top = rows[0];
  const title = `${which === 'overturn' ? 'Overturn' : 'Uphold'} rate by ${RATE_DIMS[dim] ?? dim}`;
  const view = (patch: Partial<State['view']>) =>
    onState({ ...state, view: { ...state.view, ...patch } });
  // A bar opens its services, unless no filter can list them (its reason is shown instead).
  const open = (r: (typeof rows)[number]) =>
    r.reason === null &&
    view({ drill: encodeDrill([[dim, r.key]]), drill_measure: '', letter: '', item: '' });
  return (
    <Card
      title={title}
      loading={loading}
      error={error}
      empty={rows.length === 0}
      summary={
        top
          ? `${top.key}: ${num(top.n)} services, ${pct(top.rate)} ${top.word} (${pct(top.low)}–${pct(top.high)}).`
          : ''
      }
      onDownload={() => downloadCsv(`imr-rates-by-${dim}.csv`, data?.rows ?? [])}
      controls={
        <>
          <span>
            <label htmlFor="rate-by">By</label>{' '}
            <select id="rate-by" value={dim} onChange={(e) => view({ dim: e.target.value })}>
              {Object.entries(RATE_DIMS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </span>
          <span>
            <label htmlFor="rate-show">Show</label>{' '}
            <select id="rate-show" value={which} onChange={(e) => view({ metric: e.target.value })}>
              <option value="uphold">uphold rate</option>
              <option value="overturn">overturn rate</option>
            </select>
          </span>
          <span>
            <label htmlFor="rate-sort">Sort</label>{' '}
            <select id="rate-sort" value={sort} onChange={(e) => view({ sort: e.target.value })}>
              <option value="n">by n</option>
              <option value="rate">by rate</option>
              <option value="key">by name</option>
            </select>
          </span>
          <label>
            Minimum n{' '}
            <input
              type="number"
              min={0}
              value={min_n}
              onChange={(e) => view({ min_n: e.target.value || '0' })}
            />
          </label>
        </>
      }
      table={
        <RateTable
          caption={title}
          keys={[dim]}
          rate={`${which === 'overturn' ? 'Overturn' : 'Uphold'} rate`}
          columns={{ upheld: true, lowN: 'column' }}
          rows={rows}
          id={(r) => r.key}
          cells={(r) => (
            <td>
              {r.reason === null ? (
                <button type="button" className="link" onClick={() => open(r)}>
                  {r.key}
                </button>
              ) : (
                <>
                  {r.key} <small className="note">(not listed: {r.reason})</small>
                </>
              )}
            </td>
          )}
          figures={(r) => r}
        />
      }
      chart={
        <div role="figure" aria-label={`${title}: bar chart; open the table for the numbers`}>
          <ResponsiveContainer width="100%" height={40 + rows.length * 26}>
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ left: 8, right: 24 }}
              accessibilityLayer
            >
              <LowNPattern />
              {/* Ticks and grid lines given, not found: recharts would measure every label in the DOM. */}
              <CartesianGrid
                horizontal={false}
                verticalCoordinatesGenerator={({ offset }) =>
                  QUARTERS.map((q) => offset.left! + q * offset.width!)
                }
              />
              <XAxis
                type="number"
                domain={[0, 1]}
                ticks={QUARTERS}
                tickFormatter={(v: number) => pct(v)}
                interval={0}
              />
              <YAxis
                type="category"
                dataKey="label"
                width={narrow ? 160 : 290}
                interval={0}
                tick={(p: object) => <Label {...p} max={narrow ? 22 : 45} />}
              />
              <Tooltip
                formatter={(_v, _n, item) => {
                  const r = item.payload as (typeof rows)[number];
                  return [
                    `${pct(r.rate)} (95% CI ${pct(r.low)}–${pct(r.high)}), n=${num(r.n)}` +
                      (r.reason ? `; not listed: ${r.reason}` : ''),
                    title,
                  ];
                }}
              />
              <Bar
                dataKey="rate"
                isAnimationActive={false}
                background={{ fill: 'transparent' }}
                shape={BarWithInterval}
                onClick={(d) => open((d as unknown as { payload: (typeof rows)[number] }).payload)}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  downloadCsv,
  metric,
  num,
  pct,
  QUARTERS,
  useApi,
  VIEW_URLS,
  type AdjustedRates,
  type RateRow,
} from '../data/fetch.ts';
import {
  AdjustedChart,
  AdjustedTable,
  adjustedSummary,
  downloadAdjusted,
} from './AdjustedChart.tsx';
import { RateControls } from './RateControls.tsx';
import { BarWithInterval, Label, LowNPattern } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { RateTable } from './RateTable.tsx';
import { drillFilters, encodeDrill } from '../data/drill.ts';
import { DIMENSIONS, valueLabel, type DimensionName } from '../../model/dimensions.ts';
import { NARROW, useMedia } from './media.ts';
import { menuOf } from '../data/program-choice.ts';
import type { State } from '../data/url-state.ts';

/** Uphold (or overturn) rate by one dimension, with n and intervals; a bar opens its services. */
export function RateChart({ state, onState }: { state: State; onState: (s: State) => void }) {
  const { dim, metric: which, adjust } = state.view;
  const { data, error, loading } = useApi<{ rows: RateRow[]; note?: string } | AdjustedRates>(
    VIEW_URLS.rates(state),
  );
  const narrow = useMedia(NARROW);
  const RATE_DIMS = menuOf('rateMenu', state, dim);
  // Keys that are codes (reason families) read as their labels.
  const shown = (key: string) => (dim in DIMENSIONS ? valueLabel(dim as DimensionName, key) : key);
  const rows = (data?.rows ?? []).map((r) => {
    const drilled = drillFilters(state.filters, [[dim, r.key]]);
    return {
      ...r,
      ...metric(r, which),
      label: `${shown(r.key)} (n=${num(r.n)})${r.low_n ? ' low n' : ''}`,
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
  const controls = <RateControls state={state} onState={onState} dims={RATE_DIMS} />;
  if (adjust) {
    // The last answer is kept while the next loads: only an adjusted one of this view is drawn.
    const adjusted = data && 'adjust' in data && data.adjust === adjust && data.by === dim;
    const byLabel = RATE_DIMS[dim] ?? dim;
    const shown = adjusted ? data.rows : [];
    const heading = `Uphold rate by ${byLabel}, observed / expected for its mix`;
    return (
      <Card
        title={heading}
        loading={loading || !adjusted}
        error={error}
        empty={shown.length === 0}
        summary={adjusted ? adjustedSummary(data, byLabel) : ''}
        onDownload={() => downloadAdjusted(dim, shown)}
        controls={controls}
        table={<AdjustedTable rows={shown} byLabel={byLabel} />}
        chart={<AdjustedChart rows={shown} byLabel={byLabel} narrow={narrow} />}
      />
    );
  }
  return (
    <Card
      title={title}
      loading={loading}
      error={error}
      empty={rows.length === 0}
      summary={
        top
          ? `${shown(top.key)}: ${num(top.n)} services, ${pct(top.rate)} ${top.word} (${pct(top.low)}–${pct(top.high)}).${data && 'note' in data && data.note ? ` ${data.note}` : ''}`
          : ''
      }
      onDownload={() => downloadCsv(`imr-rates-by-${dim}.csv`, data?.rows ?? [])}
      controls={controls}
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
                  {shown(r.key)}
                </button>
              ) : (
                <>
                  {shown(r.key)} <small className="note">(not listed: {r.reason})</small>
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

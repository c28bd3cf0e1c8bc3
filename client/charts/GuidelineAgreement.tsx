import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Rate } from '../../model/api.ts';
import { valueLabel } from '../../model/dimensions.ts';
import {
  downloadCsv,
  metric,
  num,
  pct,
  QUARTERS,
  useApi,
  WHY_URLS,
  type Reasons,
} from '../data/fetch.ts';
import { BarWithInterval, Label, LowNPattern } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { RateTable } from './RateTable.tsx';
import { drillFilters, encodeDrill } from '../data/drill.ts';
import type { State } from '../data/url-state.ts';

const TITLE = 'Utilization review and IMR: the same guidelines, or others?';

/** The sentence: how often the two sides' guideline families differ, and the rate either way. */
function sentence(d: Reasons, which: string): string {
  const g = d.guidelines;
  if (!g.different.of) return 'No service has both guideline paragraphs.';
  const [diff, same] = [metric(g.different_rate, which), metric(g.same_rate, which)];
  return `The reviewer relied on other guideline families than utilization review for ${pct(g.different.share)} (95% CI ${pct(g.different.ci_low)}–${pct(g.different.ci_high)}) of the ${num(g.different.of)} services with both paragraphs; ${pct(diff.rate)} were ${diff.word} when they differed (n=${num(g.different_rate.n)}), ${pct(same.rate)} when they were the same (n=${num(g.same_rate.n)}).`;
}

/**
 * How often the claims administrator's utilization review and the IMR reviewer relied on
 * different guideline families, and the uphold (or overturn) rate when they did and did not;
 * a bar lists its services.
 */
export function GuidelineAgreement({
  state,
  onState,
}: {
  state: State;
  onState: (s: State) => void;
}) {
  const { data, error, loading } = useApi<Reasons>(WHY_URLS.reasons(state));
  const which = state.view.metric;
  const rows = data
    ? (
        [
          ['different', data.guidelines.different_rate],
          ['same', data.guidelines.same_rate],
        ] as [string, Rate][]
      )
        .filter(([, r]) => r.n > 0)
        .map(([key, r]) => {
          const drilled = drillFilters(state.filters, [['guideline_agreement', key]]);
          return {
            key,
            ...r,
            ...metric(r, which),
            label: `${valueLabel('guideline_agreement', key)} (n=${num(r.n)})`,
            reason: 'reason' in drilled ? drilled.reason : null,
          };
        })
    : [];
  const open = (r: (typeof rows)[number]) =>
    r.reason === null &&
    onState({
      ...state,
      view: { ...state.view, drill: encodeDrill([['guideline_agreement', r.key]]), letter: '', item: '' }, // prettier-ignore
    });
  const rate = `${which === 'overturn' ? 'Overturn' : 'Uphold'} rate`;
  return (
    <Card
      title={TITLE}
      loading={loading}
      error={error}
      empty={rows.length === 0}
      summary={data ? sentence(data, which) : ''}
      onDownload={() => downloadCsv('imr-guideline-agreement.csv', rows)}
      table={
        <RateTable
          caption={TITLE}
          className="guideline-agreement"
          keys={['Guidelines']}
          rate={rate}
          columns={{ upheld: true, lowN: 'note' }}
          rows={rows}
          id={(r) => r.key}
          attributes={(r) => ({ 'data-agreement': r.key })}
          cells={(r) => (
            <td>
              <button type="button" className="link" onClick={() => open(r)}>
                {valueLabel('guideline_agreement', r.key)}
              </button>
            </td>
          )}
          figures={(r) => r}
        />
      }
      chart={
        <div role="figure" aria-label={`${TITLE}: bar chart; open the table for the numbers`}>
          <ResponsiveContainer width="100%" height={40 + rows.length * 40}>
            <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24 }}>
              <LowNPattern />
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
                tickFormatter={pct}
                interval={0}
              />
              <YAxis
                type="category"
                dataKey="label"
                width={230}
                interval={0}
                tick={(p: object) => <Label {...p} max={36} />}
              />
              <Tooltip
                formatter={(_v, _n, item) => {
                  const r = item.payload as (typeof rows)[number];
                  return [
                    `${pct(r.rate)} (95% CI ${pct(r.low)}–${pct(r.high)}), n=${num(r.n)}`,
                    rate,
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

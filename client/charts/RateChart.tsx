import type { AdjustedRates, Rates } from '../../model/api.ts';
import { DIMENSIONS, valueLabel, type DimensionName } from '../../model/dimensions.ts';
import { downloadCsv } from '../data/csv.ts';
import { drillTo, unlisted } from '../data/drill.ts';
import { useApi } from '../data/fetch.ts';
import { metric, metricWord, num, pct, rateText } from '../data/format.ts';
import { menuOf } from '../data/program-choice.ts';
import { RATE_URLS } from '../data/urls.ts';
import type { StateProps } from '../data/url-state.ts';
import { AdjustedCard } from './AdjustedChart.tsx';
import { BarFrame } from './BarFrame.tsx';
import { BarWithInterval } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { RateControls } from './RateControls.tsx';
import { RateTable } from './RateTable.tsx';
import { KeyCell } from './Table.tsx';

/** Uphold (or overturn) rate by one dimension, with n and intervals; a bar opens its services. */
export function RateChart({ state, onState }: StateProps) {
  const { dim, metric: which, adjust } = state.view;
  const answer = useApi<Rates | AdjustedRates>(RATE_URLS.rates(state));
  const dims = menuOf('rateMenu', state, dim);
  const controls = <RateControls state={state} onState={onState} dims={dims} />;
  if (adjust) return <AdjustedCard state={state} answer={answer} controls={controls} />;
  const { data } = answer;
  // Keys that are codes (reason families) read as their labels.
  const shown = (key: string) => (dim in DIMENSIONS ? valueLabel(dim as DimensionName, key) : key);
  const rows = (data?.rows ?? []).map((r) => ({
    ...r,
    ...metric(r, which),
    label: `${shown(r.key)} (n=${num(r.n)})${r.low_n ? ' low n' : ''}`,
    reason: unlisted(state.filters, [[dim, r.key]]),
  }));
  const top = rows[0];
  const title = `${metricWord(which)} rate by ${dims[dim] ?? dim}`;
  // A bar opens its services, unless no filter can list them (its reason is shown instead).
  const open = (r: (typeof rows)[number]) =>
    r.reason === null && onState(drillTo(state, [[dim, r.key]]));
  const note = data && 'note' in data && data.note ? ` ${data.note}` : '';
  return (
    <Card
      title={title}
      summary={
        top
          ? `${shown(top.key)}: ${num(top.n)} services, ${pct(top.rate)} ${top.word} (${pct(top.low)}–${pct(top.high)}).${note}`
          : ''
      }
      loaded={answer}
      empty={rows.length === 0}
      onDownload={() => downloadCsv(`imr-rates-by-${dim}.csv`, data?.rows ?? [])}
      controls={controls}
      table={
        <RateTable
          caption={title}
          keys={[dim]}
          rate={`${metricWord(which)} rate`}
          columns={{ upheld: true, lowN: 'column' }}
          rows={rows}
          id={(r) => r.key}
          cells={(r) => <KeyCell text={shown(r.key)} reason={r.reason} open={() => open(r)} />}
          figures={(r) => r}
        />
      }
      chart={
        <BarFrame
          describe={`${title}: bar chart`}
          rows={rows}
          labels={{ key: 'label', width: [160, 290], max: [22, 45] }}
          tooltip={(r) => [rateText(r) + (r.reason ? `; not listed: ${r.reason}` : ''), title]}
          series={[{ name: 'rate', value: (r) => r.rate, shape: BarWithInterval, open }]}
        />
      }
    />
  );
}

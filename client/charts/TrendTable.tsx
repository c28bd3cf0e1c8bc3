import type { TrendRow } from '../../model/api.ts';
import { figures, RateTable } from './RateTable.tsx';

/**
 * A trend's table: a row a period and key, the policy events of that period, then n, upheld
 * rate and 95% interval for the metric shown.
 */
export function TrendTable(props: {
  caption: string;
  rows: TrendRow[];
  /** The headers of the period, key and rate columns. */
  heads: [string, string, string];
  /** The metric shown: uphold, or overturn. */
  which: string;
  period: (r: TrendRow) => string;
  keyLabel: (r: TrendRow) => string;
  events: (r: TrendRow) => string[];
}) {
  const [period, key, rate] = props.heads;
  return (
    <RateTable
      caption={props.caption}
      keys={[period, key, 'Policy event']}
      rate={rate}
      rows={props.rows}
      id={(r) => `${r.period}${r.key}`}
      cells={(r) => (
        <>
          <td>{props.period(r)}</td>
          <td>{props.keyLabel(r)}</td>
          <td>{props.events(r).join('; ')}</td>
        </>
      )}
      figures={(r) => figures(r, props.which)}
    />
  );
}

import type { Rate, Reasons } from '../../model/api.ts';
import { valueLabel } from '../../model/dimensions.ts';
import { downloadCsv } from '../data/csv.ts';
import { drillTo, unlisted } from '../data/drill.ts';
import { useApi } from '../data/fetch.ts';
import { metric, metricWord, num, pct, rateText } from '../data/format.ts';
import { WHY_URLS } from '../data/urls.ts';
import type { StateProps } from '../data/url-state.ts';
import { BarFrame } from './BarFrame.tsx';
import { BarWithInterval } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { RateTable } from './RateTable.tsx';

const TITLE = 'Utilization review and IMR: the same guidelines, or others?';
const label = (key: string) => valueLabel('guideline_agreement', key);

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
export function GuidelineAgreement({ state, onState }: StateProps) {
  const answer = useApi<Reasons>(WHY_URLS.reasons(state));
  const { data } = answer;
  const which = state.view.metric;
  const g = data?.guidelines;
  const found: [string, Rate][] = g
    ? [
        ['different', g.different_rate],
        ['same', g.same_rate],
      ]
    : [];
  const rows = found
    .filter(([, r]) => r.n > 0)
    .map(([key, r]) => ({
      key,
      ...r,
      ...metric(r, which),
      label: `${label(key)} (n=${num(r.n)})`,
      reason: unlisted(state.filters, [['guideline_agreement', key]]),
    }));
  const open = (r: (typeof rows)[number]) =>
    r.reason === null && onState(drillTo(state, [['guideline_agreement', r.key]]));
  const rate = `${metricWord(which)} rate`;
  return (
    <Card
      title={TITLE}
      summary={data ? sentence(data, which) : ''}
      onDownload={() => downloadCsv('imr-guideline-agreement.csv', rows)}
      loaded={answer}
      empty={rows.length === 0}
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
                {label(r.key)}
              </button>
            </td>
          )}
          figures={(r) => r}
        />
      }
      chart={
        <BarFrame
          describe={`${TITLE}: bar chart`}
          rows={rows}
          rowHeight={40}
          labels={{ key: 'label', width: [230, 230], max: [36, 36] }}
          tooltip={(r) => [rateText(r), rate]}
          series={[{ name: 'rate', value: (r) => r.rate, shape: BarWithInterval, open }]}
        />
      }
    />
  );
}

import type { Comparison } from '../../model/api.ts';
import { useApi } from '../data/fetch.ts';
import { num, pct } from '../data/format.ts';
import { describeSlice, differenceWords } from '../data/slices.ts';
import { compareUrl } from '../data/urls.ts';
import { withView, type StateProps } from '../data/url-state.ts';

const rate = (s: Comparison['a']) =>
  `${num(s.n)} services, ${pct(s.uphold_rate)} upheld (95% CI ${pct(s.ci_low)}–${pct(s.ci_high)})`;

/**
 * Pin the slice in view as A, change the filters, and read A against the slice now in view (B):
 * the difference in uphold rates with its interval and p, in words. Both slices are in the URL
 * (A as `pin`, B as the filters).
 */
export function SliceCompare({ state, onState }: StateProps) {
  const a = state.view.pin;
  const b = state.filters.toString();
  const { data, error, loading } = useApi<Comparison>(a ? compareUrl(a, b) : null);
  const pin = (value: string) => onState(withView(state, { pin: value }));
  if (!a)
    return (
      <section className="slices" aria-label="Compare two slices">
        <button type="button" onClick={() => pin(b)}>
          Pin this slice as A
        </button>{' '}
        <span className="note">then change the filters to compare A with the new slice, B.</span>
      </section>
    );
  return (
    <section className="slices" aria-label="A vs B" aria-busy={loading}>
      <h2>A vs B</h2>
      <dl>
        <dt>A (pinned)</dt>
        <dd>
          {describeSlice(a)}
          {data && `: ${rate(data.a)}`}
        </dd>
        <dt>B (in view)</dt>
        <dd>
          {describeSlice(b)}
          {data && `: ${rate(data.b)}`}
        </dd>
      </dl>
      {error ? (
        <p className="error" role="alert">
          Could not compare: {error}
        </p>
      ) : (
        <p className="verdict" role="status">
          {data
            ? `A is ${differenceWords(data, 'B')}${data.test ? `; ${data.test}` : ''}.`
            : 'Comparing…'}
        </p>
      )}
      <p className="note">
        Uphold rates of A minus B, in percentage points, with the 95% interval of the difference
        (Newcombe&apos;s hybrid score). The slices are taken as independent samples: when one holds
        the other&apos;s services, the interval and p are only approximate.
      </p>
      <button type="button" onClick={() => pin('')}>
        Unpin A
      </button>
    </section>
  );
}

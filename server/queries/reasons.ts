import type { DimensionName } from '../../model/dimensions.ts';
import { dimension, valueLabel } from '../../model/dimensions.ts';
import type { Rate, Reasons, Share } from '../../model/api.ts';
import { NOT_STATED, REASONS } from '../../model/values.ts';
import { base } from '../sql/base.ts';
import { counts, SUMS } from '../sql/counts.ts';
import type { Database } from '../db/database.ts';
import { counted, labelled } from '../sql/group-by.ts';
import type { Filters } from '../sql/filters.ts';
import { lookup } from '../sql/lookup.ts';
import { wilson, withRate } from './stats.ts';

/** What /api/rates says of a breakdown by a set dimension, whose services count under each value. */
export const multiValued = (by: DimensionName) =>
  dimension(by).storage === 'set'
    ? {
        multi_valued: true,
        note: `A service counts once under each ${dimension(by).label.toLowerCase()} it has: the rows' n add up to more than the services, and their shares to more than 100%.`,
      }
    : { multi_valued: false };

const share = (n: number, of: number): Share => {
  const [ci_low, ci_high] = wilson(n, of);
  return { n, of, share: of ? n / of : null, ci_low, ci_high };
};

const empty = (): Rate => withRate({ n: 0, upheld: 0 });

/**
 * The Why view's numbers under the filters: each reason family's share of the upheld and of
 * the overturned services that have a text to read reasons from (with 95% Wilson intervals),
 * and how often the claims administrator's and the reviewer's guideline families differ, with
 * the uphold rate when they do and when they do not.
 */
export async function reasons(db: Database, f: Filters): Promise<Reasons> {
  const l = await lookup(db);
  const b = base(f, l, ['reason', 'guideline_agreement']);
  const query = async (dim: DimensionName) =>
    labelled(
      await db.query(
        `SELECT k1, ${SUMS} FROM (${counted(b.from, b.where, [dim])}) GROUP BY k1`,
        b.params,
      ),
      [dim],
      l,
    ).map(counts);
  const [byReason, byAgreement] = await Promise.all([
    query('reason'),
    query('guideline_agreement'),
  ]);
  // A service without a text is 'Not stated', its one label; every other has at least one family.
  const unread = byReason.find((r) => r.key === NOT_STATED);
  // Every service has one guideline_agreement (a code dimension): its rows sum to the total.
  const n = byAgreement.reduce((t, c) => t + c.n, 0);
  const upheld = byAgreement.reduce((t, c) => t + c.upheld, 0);
  const read = { n: n - (unread?.n ?? 0), upheld: upheld - (unread?.upheld ?? 0) };
  const rows = REASONS.map((r) => {
    const c = byReason.find((x) => x.key === r) ?? { n: 0, upheld: 0 };
    return {
      reason: r,
      label: valueLabel('reason', r),
      upheld: share(c.upheld, read.upheld),
      overturned: share(c.n - c.upheld, read.n - read.upheld),
    };
  });
  const rate = (k: string) => {
    const c = byAgreement.find((x) => x.key === k);
    return c ? withRate({ n: c.n, upheld: c.upheld }) : empty();
  };
  const [same, different] = [rate('same'), rate('different')];
  return {
    upheld: read.upheld,
    overturned: read.n - read.upheld,
    not_stated: unread?.n ?? 0,
    rows,
    guidelines: {
      different: share(different.n, same.n + different.n),
      same_rate: same,
      different_rate: different,
    },
    note: 'A service giving several reasons counts under each, so the shares of one decision add up to more than 100%.',
  };
}

import type { ReasonShares as Row, Share } from '../../model/api.ts';
import { num, pct } from '../data/format.ts';

/** The two sides of the Why view's shares: the upheld services and the overturned. */
export const SIDES = [
  { key: 'upheld', decision: 'Upheld', label: 'Upheld services', color: '#2f5f96' },
  { key: 'overturned', decision: 'Overturned', label: 'Overturned services', color: '#b3541e' },
] as const;
export type Side = (typeof SIDES)[number];

/** One side's cells of a reason: n (a link listing them), the share and its interval. */
function ShareCells({ s, open, side }: { s: Share; open: () => void; side: Side }) {
  const list = `${num(s.n)} ${side.decision.toLowerCase()}: list them`;
  return (
    <>
      <td>
        <button type="button" className="link" onClick={open} aria-label={list}>
          {num(s.n)}
        </button>
      </td>
      <td>{pct(s.share)}</td>
      <td>
        {pct(s.ci_low)}–{pct(s.ci_high)}
      </td>
    </>
  );
}

/** The reasons' table: a row a reason, each side's n, share and 95% interval. */
export function ShareTable(props: {
  caption: string;
  rows: Row[];
  open: (r: Row, side: Side) => void;
}) {
  return (
    <table className="reason-shares">
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Reason</th>
          {SIDES.map((s) => (
            <th key={s.key} scope="col" colSpan={3}>
              {s.label}: n, share, 95% interval
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.reason} data-reason={r.reason}>
            <th scope="row">{r.label}</th>
            {SIDES.map((s) => (
              <ShareCells key={s.key} s={r[s.key]} open={() => props.open(r, s)} side={s} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

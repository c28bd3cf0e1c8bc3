import type { Cell } from '../../model/api.ts';
import { num, pct } from '../data/format.ts';

/**
 * One cell of a heat map: its rate and n, shaded by rate, its keys and interval for screen
 * readers; a button that lists its services, or, when no filter can, a note saying why.
 */
export function HeatCell(props: {
  cell: Cell;
  /** Its rate, interval and word for the metric shown. */
  m: { rate: number | null; low: number; high: number; word: string };
  /** The cell's keys, as people read them. */
  says: string;
  reason: string | null;
  open: () => void;
}) {
  const { cell, m, reason } = props;
  const text = (
    <>
      {pct(m.rate)}
      <small>
        n={num(cell.n)}
        {cell.low_n ? ' low n' : ''}
      </small>
      <span className="visually-hidden">{` ${m.word}, 95% interval ${pct(m.low)} to ${pct(m.high)}: ${props.says}`}</span>
    </>
  );
  // Lighter for lower rates; even the darkest shade keeps dark text readable (WCAG AA).
  const light = Math.round(96 - (m.rate ?? 0) * 30);
  return (
    <td style={{ background: `hsl(212, 65%, ${light}%)` }} className={cell.low_n ? 'low-n' : ''}>
      {reason === null ? (
        <button type="button" className="cell" onClick={props.open}>
          {text}
        </button>
      ) : (
        // No filter lists this cell's services: say why rather than fail.
        <span className="cell" title={`Not listed: ${reason}`}>
          {text}
        </span>
      )}
    </td>
  );
}

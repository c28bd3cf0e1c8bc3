import type { RateRow } from '../../model/api.ts';

interface ShapeProps {
  x: number;
  y: number;
  width: number;
  height: number;
  payload: RateRow & { rate: number; low: number; high: number; reason: string | null };
  background: { x: number; width: number };
  /** The bar's colour (low-n bars are hatched whatever it is). */
  fill?: string;
}

/**
 * A rate bar and its 95% interval as a whisker; low-n bars are lighter and hatched. A bar that
 * opens its services shows a pointer; one that cannot (its reason is in the tooltip and table)
 * does not.
 */
export function BarWithInterval(props: unknown) {
  const { x, y, width, height, payload: r, background: track, fill } = props as ShapeProps;
  const at = (v: number) => track.x + v * track.width;
  const mid = y + height / 2;
  return (
    <g style={{ cursor: r.reason ? 'default' : 'pointer' }}>
      <rect
        x={x}
        y={y}
        width={Math.max(width, 0)}
        height={height}
        fill={r.low_n ? 'url(#low-n)' : (fill ?? '#2f5f96')}
      />
      <g stroke="#111" strokeWidth={1.5} className="interval">
        <line x1={at(r.low)} x2={at(r.high)} y1={mid} y2={mid} />
        <line x1={at(r.low)} x2={at(r.low)} y1={mid - 5} y2={mid + 5} />
        <line x1={at(r.high)} x2={at(r.high)} y1={mid - 5} y2={mid + 5} />
      </g>
    </g>
  );
}

/** Hatching for low-n bars. */
export const LowNPattern = () => (
  <defs>
    <pattern
      id="low-n"
      width="6"
      height="6"
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <rect width="6" height="6" fill="#a9c0dc" />
      <line x1="0" y1="0" x2="0" y2="6" stroke="#5d7ea6" strokeWidth="2" />
    </pattern>
  </defs>
);

// The text cut to max characters with an ellipsis, keeping its last " (n=…)" part whole.
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const at = text.lastIndexOf(' (');
  const [head, tail] = at > 0 ? [text.slice(0, at), text.slice(at)] : [text, ''];
  return `${head.slice(0, Math.max(max - tail.length - 1, 3))}…${tail}`;
}

/**
 * A label as plain text, cut to `max` characters (the whole label is its title): recharts' own
 * tick measures every word to wrap it, a forced layout each.
 */
export const Label = ({
  x,
  y,
  payload,
  max,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
  max: number;
}) => {
  const text = payload?.value ?? '';
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={12} fill="#666">
      <title>{text}</title>
      {shorten(text, max)}
    </text>
  );
};

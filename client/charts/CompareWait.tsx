import type { Timeliness, TimelinessRow } from '../../model/api.ts';
import { MEASURES, measuresOf } from '../../model/measures.ts';
import { PROGRAM_FACTS, PROGRAM_LABELS } from '../../model/programs.ts';
import { PROGRAMS, type Program } from '../../model/values.ts';
import { downloadCsv } from '../data/csv.ts';
import { drillTo, unlisted, type DrillKey } from '../data/drill.ts';
import { useApi } from '../data/fetch.ts';
import { days, num } from '../data/format.ts';
import { dayAxis, waitBar } from '../data/review-time.ts';
import { COMPARE_URLS } from '../data/urls.ts';
import type { StateProps } from '../data/url-state.ts';
import { BarFrame } from './BarFrame.tsx';
import { BarWithInterval } from './BarShapes.tsx';
import { Card } from './Card.tsx';
import { NO_WAITS, WaitTable, waitSentence } from './WaitTable.tsx';

const TITLE = 'Review time by review speed, both programs';
const NOTE = "Each program counts its own span: read what each measures on its program's page.";
const measure = (p: Program) => MEASURES[measuresOf(p)[0]].label;
const keys = (key: string, p: Program): DrillKey[] => [
  ['review_speed', key],
  ['program', p],
];

type Row = TimelinessRow & { program: Program; label: string; reason: string | null };

/** A bar in its program's colour. */
const shape = (p: unknown) =>
  BarWithInterval({
    ...(p as object),
    fill: PROGRAM_FACTS[(p as { payload: Row }).payload.program].color,
  });

/** Each program's median review time by review speed, side by side; a bar opens its letters. */
export function CompareWait({ state, onState }: StateProps) {
  // One request a program, each in its own first measure.
  const answers = [
    { p: 'DWC', ...useApi<Timeliness>(COMPARE_URLS.waitDWC(state)) },
    { p: 'DMHC', ...useApi<Timeliness>(COMPARE_URLS.waitDMHC(state)) },
  ] as const satisfies { p: Program }[];
  const rows: Row[] = answers.flatMap(({ p, data }) =>
    (data?.rows ?? []).map((r) => {
      const label = `${PROGRAM_FACTS[p].short} · ${r.key} (n=${num(r.n)})`;
      return { ...r, program: p, label, reason: unlisted(state.filters, keys(r.key, p)) };
    }),
  );
  const axis = dayAxis(Math.max(1, ...rows.map((r) => r.p75_days ?? 0)));
  const bars = rows.map((r) => ({ ...r, ...waitBar(r, 'median', axis.top) }));
  const open = (r: Row) =>
    r.reason === null && onState(drillTo(state, keys(r.key, r.program), measuresOf(r.program)[0]));
  const said = PROGRAMS.flatMap((p) => {
    const first = rows.find((r) => r.program === p);
    return first
      ? [`${PROGRAM_LABELS[p]}, ${measure(p).toLowerCase()}, ${waitSentence(first)}`]
      : [];
  });
  return (
    <Card
      title={TITLE}
      summary={said.length ? `${said.join('; ')}. ${NOTE}` : ''}
      loaded={{
        loading: answers.some((a) => a.loading),
        error: answers.find((a) => a.error)?.error ?? null,
      }}
      empty={rows.length === 0}
      emptyText={NO_WAITS}
      onDownload={() =>
        downloadCsv(
          'imr-compare-review-time.csv',
          rows.map(({ reason: _, label: __, ...r }) => r),
        )
      }
      table={
        <WaitTable
          caption={TITLE}
          keys={['Program', 'Measure', 'Review speed']}
          rows={rows}
          id={(r) => `${r.program}|${r.key}`}
          attributes={(r) => ({ 'data-program': r.program, 'data-key': r.key })}
          cells={(r) => (
            <>
              <td>{PROGRAM_LABELS[r.program]}</td>
              <td>{measure(r.program)}</td>
              <td>
                <button type="button" className="link" onClick={() => open(r)}>
                  {r.key}
                </button>
              </td>
            </>
          )}
        />
      }
      chart={
        <BarFrame
          describe={`${TITLE}: median days with the 25th to 75th percentile`}
          rows={bars}
          rowHeight={30}
          labels={{ key: 'label', width: [130, 240], max: [18, 36] }}
          axis={axis}
          tooltip={(r) => [
            `median ${days(r.median_days)} (${days(r.p25_days)}–${days(r.p75_days)}), n=${num(r.n)}`,
            PROGRAM_LABELS[r.program],
          ]}
          series={[{ name: 'rate', value: (r) => r.rate, shape, open }]}
        />
      }
    />
  );
}

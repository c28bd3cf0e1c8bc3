import { useEffect, useState } from 'react';
import type { Suggestions, Suggestion } from '../../model/api.ts';
import { useApi } from '../data/fetch.ts';
import { num } from '../data/format.ts';
import { suggestUrl } from '../data/urls.ts';
import { withValues, type StateProps } from '../data/url-state.ts';

/** The two filters a search term becomes: a service by exact name, or a treatment search. */
const CHIPS = [
  { param: 'service', label: 'Service' },
  { param: 'treatment', label: 'Treatment contains' },
] as const;

const SAYS: Record<Suggestion['kind'], (s: Suggestion) => string> = {
  service: (s) => `service, ${num(s.n!)}`,
  word: (s) => `in names, ${num(s.n!)}`,
  synonym: () => 'synonym',
};

/**
 * Treatment search: suggestions as you type, services first. A service chosen is a `service=`
 * chip (that name exactly); a word, a synonym or what was typed is a `treatment=` chip (names
 * containing it). Chips of one kind are ORed.
 */
export function TreatmentSearch({ state, onState }: StateProps) {
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setTyped(text.trim()), 150);
    return () => clearTimeout(t);
  }, [text]);
  const { data } = useApi<Suggestions>(typed.length >= 2 ? suggestUrl(typed) : null);
  const shown = text.trim().length >= 2 && typed.length >= 2 ? (data?.suggestions ?? []) : [];
  const set = (param: string, values: string[]) =>
    onState({ ...state, filters: withValues(state.filters, param, values) });
  const add = (param: 'service' | 'treatment', t: string) => {
    const had = state.filters.getAll(param);
    if (t.trim() && !had.includes(t.trim())) set(param, [...had, t.trim()]);
    setText('');
  };
  return (
    <div className="treatment">
      <label htmlFor="treatment-search">Treatment contains</label>
      <input
        id="treatment-search"
        type="search"
        value={text}
        placeholder="e.g. acupuncture"
        aria-describedby="treatment-suggestions"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add('treatment', text);
        }}
      />
      <button type="button" onClick={() => add('treatment', text)} disabled={!text.trim()}>
        Add
      </button>
      <ul id="treatment-suggestions" className="suggestions" aria-label="Suggestions">
        {shown.map((s) => (
          <li key={`${s.kind}:${s.term}`} className={s.kind}>
            <button
              type="button"
              onClick={() => add(s.kind === 'service' ? 'service' : 'treatment', s.term)}
            >
              {s.term} <span className="count">{SAYS[s.kind](s)}</span>
            </button>
          </li>
        ))}
      </ul>
      <ul className="chips" aria-label="Services and treatment terms (any of each kind)">
        {CHIPS.flatMap(({ param, label }) =>
          state.filters.getAll(param).map((t, _, all) => (
            <li key={`${param}:${t}`} className={param}>
              <span className="kind">{label}:</span> {t}{' '}
              <button
                type="button"
                aria-label={`Remove ${t} (${param === 'service' ? 'service' : 'treatment search'})`}
                onClick={() =>
                  set(
                    param,
                    all.filter((x) => x !== t),
                  )
                }
              >
                ×
              </button>
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { num, useApi, type Suggestion } from './api.ts';
import { withValues, type State } from './state.ts';

/** Treatment search: suggestions as you type; each term chosen is a chip, and chips are ORed. */
export function TreatmentSearch({ state, onState }: { state: State; onState: (s: State) => void }) {
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setTyped(text.trim()), 150);
    return () => clearTimeout(t);
  }, [text]);
  const { data } = useApi<{ suggestions: Suggestion[] }>(
    typed.length >= 2 ? `/api/suggest?q=${encodeURIComponent(typed)}` : null,
  );
  const terms = state.filters.getAll('treatment');
  const set = (values: string[]) =>
    onState({ ...state, filters: withValues(state.filters, 'treatment', values) });
  const add = (t: string) => {
    if (t.trim() && !terms.includes(t.trim())) set([...terms, t.trim()]);
    setText('');
  };
  return (
    <div className="treatment">
      <label htmlFor="treatment-search">Treatment contains</label>
      <input
        id="treatment-search"
        type="search"
        list="treatment-suggestions"
        value={text}
        placeholder="e.g. acupuncture"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add(text);
        }}
      />
      <datalist id="treatment-suggestions">
        {typed.length >= 2 &&
          (data?.suggestions ?? []).map((s) => (
            <option key={s.term} value={s.term}>
              {s.n === null ? 'synonym' : `${num(s.n)} services`}
            </option>
          ))}
      </datalist>
      <button type="button" onClick={() => add(text)} disabled={!text.trim()}>
        Add
      </button>
      <ul className="chips" aria-label="Treatment terms (any of them)">
        {terms.map((t) => (
          <li key={t}>
            {t}{' '}
            <button
              type="button"
              aria-label={`Remove ${t}`}
              onClick={() => set(terms.filter((x) => x !== t))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

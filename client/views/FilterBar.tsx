import { useState } from 'react';
import type { Facets } from '../../model/api.ts';
import { MAX_AGE } from '../../model/limits.ts';
import { useApi } from '../data/fetch.ts';
import { num } from '../data/format.ts';
import { facetsUrl } from '../data/urls.ts';
import { dimension, FACETS, RANGED, valueLabel, type FacetName } from '../../model/dimensions.ts';
import { NARROW, useMedia } from '../charts/media.ts';
import { VIEW, withValues, type StateProps } from '../data/url-state.ts';
import { TreatmentSearch } from './TreatmentSearch.tsx';

/**
 * One facet as a disclosure of checkboxes, each value with its count under the other filters.
 * The values are drawn only while it is open, so the first view has a hundred fewer checkboxes.
 */
function Facet({
  name,
  facet,
  state,
  onState,
}: {
  name: FacetName;
  facet: Facets[FacetName];
} & StateProps) {
  const [open, setOpen] = useState(false);
  const chosen = state.filters.getAll(name);
  const toggle = (v: string) =>
    onState({
      ...state,
      filters: withValues(
        state.filters,
        name,
        chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v],
      ),
    });
  return (
    <details className="facet" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {dimension(name).label}
        {chosen.length ? ` (${chosen.length})` : ''}
      </summary>
      {open && (
        <fieldset>
          <legend className="visually-hidden">{dimension(name).label}</legend>
          {facet.values.map((v) => (
            <label key={v.value}>
              <input
                type="checkbox"
                checked={chosen.includes(v.value)}
                onChange={() => toggle(v.value)}
              />{' '}
              {valueLabel(name, v.value)} <span className="count">{num(v.n)}</span>
            </label>
          ))}
          {facet.truncated && (
            <p className="note">Showing the {facet.values.length} most frequent.</p>
          )}
        </fieldset>
      )}
    </details>
  );
}

function ValueInput({
  name,
  label,
  type,
  state,
  onState,
}: {
  name: string;
  label: string;
  type: string;
} & StateProps) {
  const value = state.filters.get(name) ?? '';
  return (
    <label className="value">
      {label}
      <input
        type={type}
        value={value}
        min={type === 'number' ? 0 : undefined}
        max={type === 'number' ? MAX_AGE : undefined}
        onChange={(e) =>
          onState({
            ...state,
            filters: withValues(state.filters, name, e.target.value ? [e.target.value] : []),
          })
        }
      />
    </label>
  );
}

/**
 * Every API filter: facets with counts, treatment search, date and age ranges, and one button to
 * clear all. On a phone the bar is folded behind one button that says how many are in use.
 */
export function FilterBar({ state, onState }: StateProps) {
  const { data: facets, error } = useApi<Facets>(facetsUrl(state.filters));
  const active = [...state.filters.keys()].length > 0;
  const narrow = useMedia(NARROW);
  const [unfolded, setUnfolded] = useState(false);
  const used = new Set(state.filters.keys()).size;
  return (
    <details
      className="filter-fold"
      open={!narrow || unfolded}
      onToggle={(e) => narrow && setUnfolded(e.currentTarget.open)}
    >
      <summary>Filters{used ? ` (${used} in use)` : ''}</summary>
      <form
        className="filters"
        role="search"
        aria-label="Filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <TreatmentSearch state={state} onState={onState} />
        <div className="ranges">
          {RANGED.map((name) => {
            const d = dimension(name);
            const type = d.storage === 'date' ? 'date' : 'number';
            return d.range!.map((p, i) => (
              <ValueInput
                key={p}
                name={p}
                label={i === 0 ? `${d.rangeLabel} from` : 'to'}
                type={type}
                state={state}
                onState={onState}
              />
            ));
          })}
        </div>
        <div className="facets">
          {error && (
            <p className="error" role="alert">
              Could not load the filter values: {error}
            </p>
          )}
          {facets &&
            FACETS.map((k) => (
              <Facet key={k} name={k} facet={facets[k]} state={state} onState={onState} />
            ))}
        </div>
        <button
          type="button"
          className="clear"
          disabled={!active && state.view.drill === ''}
          onClick={() => onState({ filters: new URLSearchParams(), view: { ...VIEW } })}
        >
          Clear all filters
        </button>
      </form>
    </details>
  );
}

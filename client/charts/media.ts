import { useEffect, useState } from 'react';

/** Below this width the page is laid out for a phone: filters folded, chart labels shortened. */
export const NARROW = '(max-width: 40rem)';

/** Whether a media query matches, following it as the window is resized or turned. */
export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const m = matchMedia(query);
    const onChange = () => setMatches(m.matches);
    onChange();
    m.addEventListener('change', onChange);
    return () => m.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

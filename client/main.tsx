import { effective } from './data/program-choice.ts';
import { prefetch } from './data/urls.ts';
import { readState } from './data/url-state.ts';
import './style.css';
import './compare.css';
import './why.css';
import './wait.css';

// The view's data is asked for first; React's renderer and the charts load while it comes.
// A URL that names no program waits for the summary that chooses one (App asks for it).
const first = effective(readState(), null);
if (first) prefetch(first);
Promise.all([import('react-dom/client'), import('./App.tsx')]).then(([{ createRoot }, { App }]) => {
  createRoot(document.getElementById('root')!).render(<App />);
});

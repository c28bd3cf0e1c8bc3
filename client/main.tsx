import { prefetch } from './api.ts';
import { readState } from './state.ts';
import './style.css';

// The view's data is asked for first; React's renderer and the charts load while it comes.
prefetch(readState());
Promise.all([import('react-dom/client'), import('./App.tsx')]).then(([{ createRoot }, { App }]) => {
  createRoot(document.getElementById('root')!).render(<App />);
});

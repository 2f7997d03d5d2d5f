// The baseline for bundle_ratio_vs_react_hello: a bare React 19 app built by the same Vite.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <h1>Hello, world</h1>
  </StrictMode>,
);

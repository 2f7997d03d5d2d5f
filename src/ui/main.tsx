import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LibraryPage } from './library-page.tsx';
import { builtinScenarios } from './builtin-scenarios.ts';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LibraryPage entries={builtinScenarios} />
    </StrictMode>,
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles.css';
import { refreshImported } from './app-services.ts';
import { registerServiceWorker } from './register-service-worker.ts';

const root = document.getElementById('root');
// Imported scenarios live in IndexedDB; the app starts without them if storage is unavailable.
void refreshImported()
  .catch(() => undefined)
  .then(() => {
    if (!root) return;
    createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
    );
  });
registerServiceWorker();

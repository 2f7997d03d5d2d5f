import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles.css';
import { refreshImported } from './app-services.ts';
import { registerServiceWorker } from './register-service-worker.ts';
import { UpdateNotice } from './update-notice.tsx';

const root = document.getElementById('root');
// Imported scenarios live in IndexedDB; the app starts without them if storage is unavailable.
void refreshImported()
  .catch(() => undefined)
  .then(() => {
    if (!root) return;
    createRoot(root).render(
      <StrictMode>
        <UpdateNotice />
        <App />
      </StrictMode>,
    );
  });
registerServiceWorker();

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Same Vite and React plugin as the app; the output goes where `npm run bench` says (--outDir).
export default defineConfig({ plugins: [react()], logLevel: 'warn', build: { manifest: true, emptyOutDir: true } });

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { scenarioCatalog } from './scripts/scenario-catalog-plugin.ts';

export default defineConfig({
  plugins: [react(), scenarioCatalog()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 5173 },
  // The library loads first; every other page, and the scenarios' texts, are lazy chunks (docs/performance.md).
  build: { outDir: 'dist', sourcemap: true, manifest: true, chunkSizeWarningLimit: 1200 },
});

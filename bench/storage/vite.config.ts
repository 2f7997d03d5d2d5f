import { defineConfig } from 'vite';

// The app's own storage code built for production like the app; `npm run bench` picks --outDir.
export default defineConfig({ logLevel: 'warn', build: { emptyOutDir: true } });

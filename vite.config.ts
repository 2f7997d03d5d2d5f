import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './scripts/service-worker.ts';
import { scenarioCatalog } from './scripts/scenario-catalog-plugin.ts';

/**
 * The built app's Content-Security-Policy (docs/decisions.md, "Content-Security-Policy"): only
 * the app's own scripts, no inline scripts, no eval. Inline style attributes are allowed
 * because React and framer-motion set them. A <meta> tag, so it holds on any static host; only
 * in the build, since the dev server injects an inline script for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'incident-drill-csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
});

export default defineConfig({
  plugins: [react(), scenarioCatalog(), contentSecurityPolicy(), serviceWorker()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 5173 },
  // The library loads first; every other page, and the scenarios' texts, are lazy chunks (docs/performance.md).
  build: { outDir: 'dist', sourcemap: true, manifest: true, chunkSizeWarningLimit: 1200 },
});

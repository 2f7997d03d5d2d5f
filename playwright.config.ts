import { defineConfig } from '@playwright/test';

// Browser tests run Debian's Chromium (npm test installs it when missing); Playwright's own
// browser download is not reachable from our machines.
const port = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    viewport: { width: 1280, height: 800 },
    // Fail a step that cannot happen quickly instead of waiting out a long test's whole timeout.
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

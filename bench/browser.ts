/**
 * The browser's part of `npm run bench`, in Debian's Chromium through Playwright:
 * - LCP and TTI of the library page served by `vite preview` (production build);
 * - frame times and long tasks while 1,000 alerts arrive at 10× in the console (production build);
 * - heap after that run, after a forced garbage collection;
 * - Dexie write p95 and resuming a 2,000-entry attempt, through the real AttemptStore, built
 *   for production in a page of its own (bench/storage): no bench-only code in the app's bundle.
 * Prints one JSON object on stdout; progress on stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { stormScenario } from './storm.ts';
import type {} from './storage/main.ts';

const PREVIEW_PORT = Number(process.env.BENCH_PORT ?? 4320);
const STORAGE_PORT = PREVIEW_PORT + 1;
/** Where `npm run bench` builds bench/storage (scripts/bench.mjs). */
const STORAGE_OUT_DIR = '/tmp/incident-drill-bench-storage';
const quick = process.argv.includes('--quick');
const log = (line: string) => process.stderr.write(`  ${line}\n`);
const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

function server(args: string[], port: number): Promise<ChildProcess> {
  const child = spawn('npx', ['vite', ...args, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stderr?.on('data', () => undefined);
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        if (response.ok) return resolve(child);
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline || child.exitCode !== null) return reject(new Error(`vite ${args[0] ?? ''} did not start on port ${port}`));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

function stop(child: ChildProcess | undefined): void {
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

/** LCP and TTI of the library page, median of several cold loads (fresh context each). */
async function libraryLoad(browser: Browser, base: string): Promise<{ lcp: number; tti: number }> {
  const lcps: number[] = [];
  const ttis: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number; __longTasks: { start: number; end: number }[] };
      w.__lcp = 0;
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__lcp = Math.max(w.__lcp, entry.startTime);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${base}/`, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // TTI (our definition): the end of the last long task (> 50 ms) after first contentful paint,
    // once the page has had 2 s without one; the DOMContentLoaded end if there was none.
    await page.waitForTimeout(2000);
    const result = await page.evaluate(() => {
      const w = window as unknown as { __lcp: number; __longTasks: { start: number; end: number }[] };
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const lastLong = w.__longTasks.filter((t) => t.end > fcp).reduce((max, t) => Math.max(max, t.end), 0);
      return { lcp: w.__lcp, tti: Math.max(fcp, lastLong, nav?.domContentLoadedEventEnd ?? 0) };
    });
    lcps.push(result.lcp);
    ttis.push(result.tti);
    await context.close();
  }
  return { lcp: round(percentile(lcps, 50), 0), tti: round(percentile(ttis, 50), 0) };
}

/** Saves a scenario through the author page's "Save to library", as a user would. */
async function saveToLibrary(page: Page, base: string, fileName: string, text: string): Promise<void> {
  await page.goto(`${base}/author`);
  await page.getByLabel('Open a scenario file').setInputFiles({ name: fileName, mimeType: 'text/yaml', buffer: Buffer.from(text) });
  await page.getByRole('region', { name: 'Problems' }).getByText('No problems').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Save to library' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
}

/** Frame times and long tasks while 1,000 alerts arrive at 10×, then the JS heap. */
async function alertStorm(browser: Browser, base: string): Promise<{ frameP95: number; longTasks: number; heapMb: number; alerts: number }> {
  const storm = stormScenario(1000, 0, 60, 3);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await saveToLibrary(page, base, 'bench-storm.yaml', storm.text);
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Start Bench storm: 1000 alerts' }).click();
  const clock = page.getByRole('region', { name: 'Simulated clock' });
  await clock.waitFor();
  await clock.getByRole('radio', { name: '10×', exact: true }).check();
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = []; window.__long = []; window.__stop = false;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
    let last = performance.now();
    const frame = (now) => { window.__frames.push(now - last); last = now; if (!window.__stop) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })()`);
  const resume = clock.getByRole('button', { name: 'Resume', exact: true });
  if (await resume.isVisible()) await resume.click();
  // 1,000 alerts over 3 simulated minutes: 18 s at 10×. Wait until the last one is on the board.
  const alerts = page.getByRole('region', { name: 'Alerts', exact: true });
  await alerts.getByText('storm alert 1000 of 1000').waitFor({ timeout: 90_000 });
  const stats = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[]; __stop: boolean };
    w.__stop = true;
    return { frames: w.__frames.slice(1), long: w.__long };
  });
  const count = Number((await alerts.locator('.count').innerText()).replace(/\D/g, ''));
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await context.close();
  log(`storm: ${stats.frames.length} frames, ${count} open alerts, long tasks ${JSON.stringify(stats.long.map((d) => Math.round(d)))}`);
  return { frameP95: round(percentile(stats.frames, 95)), longTasks: stats.long.filter((d) => d > 100).length, heapMb: round(heap.usedSize / 1024 / 1024), alerts: count };
}

/**
 * The JS heap after a whole 60-minute scenario at 10× in the console (6 minutes of real time):
 * Playwright's fake clock (`page.clock`) runs the console's 200 ms ticks (setInterval and
 * performance.now) in fast-forward, so the app does exactly what it does in 6 minutes, in less.
 * The heap is read after a forced garbage collection (CDP).
 */
async function longRun(browser: Browser, base: string): Promise<{ heapMb: number; simulated: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${base}/`);
  const title = 'Tuesday 07:20: 1,100 alerts and one of them is real';
  await page.getByRole('button', { name: `Start ${title}`, exact: true }).click();
  const clock = page.getByRole('region', { name: 'Simulated clock' });
  await clock.waitFor();
  await clock.getByRole('radio', { name: '10×', exact: true }).check();
  const resume = clock.getByRole('button', { name: 'Resume', exact: true });
  if (await resume.isVisible()) await resume.click();
  // 6 real minutes in 10-second steps. Each tick queues its advance and its IndexedDB write;
  // the writes take real time, so wait until the queue has caught up with the clock at the end.
  for (let second = 0; second < 6 * 60 + 10; second += 10) {
    await page.clock.runFor(10_000);
    await page.waitForTimeout(50);
  }
  await clock.getByText('Time is up').waitFor({ timeout: 120_000 });
  const simulated = await clock.getByRole('timer', { name: 'Time of day' }).innerText();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await context.close();
  return { heapMb: round(heap.usedSize / 1024 / 1024), simulated };
}

/**
 * Dexie write p95 of one log entry and resume of 2,000 entries, through the real AttemptStore,
 * in bench/storage built for production and served by `vite preview` (see bench/storage/main.ts).
 */
async function storage(browser: Browser, storageBase: string): Promise<{ writeP95: number; resume: number; entries: number }> {
  const storm = stormScenario(1800, 200, 60);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${storageBase}/`);
  await page.waitForFunction(() => typeof window.benchStorage === 'function');
  const result = await page.evaluate((input) => window.benchStorage!(input), { text: storm.text, actions: storm.actions, writes: quick ? 50 : 300 });
  await context.close();
  log(`storage: write p50 ${round(percentile(result.times, 50), 2)} ms, max ${round(Math.max(...result.times), 1)} ms over ${result.times.length} appends`);
  return { writeP95: round(percentile(result.times, 95), 2), resume: round(percentile(result.resumes, 50), 0), entries: result.entries };
}

let preview: ChildProcess | undefined;
let storagePreview: ChildProcess | undefined;
let browser: Browser | undefined;
try {
  preview = await server(['preview'], PREVIEW_PORT);
  storagePreview = await server(['preview', 'bench/storage', '--outDir', STORAGE_OUT_DIR], STORAGE_PORT);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
  const base = `http://127.0.0.1:${PREVIEW_PORT}`;
  // Storage first, while the browser is fresh: closing the page-load runs' contexts leaves the
  // browser process flushing and tidying for a while, which lands in the write times.
  const stored = await storage(browser, `http://127.0.0.1:${STORAGE_PORT}`);
  log(`storage: write p95 ${stored.writeP95} ms, resume of ${stored.entries} entries ${stored.resume} ms`);
  const load = await libraryLoad(browser, base);
  log(`library page: LCP ${load.lcp} ms, TTI ${load.tti} ms`);
  const storm = await alertStorm(browser, base);
  log(`alert storm at 10×: frame p95 ${storm.frameP95} ms, ${storm.longTasks} long tasks > 100 ms, heap ${storm.heapMb} MB`);
  const long = await longRun(browser, base);
  log(`60-minute scenario at 10× (fast-forwarded): clock reads ${long.simulated}, heap ${long.heapMb} MB`);
  process.stdout.write(
    `${JSON.stringify({ lcp_ms: load.lcp, tti_ms: load.tti, frame_p95_ms: storm.frameP95, long_tasks_over_100ms: storm.longTasks, dexie_write_p95_ms: stored.writeP95, resume_2000_entries_ms: stored.resume, heap_mb: long.heapMb, heap_after_storm_mb: storm.heapMb })}\n`,
  );
} finally {
  await browser?.close();
  stop(preview);
  stop(storagePreview);
}

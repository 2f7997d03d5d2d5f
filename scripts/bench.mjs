// `npm run bench [-- --json] [-- --quick]`: measures the app (see docs/performance.md).
// Installs what is missing (npm packages; Debian's chromium), builds the app and a bare React
// hello-world with the same Vite, then runs the core part in Node and the browser part in
// Chromium. With --json, stdout holds exactly one JSON object; progress goes to stderr.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const say = (line) => process.stderr.write(`${line}\n`);

/** Runs a command with its stdout captured (or passed to stderr) and its stderr on ours. */
function run(label, args, { capture = false, env = {} } = {}) {
  say(`▶ ${label}`);
  const result = spawnSync(args[0], args.slice(1), { stdio: ['ignore', capture ? 'pipe' : 2, 2], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    say(`✗ ${label} failed`);
    process.exit(result.status ?? 1);
  }
  return result.stdout ?? '';
}

/** The last line of a step's stdout that is a JSON object. */
const lastJson = (out) => JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).at(-1) ?? '{}');

/**
 * First-load JavaScript, gzip: the entry chunk of index.html and every chunk it imports
 * statically (what the browser loads or modulepreloads before the app runs), from Vite's
 * manifest. Lazily loaded chunks (dynamic imports) are not counted.
 */
function firstLoadGzipKb(outDir) {
  const manifest = JSON.parse(readFileSync(`${outDir}/.vite/manifest.json`, 'utf8'));
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('index.html'));
  if (!entry) throw new Error(`no index.html entry in ${outDir}/.vite/manifest.json`);
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  visit(entry);
  const files = [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(`${outDir}/${file}`)).length, 0);
  return { kb: Math.round((bytes / 1024) * 10) / 10, files };
}

run('dependencies', ['node', 'scripts/ensure-deps.mjs']);
if (!existsSync('/usr/bin/chromium')) {
  say("Chromium is missing: installing Debian's chromium package (needs root)…");
  run('apt-get update', ['apt-get', 'update', '-qq']);
  run('install chromium', ['apt-get', 'install', '-y', '-qq', 'chromium'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
}
run('build the app', ['npx', 'vite', 'build', '--logLevel', 'warn']);
run('build a bare React hello-world with the same Vite', ['npx', 'vite', 'build', 'bench/react-hello', '--outDir', '/tmp/incident-drill-bench-react-hello', '--logLevel', 'warn']);
// The storage benchmark's page: the app's own store code, built for production (bench/storage).
run('build the storage benchmark page', ['npx', 'vite', 'build', 'bench/storage', '--outDir', '/tmp/incident-drill-bench-storage', '--logLevel', 'warn']);
const app = firstLoadGzipKb('dist');
const hello = firstLoadGzipKb('/tmp/incident-drill-bench-react-hello');
say(`  first-load JS (gzip): app ${app.kb} KB in ${app.files.join(', ')}; React hello-world ${hello.kb} KB`);

const core = lastJson(run('core: replay and storm (Node)', ['npx', 'tsx', 'bench/core.ts', ...(quick ? ['--quick'] : [])], { capture: true }));
const browser = lastJson(run('browser: load, storm at 10×, storage (Chromium)', ['npx', 'tsx', 'bench/browser.ts', ...(quick ? ['--quick'] : [])], { capture: true }));

const result = {
  ...core,
  bundle_gzip_kb: app.kb,
  react_hello_gzip_kb: hello.kb,
  bundle_ratio_vs_react_hello: Math.round((app.kb / hello.kb) * 100) / 100,
  ...browser,
};

const TARGETS = {
  replay_ms_per_scenario: ['<', 50],
  storm_10k_ms: ['<', 1000],
  bundle_gzip_kb: ['≤', 180],
  lcp_ms: ['≤', 1000],
  frame_p95_ms: ['≤', 20],
  long_tasks_over_100ms: ['≤', 0],
  dexie_write_p95_ms: ['≤', 5],
  resume_2000_entries_ms: ['≤', 300],
  heap_mb: ['≤', 50],
};

if (json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const value = (v) => (v !== null && typeof v === 'object' ? Math.max(...Object.values(v).filter((x) => typeof x === 'number')) : v);
  const rows = Object.entries(result).map(([key, v]) => {
    const target = TARGETS[key];
    const n = value(v);
    const ok = target ? (target[0] === '<' ? n < target[1] : n <= target[1]) : undefined;
    return [key, typeof v === 'object' ? `${n} (max of ${Object.keys(v).length})` : String(v), target ? `${target[0]} ${target[1]}` : '', ok === undefined ? '' : ok ? 'ok' : 'MISSED'];
  });
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
  console.log(['measure'.padEnd(widths[0]), 'value'.padEnd(widths[1]), 'target'.padEnd(widths[2]), ''].join('  '));
  for (const r of rows) console.log([r[0].padEnd(widths[0]), r[1].padEnd(widths[1]), r[2].padEnd(widths[2]), r[3]].join('  '));
  for (const [key, v] of Object.entries(result)) if (v !== null && typeof v === 'object') console.log(`${key}: ${JSON.stringify(v)}`);
}

// `npm test`: installs what is missing, type-checks, runs every unit test, then the browser
// tests in Debian's Chromium (installed with apt-get when it is missing).
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const step = (label, args, env = {}) => {
  console.log(`\n▶ ${label}`);
  const run = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) {
    console.error(`✗ ${label} failed`);
    process.exit(run.status ?? 1);
  }
};

step('dependencies', ['node', 'scripts/ensure-deps.mjs']);
step('type-check', ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json']);
step('unit tests', ['npx', 'vitest', 'run']);

const e2e = existsSync('test/e2e') && readdirSync('test/e2e').some((f) => f.endsWith('.spec.ts'));
if (e2e) {
  if (!existsSync('/usr/bin/chromium')) {
    console.log('\nChromium is missing: installing Debian\'s chromium package (needs root)…');
    step('apt-get update', ['apt-get', 'update', '-qq']);
    step('install chromium', ['apt-get', 'install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
  }
  step('build for browser tests', ['npx', 'vite', 'build', '--logLevel', 'warn']);
  step('browser tests', ['npx', 'playwright', 'test']);
}
console.log('\n✓ all tests passed');

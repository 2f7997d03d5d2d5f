// Installs the project's npm dependencies when they are missing or older than the lock file.
// Uses only Node's standard library, so it runs on a fresh clone before anything is installed.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const marker = 'node_modules/.package-lock.json';
const lock = 'package-lock.json';
const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
if (stale) {
  const args = existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.error(`Installing dependencies (npm ${args[0]})…`);
  const run = spawnSync('npm', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) {
    console.error('npm could not install the dependencies; see the messages above.');
    process.exit(run.status ?? 1);
  }
}

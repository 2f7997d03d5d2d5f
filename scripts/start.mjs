// `npm start`: installs what is missing, builds the app and serves it on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';

const port = process.env.PORT ?? '5173';
const step = (args) => {
  const run = spawnSync(args[0], args.slice(1), { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
};
step(['node', 'scripts/ensure-deps.mjs']);
step(['npx', 'vite', 'build', '--logLevel', 'warn']);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], { stdio: ['ignore', 'pipe', 'inherit'] });
let announced = false;
server.stdout.on('data', (chunk) => {
  if (!announced && /Local|http:\/\//.test(String(chunk))) {
    announced = true;
    console.log(`\nIncident Drill is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

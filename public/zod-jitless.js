// Runs before the app's modules (a classic script in index.html). The app is served with a
// Content-Security-Policy without 'unsafe-eval' (vite.config.ts); zod 4 would otherwise probe
// `new Function` to compile faster parsers, which the policy blocks and reports as a violation.
// zod reads its global config from here when it loads; z.config() from a module can run too late,
// because the bundler evaluates shared chunks (which parse the built-in scenarios) first.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });

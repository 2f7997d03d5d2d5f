import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * The offline cache: a small hand-written service worker (scripts/sw-template.js) with the
 * build's file list and a content hash prepended, written to dist/sw.js after every production
 * build. `vite dev` never builds it, and the app registers it only in production builds.
 */

/** The URLs to precache: every built file but source maps and the worker itself, under `base`. */
export function precacheList(files: readonly string[], base = '/'): string[] {
  return files
    .map((f) => f.split(sep).join('/'))
    .filter((f) => !f.endsWith('.map') && f !== 'sw.js')
    .sort()
    .map((f) => `${base}${f}`);
}

/** The worker's source: the version and list, then the template. */
export function serviceWorkerSource(template: string, version: string, precache: readonly string[], base = '/'): string {
  return `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache, null, 1)};\nconst INDEX = ${JSON.stringify(`${base}index.html`)};\n${template}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)));
}

export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'incident-drill-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle() {
      const outDir = config.build.outDir;
      const files = filesUnder(outDir);
      const precache = precacheList(files, config.base);
      // The version changes whenever any precached file does, so a new build installs a new cache.
      const hash = createHash('sha256');
      for (const url of precache) hash.update(url).update(readFileSync(join(outDir, url.slice(config.base.length))));
      const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
      writeFileSync(join(outDir, 'sw.js'), serviceWorkerSource(template, hash.digest('hex').slice(0, 16), precache, config.base));
    },
  };
}

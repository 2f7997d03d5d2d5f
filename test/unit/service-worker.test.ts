// The offline cache's build step: which files the worker precaches and how its source is made.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { precacheList, serviceWorkerSource } from '../../scripts/service-worker.ts';

describe('service worker build step', () => {
  it('precaches every built file under the base, but not source maps or the worker itself', () => {
    const files = ['index.html', 'assets/index-abc.js', 'assets/index-abc.js.map', 'assets/index-def.css', 'favicon.svg', 'sw.js', 'assets/author-page-x1.js'];
    expect(precacheList(files)).toEqual(['/assets/author-page-x1.js', '/assets/index-abc.js', '/assets/index-def.css', '/favicon.svg', '/index.html']);
    expect(precacheList(['index.html'], '/drill/')).toEqual(['/drill/index.html']);
  });

  it('prepends the version, the list and the index to the template', () => {
    const template = readFileSync('scripts/sw-template.js', 'utf8');
    const source = serviceWorkerSource(template, 'v123', ['/index.html', '/assets/a.js']);
    expect(source.startsWith('const VERSION = "v123";\nconst PRECACHE = [')).toBe(true);
    expect(source).toContain('const INDEX = "/index.html";');
    expect(source.endsWith(template)).toBe(true);
    // The worker's constants are the ones the template reads.
    for (const name of ['VERSION', 'PRECACHE', 'INDEX']) expect(template).toMatch(new RegExp(`\\b${name}\\b`));
    // It parses as JavaScript.
    expect(() => new Function(source.replace(/\bself\b/g, 'globalThis'))).not.toThrow();
  });
});

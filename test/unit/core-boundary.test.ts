// The core (src/scenario, src/engine, src/scoring) must run anywhere, deterministically:
// no React, no Dexie, no DOM, no Node-only modules, no wall clock. This test reads the source
// so a wrong import fails the build without anyone having to remember the rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = ['src/scenario', 'src/engine', 'src/scoring'];
const FORBIDDEN_IMPORTS = [/^react(-dom)?(\/|$)/, /^@xstate\/react/, /^dexie/, /^framer-motion/, /^node:/, /^(fs|path|os|child_process|crypto)$/, /\/(ui|store|cli)\//];
const FORBIDDEN_CODE: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'reads the wall clock (Date.now)'],
  [/\bnew Date\s*\(\s*\)/, 'reads the wall clock (new Date())'],
  [/\bperformance\.now\s*\(/, 'reads the wall clock (performance.now)'],
  [/(?<![.\w])set(Timeout|Interval)\s*\(/, 'schedules real timers (setTimeout/setInterval)'],
  [/\b(window|document|localStorage|sessionStorage|indexedDB|navigator)\./, 'touches a browser API'],
  [/\bMath\.random\s*\(/, 'uses unseeded randomness (Math.random)'],
];

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : []));

/** Import specifiers, comments stripped first so prose cannot trip the check. */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return [...code.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

export function violations(file: string, source: string): string[] {
  const out: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const spec of importsOf(source)) {
    if (FORBIDDEN_IMPORTS.some((re) => re.test(spec))) out.push(`${file} imports "${spec}"`);
    if (/^xstate/.test(spec) && !file.includes('src/engine/')) out.push(`${file} imports "${spec}": only src/engine may use XState`);
  }
  // A class may implement XState's Clock interface: method definitions are not calls.
  const calls = code.replace(/^\s*(?:override\s+)?(?:set|clear)(?:Timeout|Interval)\s*\(.*\)\s*(?::\s*[\w<>[\]| ]+)?\{\s*$/gm, '');
  for (const [re, what] of FORBIDDEN_CODE) if (re.test(calls)) out.push(`${file} ${what}`);
  return out;
}

describe('core boundary', () => {
  it('keeps React, Dexie, the DOM and the wall clock out of the core', () => {
    const all = CORE.flatMap(files);
    expect(all.length).toBeGreaterThan(10);
    expect(all.flatMap((file) => violations(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('catches each kind of violation (the check can fail)', () => {
    expect(violations('src/engine/x.ts', "import { useState } from 'react';")).toHaveLength(1);
    expect(violations('src/scoring/x.ts', "import Dexie from 'dexie';")).toHaveLength(1);
    expect(violations('src/scoring/x.ts', "import { createActor } from 'xstate';")).toHaveLength(1);
    expect(violations('src/engine/x.ts', "import { db } from '../store/db.ts';")).toHaveLength(1);
    expect(violations('src/engine/x.ts', 'const t = Date.now();')).toHaveLength(1);
    expect(violations('src/engine/x.ts', 'setTimeout(() => {}, 5);')).toHaveLength(1);
    expect(violations('src/engine/x.ts', 'document.title = "x";')).toHaveLength(1);
    expect(violations('src/engine/x.ts', '// Date.now() is never called here\nconst clock = this.clock.setTimeout(fn, 1);')).toEqual([]);
  });
});

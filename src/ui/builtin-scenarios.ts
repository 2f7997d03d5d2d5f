import { toEntry, type LibraryEntry } from './scenario-entry.ts';

export { toEntry, type LibraryEntry };

/** The scenario files shipped in scenarios/, bundled as text at build time (in a lazily loaded chunk: see app-services.ts). */
const files = import.meta.glob<string>('/scenarios/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true });

export const builtinScenarios: readonly LibraryEntry[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, text]) => toEntry(path.replace(/^\//, ''), text));

import { catalog } from 'virtual:scenario-catalog';
import { AttemptStore } from '../store/attempt-store.ts';
import type { LibraryEntry } from './scenario-entry.ts';
import type { CatalogEntry } from './catalog-entry.ts';
import type { LoadedScenario } from '../scenario/loader.ts';

/** One store per page; the database opens on first use. */
export const attemptStore = new AttemptStore();

/** Identifies this tab as the writer of an attempt (see AttemptStore.append). */
export const tabId = crypto.randomUUID();

/**
 * The built-in scenarios, parsed and validated: loaded (with the YAML parser and the validator,
 * a lazily loaded chunk) by `loadScenarios()`, which every page but the library awaits before it
 * renders (see app.tsx). The library shows the build-time catalog until then.
 */
let builtins: readonly LibraryEntry[] | undefined;
let loading: Promise<void> | undefined;

export function loadScenarios(): Promise<void> {
  loading ??= import('./builtin-scenarios.ts').then(
    (m) => {
      builtins = m.builtinScenarios;
    },
    (error: unknown) => {
      loading = undefined; // a failed download is tried again next time
      throw error;
    },
  );
  return loading;
}

/** Scenarios imported in this browser, loaded at start-up and after every change. */
let imported: LibraryEntry[] = [];

export async function refreshImported(): Promise<string | undefined> {
  const list = await attemptStore.listScenarios();
  if (!list.ok) return list.error.message;
  if (list.value.length === 0) {
    imported = [];
    return undefined;
  }
  const { toEntry } = await import('./scenario-entry.ts');
  imported = list.value.map((record) => toEntry(record.fileName, record.text, { hash: record.hash, text: record.text }));
  return undefined;
}

/** The built-in library followed by this browser's imported scenarios and drafts (after `loadScenarios()`). */
export function allScenarios(): readonly LibraryEntry[] {
  return [...(builtins ?? []), ...imported];
}

/** What the library page lists: the full entries once loaded, else the build-time catalog of the built-in ones. */
export function libraryEntries(): readonly CatalogEntry[] {
  return [...(builtins ?? catalog), ...imported];
}

export function findScenario(id: string): LoadedScenario | undefined {
  return allScenarios().find((entry) => entry.scenario?.spec.id === id)?.scenario;
}

export function newAttemptId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 10);
}

export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

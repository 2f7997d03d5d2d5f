import { AttemptStore } from '../store/attempt-store.ts';
import { builtinScenarios, toEntry, type LibraryEntry } from './builtin-scenarios.ts';
import type { LoadedScenario } from '../scenario/loader.ts';

/** One store per page; the database opens on first use. */
export const attemptStore = new AttemptStore();

/** Identifies this tab as the writer of an attempt (see AttemptStore.append). */
export const tabId = crypto.randomUUID();

/** Scenarios imported in this browser, loaded at start-up and after every change. */
let imported: LibraryEntry[] = [];

export async function refreshImported(): Promise<string | undefined> {
  const list = await attemptStore.listScenarios();
  if (!list.ok) return list.error.message;
  imported = list.value.map((record) => toEntry(record.fileName, record.text, { hash: record.hash, text: record.text }));
  return undefined;
}

/** The built-in library followed by this browser's imported scenarios and drafts. */
export function allScenarios(): readonly LibraryEntry[] {
  return [...builtinScenarios, ...imported];
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

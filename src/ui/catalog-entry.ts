import type { Scenario } from '../scenario/schema.ts';

/**
 * What the library page needs of a scenario: its card, or its problems. A full `LibraryEntry`
 * (src/ui/scenario-entry.ts) is one; the built-in scenarios' come from `virtual:scenario-catalog`,
 * worked out at build time, so the library loads without the scenario texts and their parser.
 */
export interface CatalogEntry {
  readonly file: string;
  readonly scenario?:
    | {
        readonly duration: number;
        readonly spec: Pick<Scenario, 'id' | 'title' | 'summary' | 'difficulty' | 'duration' | 'clockStart' | 'area' | 'skills'> & { readonly services: readonly { readonly name: string }[] };
      }
    | undefined;
  readonly problems: readonly string[];
  /** Set for scenarios imported in this browser (stored in IndexedDB). */
  readonly imported?: { readonly hash: string; readonly text: string };
}

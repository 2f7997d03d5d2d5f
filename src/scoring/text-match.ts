import { stemmer } from 'stemmer';
import type { ConceptGroups } from '../scenario/schema.ts';

/**
 * Stemming is pure and the same words and terms come back on every check of a scorecard:
 * remembered here (bounded; cleared when full), which made scoring several times faster.
 */
const CACHE_LIMIT = 20_000;
const wordStems = new Map<string, string>();
const termStems = new Map<string, readonly string[]>();

function stemWord(word: string): string {
  let stem = wordStems.get(word);
  if (stem === undefined) {
    if (wordStems.size >= CACHE_LIMIT) wordStems.clear();
    stem = stemmer(word);
    wordStems.set(word, stem);
  }
  return stem;
}

/** Lower-cased, stemmed word tokens: "Certificates expired" -> ["certif", "expir"]. */
export function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+(?:[-'][a-z0-9]+)*/g) ?? []).flatMap((word) => word.split(/[-']/)).map(stemWord);
}

function termStemsOf(term: string): readonly string[] {
  let want = termStems.get(term);
  if (want === undefined) {
    if (termStems.size >= CACHE_LIMIT) termStems.clear();
    want = stems(term);
    termStems.set(term, want);
  }
  return want;
}

export const wordCount = (text: string): number => (text.match(/[A-Za-z0-9]+/g) ?? []).length;

/** Whether a term (a word or phrase) occurs in the stemmed tokens, as consecutive words. */
export function hasTerm(tokens: readonly string[], term: string): boolean {
  const want = termStemsOf(term);
  if (want.length === 0) return false;
  outer: for (let i = 0; i + want.length <= tokens.length; i++) {
    for (let j = 0; j < want.length; j++) if (tokens[i + j] !== want[j]) continue outer;
    return true;
  }
  return false;
}

export interface GroupMatch {
  readonly matched: number;
  readonly total: number;
  /** For each group, the term that matched, or undefined. */
  readonly terms: readonly (string | undefined)[];
}

/** Concept groups: each group matches when any of its terms occurs. */
export function matchGroups(text: string, groups: ConceptGroups): GroupMatch {
  const tokens = stems(text);
  const terms = groups.map((group) => group.find((term) => hasTerm(tokens, term)));
  return { matched: terms.filter((t) => t !== undefined).length, total: groups.length, terms };
}

export const fraction = (match: GroupMatch): number => (match.total === 0 ? 0 : match.matched / match.total);

/** The first phrase from `patterns` found in the text, quoted as it was written. */
export function findPhrase(text: string, patterns: readonly RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const found = pattern.exec(text);
    if (found) return found[0];
  }
  return undefined;
}

export function findAll(text: string, patterns: readonly RegExp[]): string[] {
  const out: string[] = [];
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const found of text.matchAll(global)) out.push(found[0]);
  }
  return out;
}

/** A short quotation for evidence lines. */
export function quote(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

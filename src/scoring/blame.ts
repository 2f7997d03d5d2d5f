import { findAll } from './text-match.ts';

/** Phrases that put fault on people rather than on the system that let the mistake through. */
const BLAME = [
  /\bhuman error\b/i,
  /\b(?:operator|user) error\b/i,
  /\b(?:his|her|their) fault\b/i,
  /\bfault of\b/i,
  /\b(?:is|are|was|were) to blame\b/i,
  /\bblamed?\b(?!less)/i,
  /\bcareless\w*\b/i,
  /\bnegligen\w*\b/i,
  /\bincompeten\w*\b/i,
  /\bshould have (?:known|checked|been more careful)\b/i,
  /\b(?:users?|staff|engineers?|he|she|they) should have\b/i,
  /\bnot paying attention\b/i,
  /\bscrewed up\b/i,
  /\bmessed up\b/i,
];

/** Words that, in the same sentence as a person's name, make the sentence about their fault. */
const FAULT = /(?:\bchange\b.{0,20}\bmade\b|\bmade\b.{0,20}\bchange\b|'s (?:change|mistake)\b)|\b(caused?|causing|mistake|error|fault|broke|responsible|should(?:n't| not)? have|forgot|missed|failed to|didn't|did not|careless|more careful|made the change|did the change|ran the change|pushed the change)\b/i;

export interface Person {
  readonly name: string;
}

/**
 * Blame in a text, quoted: the blaming phrases, plus the name of any person from the scenario
 * mentioned in a sentence about fault. Naming someone for their role ("Marcus is technical
 * lead") is not blame; "Priya's change caused it" is.
 */
export function findBlame(text: string, people: readonly Person[]): string[] {
  // R3: a negated blame phrase ("not human error", "no one is to blame") is blameless language.
  const found = findAll(text, BLAME).filter((phrase) => {
    const at = text.toLowerCase().indexOf(phrase.toLowerCase());
    return !/\b(?:not|no|never|isn't|wasn't|rather than|nor)\s+(?:\w+\s+){0,2}$/i.test(text.slice(Math.max(0, at - 30), at));
  });
  for (const sentence of text.split(/(?<=[.!?;\n])\s+/)) {
    if (!FAULT.test(sentence)) continue;
    for (const person of people) {
      const first = person.name.split(/\s+/)[0] ?? '';
      const names = [person.name, ...(first.length >= 3 ? [first] : [])];
      const hit = names.find((name) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(sentence));
      if (hit && !found.includes(hit)) found.push(hit);
    }
  }
  return found;
}

import { closest } from 'fastest-levenshtein';

/** `; did you mean "x"?` when one of `known` is close enough to `wrong` to be a likely typo, else ''. */
export function didYouMean(wrong: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const guess = closest(wrong, [...known]);
  return similar(wrong, guess) ? `; did you mean "${guess}"?` : '';
}

/** Close enough to suggest: one contains the other, or they share most of their letters. */
function similar(a: string, b: string): boolean {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la.includes(lb) || lb.includes(la)) return true;
  const letters = new Set(la);
  let common = 0;
  for (const ch of letters) if (lb.includes(ch)) common += 1;
  return common / Math.max(letters.size, new Set(lb).size) >= 0.6;
}

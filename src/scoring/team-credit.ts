import type { LoadedScenario } from '../scenario/loader.ts';
import { isActionEntry, type LogEntry } from '../engine/attempt-log.ts';
import { decidedBy, describeEntry, THE_TEAM } from '../engine/describe-entry.ts';

export { THE_TEAM };

export interface Credit {
  /** A participant's name, or THE_TEAM for decisions no one person was named for. */
  readonly who: string;
  readonly decisions: readonly { readonly t: number; readonly text: string }[];
}

/**
 * Tabletop credit: who in the room made which decision, from each accepted action's `by`.
 * Every participant is listed (some may have made none); decisions recorded for someone not
 * on the list still count for them; unattributed decisions are the team's.
 */
export function teamCredit(scenario: LoadedScenario, log: readonly LogEntry[], participants: readonly string[]): Credit[] {
  const byPerson = new Map<string, { t: number; text: string }[]>(participants.map((p) => [p, []]));
  const team: { t: number; text: string }[] = [];
  for (const entry of log) {
    if (!isActionEntry(entry)) continue;
    const text = describeEntry(scenario, entry, log).text;
    const who = decidedBy(entry);
    if (who === undefined) team.push({ t: entry.t, text });
    else byPerson.set(who, [...(byPerson.get(who) ?? []), { t: entry.t, text }]);
  }
  return [...[...byPerson].map(([who, decisions]) => ({ who, decisions })), ...(team.length > 0 ? [{ who: THE_TEAM, decisions: team }] : [])];
}

/** "A, B, C" from what was typed: comma- or line-separated, trimmed, no blanks or repeats. */
export function parseParticipants(text: string): string[] {
  // "The team" is what an action with no one named is credited to, not a person.
  return [...new Set(text.split(/[,\n]/).map((name) => name.trim()).filter((name) => name !== '' && name.toLowerCase() !== THE_TEAM.toLowerCase()))];
}

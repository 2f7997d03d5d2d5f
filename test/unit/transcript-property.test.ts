import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTranscript } from '../../src/engine/transcript.ts';
import { ACTION_TYPES } from '../../src/engine/actions.ts';
import { flagship } from '../support/exercise-driver.ts';
import { playActions } from '../../src/engine/replay.ts';
import { score } from '../../src/scoring/score.ts';

const scenario = flagship();
const ids = ['iam', 'network', 'a-synthetic-sso', 'signin-logs', 'rollback-chg-4411', 'CHG-4411', 'nope', ''];

// Anything that looks roughly like an action, including wrong types and junk values.
const actionLike = fc.record(
  {
    at: fc.oneof(fc.constantFrom('0m', '1m', '90s', '5m', '30m', '2x', '', '1h10m'), fc.string(), fc.integer()),
    type: fc.oneof(fc.constantFrom(...ACTION_TYPES), fc.string()),
    to: fc.constantFrom(...ids),
    alert: fc.constantFrom(...ids),
    source: fc.constantFrom(...ids),
    mitigation: fc.constantFrom(...ids),
    change: fc.constantFrom(...ids),
    level: fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P9', 1),
    audience: fc.constantFrom('stakeholders', 'service-desk', 'executives', 'everyone'),
    text: fc.string(),
    note: fc.string(),
    evidence: fc.array(fc.constantFrom(...ids), { maxLength: 3 }),
    role: fc.constantFrom('scribe', 'incident-commander', 'boss'),
  },
  { requiredKeys: ['at', 'type'] },
);

describe('transcript parser on arbitrary input', () => {
  it('never throws: it returns a transcript that replays and scores, or located problems', () => {
    fc.assert(
      fc.property(fc.array(actionLike, { maxLength: 12 }), fc.boolean(), (actions, breakJson) => {
        let text = JSON.stringify({ scenario: 'sso-outage-monday', actions }, null, 1);
        if (breakJson) text = text.slice(0, Math.floor(text.length / 2));
        const lines = text.split('\n').length;
        const { transcript, problems } = parseTranscript(text, 'fuzz.json', scenario);
        if (transcript) {
          expect(problems).toEqual([]);
          const card = score(scenario, playActions(scenario, transcript.actions).log);
          expect(card.total).toBeGreaterThanOrEqual(0);
          expect(card.total).toBeLessThanOrEqual(100);
        } else {
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lines + 1);
            expect(p.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

// Not just action-shaped input: anything at all, including JSON of the wrong shape and binary junk.
describe('transcript parser on any text at all', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.json({ maxDepth: 4 }),
    fc.jsonValue({ maxDepth: 3 }).map((actions) => JSON.stringify({ scenario: 'sso-outage-monday', actions })),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ scenario: value, actions: [] })),
  );

  it('never throws: a transcript with no problems, or located problems', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let result: ReturnType<typeof parseTranscript>;
        try {
          result = parseTranscript(text, 'any.json', scenario);
        } catch (error) {
          throw new Error(`parseTranscript threw on ${JSON.stringify(text).slice(0, 300)}: ${error instanceof Error ? error.stack : String(error)}`);
        }
        const lines = text.split('\n').length;
        if (result.transcript) {
          expect(result.problems).toEqual([]);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lines + 1);
            expect(p.message.trim().length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 400, seed: 17 },
    );
  });
});
